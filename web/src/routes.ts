// The current route: the hash matched against the features' route tables (features/index.ts).
// Only the shell imports this file; screens link with router.ts, which knows no features, so
// the features' modules never import their own list.
import type { Feature, RouteDef } from './feature';
import { FEATURES } from './features';
import { createStore } from './store';

export interface Route {
  def: RouteDef;
  feature: Feature;
  params: Record<string, string>;
}

interface Candidate {
  def: RouteDef;
  feature: Feature;
  segments: string[];
}

const CANDIDATES: Candidate[] = FEATURES.flatMap((feature) =>
  feature.routes.map((def) => ({ def, feature, segments: def.path.split('/') })),
);

// Position by position, a literal segment beats a parameter and a parameter beats nothing: so
// "households/new" wins over "households/:id", and "households/:id/edit" over "households/:id".
function rank(c: Candidate): number[] {
  return c.segments.map((s) => (s.startsWith(':') ? 1 : 2));
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

// The best route whose segments start the path (extra segments are ignored, as they always
// were); the first route of the first feature (the areas) when none does.
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  let best: Candidate = CANDIDATES[0];
  let bestRank: number[] = [];
  let params: Record<string, string> = {};
  for (const c of CANDIDATES) {
    if (c.segments.length > parts.length) continue;
    const p: Record<string, string> = {};
    const fits = c.segments.every((s, i) => {
      if (s.startsWith(':')) p[s.slice(1)] = parts[i];
      return s.startsWith(':') || s === parts[i];
    });
    const r = rank(c);
    if (fits && better(r, bestRank)) [best, bestRank, params] = [c, r, p];
  }
  return { def: best.def, feature: best.feature, params };
}

// The feature that holds the screen `page` (for a route's `otherwise`).
export function featureOf(page: string): Feature {
  return FEATURES.find((f) => f.routes.some((r) => r.page === page)) ?? FEATURES[0];
}

export const routeStore = createStore<Route>(parseRoute(location.hash));
window.addEventListener('hashchange', () => routeStore.set(parseRoute(location.hash)));
