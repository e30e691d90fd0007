// The registry: households, institutions, their imports, duplicates and the summary. Screens in
// a lazy chunk (screens.tsx) fetched with the registry's messages.
import type { Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { registryStrings } from './strings';

const hh = 'households';
const inst = 'institutions';

export const registry: Feature = {
  name: 'registry',
  routes: [
    { path: 'households', page: 'households', section: hh },
    {
      path: 'households/new',
      page: 'household-new',
      section: hh,
      needs: 'registry.write',
      otherwise: 'households',
    },
    {
      path: 'households/import',
      page: 'household-import',
      section: hh,
      needs: 'registry.write',
      otherwise: 'households',
    },
    { path: 'households/duplicates', page: 'duplicates', section: hh },
    { path: 'households/:id', page: 'household', section: hh },
    {
      path: 'households/:id/edit',
      page: 'household-edit',
      section: hh,
      needs: 'registry.write',
      otherwise: 'household',
    },
    { path: 'institutions', page: 'institutions', section: inst },
    {
      path: 'institutions/new',
      page: 'institution-new',
      section: inst,
      needs: 'registry.write',
      otherwise: 'institutions',
    },
    {
      path: 'institutions/import',
      page: 'institution-import',
      section: inst,
      needs: 'registry.write',
      otherwise: 'institutions',
    },
    { path: 'institutions/:id', page: 'institution', section: inst },
    {
      path: 'institutions/:id/edit',
      page: 'institution-edit',
      section: inst,
      needs: 'registry.write',
      otherwise: 'institution',
    },
    { path: 'summary', page: 'summary', section: 'summary' },
    { path: 'summary/:id', page: 'summary', section: 'summary' },
  ],
  nav: [
    { section: hh, label: 'nav.households', order: 20 },
    { section: inst, label: 'nav.institutions', order: 30 },
    { section: 'summary', label: 'nav.summary', order: 40 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(registryStrings)]).then(([m]) => m.screens),
};
