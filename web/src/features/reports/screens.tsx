// The monitoring screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { reportRightsOf } from './common';
import { DashboardPage } from './dashboard';
import { IndicatorDetailPage, IndicatorsPage } from './indicators';
import { IndicatorFormPage } from './indicators_form';
import { IndicatorRecordsPage } from './indicators_records';
import { ReportDetailPage } from './report_detail';
import { ReportCreatePage, ReportsPage } from './reports_list';
import { TargetImportPage, TargetsPage } from './targets';

export const screens: Screens = {
  dashboard: ({ user }) => <DashboardPage user={user} />,
  'indicator-records': ({ params }) => (
    <IndicatorRecordsPage
      key={JSON.stringify(params)}
      code={params.code}
      area={params.area}
      period={params.period}
      column={params.column}
      group={params.group}
    />
  ),
  reports: ({ can }) => <ReportsPage rights={reportRightsOf(can)} />,
  'report-new': ({ user }) => <ReportCreatePage user={user} />,
  report: ({ params, user, can }) => (
    <ReportDetailPage key={params.id} id={params.id} rights={reportRightsOf(can)} user={user} />
  ),
  targets: ({ can }) => <TargetsPage rights={reportRightsOf(can)} />,
  'target-import': () => <TargetImportPage />,
  indicators: ({ can }) => <IndicatorsPage rights={reportRightsOf(can)} />,
  indicator: ({ params, can }) => (
    <IndicatorDetailPage key={params.code} code={params.code} rights={reportRightsOf(can)} />
  ),
  'indicator-new': () => <IndicatorFormPage key="new" />,
  'indicator-edit': ({ params }) => <IndicatorFormPage key={params.code} code={params.code} />,
};
