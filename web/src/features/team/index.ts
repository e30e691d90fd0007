// The team: the reporting line as a tree (and, below it, staff work plans, daily diaries and the
// field-day tally). Screens in a lazy chunk fetched with their messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { fieldworkStrings } from '../fieldwork/strings';
import { registryStrings } from '../registry/strings';
import { teamStrings } from './strings';

const row = (path: string, page: string) => route('team' + path, page, 'team');

export const team: Feature = {
  name: 'team',
  routes: [
    row('', 'team'),
    row('/plans', 'work-plans'),
    row('/plans/new', 'work-plan-new'),
    row('/plans/:id', 'work-plan'),
    row('/diary', 'diaries'),
    row('/diary/new', 'diary-new'),
    row('/diary/new/:entry', 'diary-fix'),
    row('/diary/:id', 'diary'),
    row('/diary/:id/edit', 'diary-edit'),
    row('/tally', 'tally'),
  ],
  nav: [{ section: 'team', label: 'nav.team', order: 65 }],
  screens: () =>
    Promise.all([
      import('./screens'),
      loadMessages(registryStrings, fieldworkStrings, teamStrings),
    ]).then(([m]) => m.screens),
};
