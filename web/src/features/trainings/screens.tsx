// The training screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { ActivityFormPage } from '../fieldwork/activity_form';
import { rightsOf } from './common';
import { CourseFormPage, CoursesPage } from './courses';
import { TrainingEventPage, TrainingsPage } from './events';
import { NeedFormPage, NeedsPage } from './needs';
import { AchievementPage, PlanFormPage, PlanImportPage, PlansPage } from './plans';

export const screens: Screens = {
  trainings: ({ can }) => <TrainingsPage rights={rightsOf(can)} />,
  'training-new': ({ user }) => (
    <ActivityFormPage key="new-training" user={user} presetType="training" />
  ),
  training: ({ params, user, can }) => (
    <TrainingEventPage key={params.id} id={params.id} user={user} rights={rightsOf(can)} />
  ),
  courses: ({ can }) => <CoursesPage rights={rightsOf(can)} />,
  'course-new': () => <CourseFormPage key="new" />,
  course: ({ params }) => <CourseFormPage key={params.id} id={params.id} />,
  needs: ({ can }) => <NeedsPage rights={rightsOf(can)} />,
  'need-new': ({ user }) => <NeedFormPage key="new" user={user} />,
  need: ({ params, user }) => <NeedFormPage key={params.id} id={params.id} user={user} />,
  plans: ({ can }) => <PlansPage rights={rightsOf(can)} />,
  'plan-new': () => <PlanFormPage key="new" />,
  plan: ({ params }) => <PlanFormPage key={params.id} id={params.id} />,
  'plan-import': () => <PlanImportPage />,
  achievement: () => <AchievementPage />,
};
