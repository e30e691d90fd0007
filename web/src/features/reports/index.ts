// Monitoring: the dashboard and the records behind its numbers, progress reports, targets and
// the indicator library. Screens in a lazy chunk fetched with the reports' messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { reportsStrings } from './strings';

const records = 'dashboard/records/:code/:area/:period/:column';

export const reports: Feature = {
  name: 'reports',
  routes: [
    route('dashboard', 'dashboard', 'dashboard'),
    route(records, 'indicator-records', 'dashboard'),
    route(records + '/:group', 'indicator-records', 'dashboard'),
    route('reports', 'reports', 'reports'),
    route('reports/new', 'report-new', 'reports', ['report.write', 'reports']),
    route('reports/:id', 'report', 'reports'),
    route('targets', 'targets', 'reports'),
    route('targets/import', 'target-import', 'reports', ['target.write', 'targets']),
    route('indicators', 'indicators', 'reports'),
    route('indicators/new', 'indicator-new', 'reports', ['indicator.write', 'indicators']),
    route('indicators/:code', 'indicator', 'reports'),
    route('indicators/:code/edit', 'indicator-edit', 'reports', ['indicator.write', 'indicator']),
  ],
  nav: [
    { section: 'dashboard', label: 'nav.dashboard', order: 10 },
    { section: 'reports', label: 'nav.reports', order: 90 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(reportsStrings)]).then(([m]) => m.screens),
};
