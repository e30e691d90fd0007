// Hash routes (#/areas/ID): the server serves one index.html and never sees the route.
import { createStore } from './store';

export type Route =
  | { page: 'areas'; id?: string }
  | { page: 'area-import' }
  | { page: 'users' }
  | { page: 'user-new' }
  | { page: 'user'; id: string }
  | { page: 'audit' }
  | { page: 'account' };

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
    default:
      return { page: 'areas' };
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
