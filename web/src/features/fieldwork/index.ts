// Field work: activities, their verification, community feedback. Screens in a lazy chunk
// fetched with the registry's messages (shared labels such as sex and age bands) and their own.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { registryStrings } from '../registry/strings';
import { fieldworkStrings } from './strings';

export const fieldwork: Feature = {
  name: 'fieldwork',
  routes: [
    route('activities', 'activities', 'activities'),
    route('activities/new', 'activity-new', 'activities', ['activity.write', 'activities']),
    route('activities/:id', 'activity', 'activities'),
    route('activities/:id/edit', 'activity-edit', 'activities'),
    route('verify', 'verify', 'verify', ['activity.verify', 'activities']),
    route('feedback', 'feedback', 'feedback'),
    route('feedback/new', 'feedback-new', 'feedback'),
    route('feedback/new/:entry', 'feedback-fix', 'feedback'),
    route('feedback/:id', 'feedback-item', 'feedback'),
    route('outbox', 'outbox', 'outbox'),
  ],
  nav: [
    { section: 'activities', label: 'nav.activities', order: 50 },
    { section: 'verify', label: 'nav.verify', order: 60, needs: 'activity.verify' },
    { section: 'feedback', label: 'nav.feedback', order: 80 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(registryStrings, fieldworkStrings)]).then(
      ([m]) => m.screens,
    ),
};
