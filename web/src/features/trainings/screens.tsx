// The training screens (events with their trainees, scores and follow-ups; the course catalogue;
// training needs; plans, their import, and plan against achievement): one lazily loaded chunk;
// the shell hands it the route.
import type { Route } from '../router';
import { hasRole } from '../session';
import type { User } from '../types';
import { ActivityFormPage } from './activity_form';
import { CourseFormPage, CoursesPage } from './courses';
import { NeedFormPage, NeedsPage } from './training_needs';
import { TrainingEventPage, TrainingsPage } from './training_events';
import { AchievementPage, PlanFormPage, PlanImportPage, PlansPage } from './training_plans';

export interface TrainingRights {
  // Records trainings, needs and follow-ups (every role but M&E and focal points).
  write: boolean;
  // Keeps the course catalogue (managers, administrators).
  courses: boolean;
  // Sets plans (officers, managers, administrators of the area).
  plans: boolean;
  verifier: boolean;
}

export function rightsOf(user: User): TrainingRights {
  const verifier = hasRole(user, 'officer') || hasRole(user, 'manager');
  return {
    write: user.roles.some((r) => r.role !== 'me' && r.role !== 'focal_point'),
    courses: hasRole(user, 'manager') || hasRole(user, 'admin'),
    plans: verifier || hasRole(user, 'admin'),
    verifier,
  };
}

export function TrainingRoutes({ route, user }: { route: Route; user: User }) {
  const r = rightsOf(user);
  switch (route.page) {
    case 'trainings':
      return <TrainingsPage rights={r} />;
    case 'training-new':
      return r.write ? (
        <ActivityFormPage key="new-training" user={user} presetType="training" />
      ) : (
        <TrainingsPage rights={r} />
      );
    case 'training':
      return <TrainingEventPage key={route.id} id={route.id} user={user} rights={r} />;
    case 'courses':
      return <CoursesPage rights={r} />;
    case 'course-new':
      return r.courses ? <CourseFormPage key="new" /> : <CoursesPage rights={r} />;
    case 'course':
      return r.courses ? (
        <CourseFormPage key={route.id} id={route.id} />
      ) : (
        <CoursesPage rights={r} />
      );
    case 'needs':
      return <NeedsPage rights={r} />;
    case 'need-new':
      return r.write ? <NeedFormPage key="new" user={user} /> : <NeedsPage rights={r} />;
    case 'need':
      return r.write ? (
        <NeedFormPage key={route.id} id={route.id} user={user} />
      ) : (
        <NeedsPage rights={r} />
      );
    case 'plans':
      return <PlansPage rights={r} />;
    case 'plan-new':
      return r.plans ? <PlanFormPage key="new" /> : <PlansPage rights={r} />;
    case 'plan':
      return r.plans ? <PlanFormPage key={route.id} id={route.id} /> : <PlansPage rights={r} />;
    case 'plan-import':
      return r.plans ? <PlanImportPage /> : <PlansPage rights={r} />;
    case 'achievement':
      return <AchievementPage />;
    default:
      return null;
  }
}
