// Area fetching shared by the tree and the detail view, plus the tree's remembered state.
import { get, query } from './api';
import { langStore } from './i18n';
import { createStore } from './store';
import type { Area, Page } from './types';

// Lists may come as a page object or a bare array; accept both.
function items<T>(body: Page<T> | T[]): T[] {
  return Array.isArray(body) ? body : body.items;
}

export async function topAreas(): Promise<Area[]> {
  return items(await get<Page<Area> | Area[]>('/areas' + query({ limit: 500 })));
}

export async function childAreas(id: string): Promise<Area[]> {
  return items(
    await get<Page<Area> | Area[]>(
      `/areas/${encodeURIComponent(id)}/children` + query({ limit: 500 }),
    ),
  );
}

export async function searchAreas(q: string): Promise<Area[]> {
  return items(await get<Page<Area> | Area[]>('/areas' + query({ q, limit: 50 })));
}

export async function areaById(id: string): Promise<Area> {
  return get<Area>(`/areas/${encodeURIComponent(id)}`);
}

// Which nodes are open survives re-rendering and reloading the tree after a change.
export const expandedStore = createStore<ReadonlySet<string>>(new Set());
// Bumped after any change to the tree so open nodes fetch their children again.
export const treeRevision = createStore(0);

export function setExpanded(id: string, open: boolean): void {
  const next = new Set(expandedStore.get());
  if (open) next.add(id);
  else next.delete(id);
  expandedStore.set(next);
}

export function expandAll(ids: string[]): void {
  const next = new Set(expandedStore.get());
  let changed = false;
  for (const id of ids)
    if (!next.has(id)) {
      next.add(id);
      changed = true;
    }
  if (changed) expandedStore.set(next);
}

export function treeChanged(): void {
  treeRevision.set(treeRevision.get() + 1);
}

// The level's name in the deployment's local language when the app is not in English.
export function levelLabel(area: Area): string {
  return langStore.get() !== 'en' && area.level_name_local
    ? area.level_name_local
    : area.level_name;
}
