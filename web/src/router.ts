// Hash routes (#/areas/ID): the server serves one index.html and never sees the route.
import { createStore } from './store';

export type Route =
  | { page: 'areas'; id?: string }
  | { page: 'area-import' }
  | { page: 'users' }
  | { page: 'user-new' }
  | { page: 'user'; id: string }
  | { page: 'audit' }
  | { page: 'account' }
  | { page: 'institutions' }
  | { page: 'institution-new' }
  | { page: 'institution-import' }
  | { page: 'institution'; id: string }
  | { page: 'institution-edit'; id: string }
  | { page: 'households' }
  | { page: 'household-new' }
  | { page: 'household-import' }
  | { page: 'duplicates' }
  | { page: 'household'; id: string }
  | { page: 'household-edit'; id: string }
  | { page: 'summary'; id?: string }
  | { page: 'activities' }
  | { page: 'activity-new' }
  | { page: 'activity'; id: string }
  | { page: 'activity-edit'; id: string }
  | { page: 'verify' }
  | { page: 'feedback' }
  | { page: 'feedback-new' }
  | { page: 'feedback-item'; id: string }
  | { page: 'trainings' }
  | { page: 'training-new' }
  | { page: 'training'; id: string }
  | { page: 'courses' }
  | { page: 'course-new' }
  | { page: 'course'; id: string }
  | { page: 'needs' }
  | { page: 'need-new' }
  | { page: 'need'; id: string }
  | { page: 'plans' }
  | { page: 'plan-new' }
  | { page: 'plan'; id: string }
  | { page: 'plan-import' }
  | { page: 'achievement' }
  | { page: 'dashboard' }
  | {
      page: 'indicator-records';
      code: string;
      area: string;
      period: string;
      column: string;
      group?: string;
    }
  | { page: 'reports' }
  | { page: 'report-new' }
  | { page: 'report'; id: string }
  | { page: 'targets' }
  | { page: 'target-import' }
  | { page: 'indicators' }
  | { page: 'indicator-new' }
  | { page: 'indicator'; code: string }
  | { page: 'indicator-edit'; code: string }
  | { page: 'setup' }
  | { page: 'setup-settings' }
  | { page: 'setup-templates' }
  | { page: 'setup-template'; code: string }
  | { page: 'setup-template-new' }
  | { page: 'setup-dhis2' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'areas':
      if (parts[1] === 'import') return { page: 'area-import' };
      return parts[1] ? { page: 'areas', id: parts[1] } : { page: 'areas' };
    case 'users':
      if (parts[1] === 'new') return { page: 'user-new' };
      return parts[1] ? { page: 'user', id: parts[1] } : { page: 'users' };
    case 'audit':
      return { page: 'audit' };
    case 'account':
      return { page: 'account' };
    case 'institutions':
      if (parts[1] === 'new') return { page: 'institution-new' };
      if (parts[1] === 'import') return { page: 'institution-import' };
      if (parts[1] && parts[2] === 'edit') return { page: 'institution-edit', id: parts[1] };
      return parts[1] ? { page: 'institution', id: parts[1] } : { page: 'institutions' };
    case 'households':
      if (parts[1] === 'new') return { page: 'household-new' };
      if (parts[1] === 'import') return { page: 'household-import' };
      if (parts[1] === 'duplicates') return { page: 'duplicates' };
      if (parts[1] && parts[2] === 'edit') return { page: 'household-edit', id: parts[1] };
      return parts[1] ? { page: 'household', id: parts[1] } : { page: 'households' };
    case 'summary':
      return parts[1] ? { page: 'summary', id: parts[1] } : { page: 'summary' };
    case 'activities':
      if (parts[1] === 'new') return { page: 'activity-new' };
      if (parts[1] && parts[2] === 'edit') return { page: 'activity-edit', id: parts[1] };
      return parts[1] ? { page: 'activity', id: parts[1] } : { page: 'activities' };
    case 'verify':
      return { page: 'verify' };
    case 'feedback':
      if (parts[1] === 'new') return { page: 'feedback-new' };
      return parts[1] ? { page: 'feedback-item', id: parts[1] } : { page: 'feedback' };
    case 'trainings':
      return trainingRoute(parts.slice(1));
    case 'dashboard':
    case 'reports':
    case 'targets':
    case 'indicators':
    case 'setup':
      return reportsRoute(parts);
    default:
      return { page: 'areas' };
  }
}

// #/trainings[/new|/ID], #/trainings/courses[/new|/ID], /needs[/new|/ID], /plans[/new|/import|/ID],
// /achievement.
function trainingRoute(p: string[]): Route {
  switch (p[0]) {
    case undefined:
      return { page: 'trainings' };
    case 'new':
      return { page: 'training-new' };
    case 'courses':
      if (p[1] === 'new') return { page: 'course-new' };
      return p[1] ? { page: 'course', id: p[1] } : { page: 'courses' };
    case 'needs':
      if (p[1] === 'new') return { page: 'need-new' };
      return p[1] ? { page: 'need', id: p[1] } : { page: 'needs' };
    case 'plans':
      if (p[1] === 'new') return { page: 'plan-new' };
      if (p[1] === 'import') return { page: 'plan-import' };
      return p[1] ? { page: 'plan', id: p[1] } : { page: 'plans' };
    case 'achievement':
      return { page: 'achievement' };
    default:
      return { page: 'training', id: p[0] };
  }
}

// #/dashboard, #/dashboard/records/CODE/AREA/PERIOD/COLUMN[/GROUP], #/reports[/new|/ID],
// #/targets[/import], #/indicators[/new|/CODE[/edit]], #/setup[/settings|/templates[/CODE]|/new-template|/dhis2].
function reportsRoute(p: string[]): Route {
  switch (p[0]) {
    case 'setup':
      if (p[1] === 'settings') return { page: 'setup-settings' };
      if (p[1] === 'templates')
        return p[2] ? { page: 'setup-template', code: p[2] } : { page: 'setup-templates' };
      if (p[1] === 'new-template') return { page: 'setup-template-new' };
      if (p[1] === 'dhis2') return { page: 'setup-dhis2' };
      return { page: 'setup' };
    case 'dashboard':
      if (p[1] === 'records' && p.length >= 6)
        return {
          page: 'indicator-records',
          code: p[2],
          area: p[3],
          period: p[4],
          column: p[5],
          group: p[6],
        };
      return { page: 'dashboard' };
    case 'reports':
      if (p[1] === 'new') return { page: 'report-new' };
      return p[1] ? { page: 'report', id: p[1] } : { page: 'reports' };
    case 'targets':
      return p[1] === 'import' ? { page: 'target-import' } : { page: 'targets' };
    default:
      if (p[1] === 'new') return { page: 'indicator-new' };
      if (p[1] && p[2] === 'edit') return { page: 'indicator-edit', code: p[1] };
      return p[1] ? { page: 'indicator', code: p[1] } : { page: 'indicators' };
  }
}

export const routeStore = createStore<Route>(parseRoute(location.hash));
window.addEventListener('hashchange', () => routeStore.set(parseRoute(location.hash)));

export function href(...parts: string[]): string {
  return '#/' + parts.map(encodeURIComponent).join('/');
}

export function navigate(...parts: string[]): void {
  location.hash = href(...parts);
}
