// The supervision screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { ActionsPage } from './actions';
import { MeetingFormPage, MeetingPage, MeetingsPage } from './meetings';
import { ReportPage } from './report';
import { VisitFormPage } from './visit_form';
import { VisitPage, VisitsPage } from './visits';

export const screens: Screens = {
  'sup-visits': ({ can }) => <VisitsPage canWrite={can('supervision.write')} />,
  'sup-visit-new': () => <VisitFormPage key="new" />,
  'sup-visit': ({ params, user, can }) => (
    <VisitPage key={params.id} id={params.id} user={user} supervisor={can('supervision.write')} />
  ),
  'sup-report': () => <ReportPage />,
  'sup-meetings': ({ can }) => <MeetingsPage canWrite={can('supervision.write')} />,
  'sup-meeting-new': () => <MeetingFormPage key="new" />,
  'sup-meeting': ({ params, user, can }) => (
    <MeetingPage key={params.id} id={params.id} user={user} supervisor={can('supervision.write')} />
  ),
  'sup-actions': ({ user, can }) => (
    <ActionsPage user={user} supervisor={can('supervision.write')} />
  ),
};
