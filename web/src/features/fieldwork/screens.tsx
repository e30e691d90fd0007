// The field screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { ActivitiesPage, VerifyQueuePage } from './activities';
import { ActivityDetailPage } from './activity_detail';
import { ActivityFormPage } from './activity_form';
import { FeedbackDetailPage } from './feedback_detail';
import { FeedbackFormPage } from './feedback_form';
import { FeedbackPage } from './feedback_list';
import { OutboxPage } from './outbox';

export const screens: Screens = {
  activities: ({ can }) => <ActivitiesPage canWrite={can('activity.write')} />,
  'activity-new': ({ user }) => <ActivityFormPage key="new" user={user} />,
  activity: ({ params, user, can }) => (
    <ActivityDetailPage
      key={params.id}
      id={params.id}
      user={user}
      verifier={can('activity.verify')}
    />
  ),
  'activity-edit': ({ params, user }) => (
    <ActivityFormPage key={params.id} id={params.id} user={user} />
  ),
  verify: () => <VerifyQueuePage />,
  outbox: () => <OutboxPage />,
  feedback: ({ can }) => <FeedbackPage canLog={can('feedback.write')} />,
  'feedback-new': () => <FeedbackFormPage key="new" />,
  'feedback-fix': ({ params }) => <FeedbackFormPage key={params.entry} entry={params.entry} />,
  'feedback-item': ({ params, user, can }) => (
    <FeedbackDetailPage
      key={params.id}
      id={params.id}
      user={user}
      manage={can('feedback.manage')}
      sensitive={can('feedback.sensitive')}
    />
  ),
};
