// The monitoring screens (dashboard and the records behind its numbers; progress reports;
// targets; the indicator library; the programme set-up: settings, report templates, DHIS2
// mapping): one lazily loaded chunk; the shell hands it the route.
import type { Route } from '../router';
import type { User } from '../types';
import { DashboardPage } from './dashboard';
import { IndicatorDetailPage, IndicatorsPage } from './indicators';
import { IndicatorFormPage } from './indicators_form';
import { IndicatorRecordsPage } from './indicators_records';
import { reportRightsOf } from './reports_bits';
import { ReportDetailPage } from './reports_detail';
import { ReportCreatePage, ReportsPage } from './reports_list';
import { SetupPage } from './setup_bits';
import { Dhis2Page } from './setup_dhis2';
import { SettingsPage } from './setup_settings';
import { TemplateEditPage, TemplatesPage } from './setup_templates';
import { TargetImportPage, TargetsPage } from './targets';

export function ReportsRoutes({ route, user }: { route: Route; user: User }) {
  const r = reportRightsOf(user);
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage user={user} />;
    case 'indicator-records':
      return (
        <IndicatorRecordsPage
          key={JSON.stringify(route)}
          code={route.code}
          area={route.area}
          period={route.period}
          column={route.column}
          group={route.group}
        />
      );
    case 'reports':
      return <ReportsPage rights={r} />;
    case 'report-new':
      return r.write ? <ReportCreatePage user={user} /> : <ReportsPage rights={r} />;
    case 'report':
      return <ReportDetailPage key={route.id} id={route.id} rights={r} user={user} />;
    case 'targets':
      return <TargetsPage rights={r} />;
    case 'target-import':
      return r.targets ? <TargetImportPage /> : <TargetsPage rights={r} />;
    case 'indicators':
      return <IndicatorsPage rights={r} />;
    case 'indicator':
      return <IndicatorDetailPage key={route.code} code={route.code} rights={r} />;
    case 'indicator-new':
      return r.define ? <IndicatorFormPage key="new" /> : <IndicatorsPage rights={r} />;
    case 'indicator-edit':
      return r.define ? (
        <IndicatorFormPage key={route.code} code={route.code} />
      ) : (
        <IndicatorDetailPage code={route.code} rights={r} />
      );
    case 'setup':
      return <SetupPage user={user} />;
    case 'setup-settings':
      return <SettingsPage user={user} />;
    case 'setup-templates':
      return <TemplatesPage user={user} />;
    case 'setup-template':
      return <TemplateEditPage key={route.code} code={route.code} user={user} />;
    case 'setup-template-new':
      return <TemplateEditPage key="new" code={null} user={user} />;
    case 'setup-dhis2':
      return <Dhis2Page user={user} />;
    default:
      return null;
  }
}
