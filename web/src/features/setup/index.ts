// The programme set-up: settings, report templates, the DHIS2 mapping (a tab of the reports
// section). Screens in a lazy chunk fetched with the reports' messages, which they use.
import type { Feature, RouteDef } from '../../feature';
import { loadMessages } from '../../i18n';
import { reportsStrings } from '../reports/strings';

const route = (path: string, page: string): RouteDef => ({ path, page, section: 'reports' });

export const setup: Feature = {
  name: 'setup',
  routes: [
    route('setup', 'setup'),
    route('setup/settings', 'setup-settings'),
    route('setup/templates', 'setup-templates'),
    route('setup/templates/:code', 'setup-template'),
    route('setup/new-template', 'setup-template-new'),
    route('setup/dhis2', 'setup-dhis2'),
  ],
  nav: [],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(reportsStrings)]).then(([m]) => m.screens),
};
