// The registry: households, institutions, their imports, duplicates and the summary. Screens in
// a lazy chunk (screens.tsx) fetched with the registry's messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { registryStrings } from './strings';

const hh = (path: string, page: string, otherwise?: string) =>
  route(
    'households' + path,
    page,
    'households',
    otherwise ? ['registry.write', otherwise] : undefined,
  );
const inst = (path: string, page: string, otherwise?: string) =>
  route(
    'institutions' + path,
    page,
    'institutions',
    otherwise ? ['registry.write', otherwise] : undefined,
  );

export const registry: Feature = {
  name: 'registry',
  routes: [
    hh('', 'households'),
    hh('/new', 'household-new', 'households'),
    hh('/import', 'household-import', 'households'),
    hh('/duplicates', 'duplicates'),
    hh('/:id', 'household'),
    hh('/:id/edit', 'household-edit', 'household'),
    inst('', 'institutions'),
    inst('/new', 'institution-new', 'institutions'),
    inst('/import', 'institution-import', 'institutions'),
    inst('/:id', 'institution'),
    inst('/:id/edit', 'institution-edit', 'institution'),
    // A membership refused by the server, reopened from the outbox in its form ("Fix").
    inst('/:id/members/:member', 'institution'),
    route('summary', 'summary', 'summary'),
    route('summary/:id', 'summary', 'summary'),
  ],
  nav: [
    { section: 'households', label: 'nav.households', order: 20 },
    { section: 'institutions', label: 'nav.institutions', order: 30 },
    { section: 'summary', label: 'nav.summary', order: 40 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(registryStrings)]).then(([m]) => m.screens),
};
