// Trainings: events with their trainees, scores and follow-ups; the course catalogue; training
// needs; plans, their import, and plan against achievement. Screens in a lazy chunk fetched with
// the registry and field messages they share and their own.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import type { Permission } from '../../types';
import { fieldworkStrings } from '../fieldwork/strings';
import { registryStrings } from '../registry/strings';
import { trainingsStrings } from './strings';

const row = (path: string, page: string, needs?: Permission, otherwise?: string) =>
  route('trainings' + path, page, 'trainings', needs && otherwise ? [needs, otherwise] : undefined);

export const trainings: Feature = {
  name: 'trainings',
  routes: [
    row('', 'trainings'),
    row('/new', 'training-new', 'activity.write', 'trainings'),
    row('/:id', 'training'),
    row('/courses', 'courses'),
    row('/courses/new', 'course-new', 'course.write', 'courses'),
    row('/courses/:id', 'course', 'course.write', 'courses'),
    row('/needs', 'needs'),
    row('/needs/new', 'need-new', 'activity.write', 'needs'),
    row('/needs/:id', 'need', 'activity.write', 'needs'),
    row('/plans', 'plans'),
    row('/plans/new', 'plan-new', 'training_plan.write', 'plans'),
    row('/plans/import', 'plan-import', 'training_plan.write', 'plans'),
    row('/plans/:id', 'plan', 'training_plan.write', 'plans'),
    row('/achievement', 'achievement'),
  ],
  nav: [{ section: 'trainings', label: 'nav.trainings', order: 70 }],
  screens: () =>
    Promise.all([
      import('./screens'),
      loadMessages(registryStrings, fieldworkStrings, trainingsStrings),
    ]).then(([m]) => m.screens),
};
