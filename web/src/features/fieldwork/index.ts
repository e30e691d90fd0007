// Field work: activities, their verification, community feedback. Screens in a lazy chunk
// fetched with the registry's messages (shared labels such as sex and age bands) and their own.
import type { Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { registryStrings } from '../registry/strings';
import { fieldworkStrings } from './strings';

const act = 'activities';
const fb = 'feedback';

export const fieldwork: Feature = {
  name: 'fieldwork',
  routes: [
    { path: 'activities', page: 'activities', section: act },
    {
      path: 'activities/new',
      page: 'activity-new',
      section: act,
      needs: 'activity.write',
      otherwise: 'activities',
    },
    { path: 'activities/:id', page: 'activity', section: act },
    { path: 'activities/:id/edit', page: 'activity-edit', section: act },
    {
      path: 'verify',
      page: 'verify',
      section: 'verify',
      needs: 'activity.verify',
      otherwise: 'activities',
    },
    { path: 'feedback', page: 'feedback', section: fb },
    { path: 'feedback/new', page: 'feedback-new', section: fb },
    { path: 'feedback/:id', page: 'feedback-item', section: fb },
  ],
  nav: [
    { section: act, label: 'nav.activities', order: 50 },
    { section: 'verify', label: 'nav.verify', order: 60, needs: 'activity.verify' },
    { section: fb, label: 'nav.feedback', order: 80 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(registryStrings, fieldworkStrings)]).then(
      ([m]) => m.screens,
    ),
};
