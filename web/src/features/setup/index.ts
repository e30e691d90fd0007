// The programme set-up: settings, report templates, the DHIS2 mapping (a tab of the reports
// section). Screens in a lazy chunk fetched with the reports' messages, which they use.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { reportsStrings } from '../reports/strings';

const row = (path: string, page: string) => route(path, page, 'reports');

export const setup: Feature = {
  name: 'setup',
  routes: [
    row('setup', 'setup'),
    row('setup/settings', 'setup-settings'),
    row('setup/templates', 'setup-templates'),
    row('setup/templates/:code', 'setup-template'),
    row('setup/new-template', 'setup-template-new'),
    row('setup/dhis2', 'setup-dhis2'),
  ],
  nav: [],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(reportsStrings)]).then(([m]) => m.screens),
};
