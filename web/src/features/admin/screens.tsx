// The administration screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { AuditPage } from './audit';
import { UserCreatePage, UserEditPage } from './user_form';
import { UserImportPage } from './user_import';
import { UsersPage } from './users';

export const screens: Screens = {
  users: () => <UsersPage />,
  'user-new': () => <UserCreatePage />,
  'user-import': () => <UserImportPage />,
  user: ({ params }) => <UserEditPage key={params.user} id={params.user} />,
  audit: () => <AuditPage />,
};
