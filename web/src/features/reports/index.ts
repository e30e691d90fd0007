// Monitoring: the dashboard and the records behind its numbers, progress reports, targets and
// the indicator library. Screens in a lazy chunk fetched with the reports' messages.
import type { Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { reportsStrings } from './strings';

export const reports: Feature = {
  name: 'reports',
  routes: [
    { path: 'dashboard', page: 'dashboard', section: 'dashboard' },
    {
      path: 'dashboard/records/:code/:area/:period/:column',
      page: 'indicator-records',
      section: 'dashboard',
    },
    {
      path: 'dashboard/records/:code/:area/:period/:column/:group',
      page: 'indicator-records',
      section: 'dashboard',
    },
    { path: 'reports', page: 'reports', section: 'reports' },
    {
      path: 'reports/new',
      page: 'report-new',
      section: 'reports',
      needs: 'report.write',
      otherwise: 'reports',
    },
    { path: 'reports/:id', page: 'report', section: 'reports' },
    { path: 'targets', page: 'targets', section: 'reports' },
    {
      path: 'targets/import',
      page: 'target-import',
      section: 'reports',
      needs: 'target.write',
      otherwise: 'targets',
    },
    { path: 'indicators', page: 'indicators', section: 'reports' },
    {
      path: 'indicators/new',
      page: 'indicator-new',
      section: 'reports',
      needs: 'indicator.write',
      otherwise: 'indicators',
    },
    { path: 'indicators/:code', page: 'indicator', section: 'reports' },
    {
      path: 'indicators/:code/edit',
      page: 'indicator-edit',
      section: 'reports',
      needs: 'indicator.write',
      otherwise: 'indicator',
    },
  ],
  nav: [
    { section: 'dashboard', label: 'nav.dashboard', order: 10 },
    { section: 'reports', label: 'nav.reports', order: 90 },
  ],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(reportsStrings)]).then(([m]) => m.screens),
};
