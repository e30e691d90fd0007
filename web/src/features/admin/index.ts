// Administration: staff accounts and the audit log, in a lazy chunk (only administrators open
// it; its messages are the shell's). Without the permission the areas screen is shown instead
// (so a user's route names its parameter :user, not the :id an area's screen would read).
import { route, type Feature } from '../../feature';
import type { Permission } from '../../types';

// Each screen needs its permission and falls back to the areas screen.
const row = (path: string, page: string, needs: Permission) =>
  route(path, page, path.split('/')[0], [needs, 'areas']);

export const admin: Feature = {
  name: 'admin',
  routes: [
    row('users', 'users', 'user.write'),
    row('users/new', 'user-new', 'user.write'),
    row('users/import', 'user-import', 'user.write'),
    row('users/:user', 'user', 'user.write'),
    row('audit', 'audit', 'audit.read'),
  ],
  nav: [
    { section: 'users', label: 'nav.users', order: 110, needs: 'user.write' },
    { section: 'audit', label: 'nav.audit', order: 120, needs: 'audit.read' },
  ],
  screens: () => import('./screens').then((m) => m.screens),
};
