// A feature of the app (features/<name>/): its route table, its entries in the main menu and
// its screens, in the shell or in a chunk fetched with its messages on first use. The router,
// the menu and the page switch are built from these, so a new screen is added in its feature.
import type { ComponentType } from 'preact';
import type { MessageKey } from './i18n';
import type { Permission, User } from './types';

export interface RouteDef {
  // The hash path: literal segments and ':name' for one parameter ("households/:id/edit").
  path: string;
  // The screen's name: a key of its feature's Screens, unique in the app.
  page: string;
  // The main-menu entry marked current on this screen.
  section: string;
  // Without this permission the caller sees the `otherwise` screen (with the same parameters).
  needs?: Permission;
  otherwise?: string;
}

export interface NavEntry {
  section: string;
  label: MessageKey;
  // Place in the menu, which interleaves the features.
  order: number;
  needs?: Permission;
}

export interface ScreenProps {
  params: Record<string, string>;
  user: User;
  can: (p: Permission) => boolean;
}

export type Screens = Record<string, ComponentType<ScreenProps>>;

export interface Feature {
  name: string;
  routes: RouteDef[];
  nav: NavEntry[];
  // The screens themselves (shell features) or the loader of the feature's lazy chunk.
  screens: Screens | (() => Promise<Screens>);
}

// One row of a route table; `guard`: the permission the screen needs and the screen shown
// without it.
export function route(
  path: string,
  page: string,
  section: string,
  guard?: [Permission, string],
): RouteDef {
  return guard
    ? { path, page, section, needs: guard[0], otherwise: guard[1] }
    : { path, page, section };
}
