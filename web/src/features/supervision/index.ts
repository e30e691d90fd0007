// Supervision: visits of a supervisor to staff at work, institutions and villages, scored
// against a supervision checklist, team review meetings, the actions agreed at both and their
// follow-up, and the supervision report. Screens in
// a lazy chunk fetched with the registry and field messages they share and their own.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { fieldworkStrings } from '../fieldwork/strings';
import { registryStrings } from '../registry/strings';
import { trainingsStrings } from '../trainings/strings';
import { supervisionStrings } from './strings';

export const supervision: Feature = {
  name: 'supervision',
  routes: [
    route('supervision', 'sup-visits', 'supervision'),
    route('supervision/new', 'sup-visit-new', 'supervision', ['supervision.write', 'sup-visits']),
    route('supervision/actions', 'sup-actions', 'supervision'),
    route('supervision/report', 'sup-report', 'supervision'),
    route('supervision/meetings', 'sup-meetings', 'supervision'),
    route('supervision/meetings/new', 'sup-meeting-new', 'supervision', [
      'supervision.write',
      'sup-meetings',
    ]),
    route('supervision/meetings/:id', 'sup-meeting', 'supervision'),
    route('supervision/:id', 'sup-visit', 'supervision'),
  ],
  nav: [{ section: 'supervision', label: 'nav.supervision', order: 75 }],
  screens: () =>
    Promise.all([
      import('./screens'),
      loadMessages(registryStrings, fieldworkStrings, trainingsStrings, supervisionStrings),
    ]).then(([m]) => m.screens),
};
