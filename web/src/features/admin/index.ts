// Administration: staff accounts and the audit log, in a lazy chunk (only administrators open
// it; its messages are the shell's). Without the permission the areas screen is shown instead
// (so a user's route names its parameter :user, not the :id an area's screen would read).
import type { Feature, RouteDef } from '../../feature';
import type { Permission } from '../../types';

const route = (path: string, page: string, needs: Permission): RouteDef => ({
  path,
  page,
  section: path.split('/')[0],
  needs,
  otherwise: 'areas',
});

export const admin: Feature = {
  name: 'admin',
  routes: [
    route('users', 'users', 'user.write'),
    route('users/new', 'user-new', 'user.write'),
    route('users/:user', 'user', 'user.write'),
    route('audit', 'audit', 'audit.read'),
  ],
  nav: [
    { section: 'users', label: 'nav.users', order: 110, needs: 'user.write' },
    { section: 'audit', label: 'nav.audit', order: 120, needs: 'audit.read' },
  ],
  screens: () => import('./screens').then((m) => m.screens),
};
