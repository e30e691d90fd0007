// The field screens (activities, their verification, community feedback): one lazily loaded
// chunk; the shell hands it the route.
import type { Route } from '../router';
import { hasRole } from '../session';
import type { User } from '../types';
import { ActivitiesPage, VerifyQueuePage } from './activities';
import { ActivityDetailPage } from './activity_detail';
import { ActivityFormPage } from './activity_form';
import { FeedbackDetailPage } from './feedback_detail';
import { FeedbackFormPage } from './feedback_form';
import { FeedbackPage } from './feedback_list';

export function FieldRoutes({ route, user }: { route: Route; user: User }) {
  const write = user.roles.some((r) => r.role !== 'me' && r.role !== 'focal_point');
  const verifier = hasRole(user, 'officer') || hasRole(user, 'manager');
  switch (route.page) {
    case 'activities':
      return <ActivitiesPage canWrite={write} />;
    case 'activity-new':
      return write ? (
        <ActivityFormPage key="new" user={user} />
      ) : (
        <ActivitiesPage canWrite={write} />
      );
    case 'activity':
      return <ActivityDetailPage key={route.id} id={route.id} user={user} verifier={verifier} />;
    case 'activity-edit':
      return <ActivityFormPage key={route.id} id={route.id} user={user} />;
    case 'verify':
      return verifier ? <VerifyQueuePage /> : <ActivitiesPage canWrite={write} />;
    case 'feedback':
      return <FeedbackPage user={user} />;
    case 'feedback-new':
      return <FeedbackFormPage key="new" />;
    case 'feedback-item':
      return <FeedbackDetailPage key={route.id} id={route.id} user={user} />;
    default:
      return null;
  }
}
