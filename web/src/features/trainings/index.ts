// Trainings: events with their trainees, scores and follow-ups; the course catalogue; training
// needs; plans, their import, and plan against achievement. Screens in a lazy chunk fetched with
// the registry and field messages they share and their own.
import type { Feature, RouteDef } from '../../feature';
import { loadMessages } from '../../i18n';
import type { Permission } from '../../types';
import { fieldworkStrings } from '../fieldwork/strings';
import { registryStrings } from '../registry/strings';
import { trainingsStrings } from './strings';

const route = (path: string, page: string, needs?: Permission, otherwise?: string): RouteDef => ({
  path: 'trainings' + path,
  page,
  section: 'trainings',
  needs,
  otherwise,
});

export const trainings: Feature = {
  name: 'trainings',
  routes: [
    route('', 'trainings'),
    route('/new', 'training-new', 'activity.write', 'trainings'),
    route('/:id', 'training'),
    route('/courses', 'courses'),
    route('/courses/new', 'course-new', 'course.write', 'courses'),
    route('/courses/:id', 'course', 'course.write', 'courses'),
    route('/needs', 'needs'),
    route('/needs/new', 'need-new', 'activity.write', 'needs'),
    route('/needs/:id', 'need', 'activity.write', 'needs'),
    route('/plans', 'plans'),
    route('/plans/new', 'plan-new', 'training_plan.write', 'plans'),
    route('/plans/import', 'plan-import', 'training_plan.write', 'plans'),
    route('/plans/:id', 'plan', 'training_plan.write', 'plans'),
    route('/achievement', 'achievement'),
  ],
  nav: [{ section: 'trainings', label: 'nav.trainings', order: 70 }],
  screens: () =>
    Promise.all([
      import('./screens'),
      loadMessages(registryStrings, fieldworkStrings, trainingsStrings),
    ]).then(([m]) => m.screens),
};
