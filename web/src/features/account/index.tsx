// The signed-in user's own account (name, language, password). In the shell, as is the
// sign-in screen (login.tsx).
import type { Feature } from '../../feature';
import { AccountPage } from './account';

export const account: Feature = {
  name: 'account',
  routes: [{ path: 'account', page: 'account', section: 'account' }],
  nav: [{ section: 'account', label: 'nav.account', order: 130 }],
  screens: {
    account: ({ user }) => <AccountPage user={user} />,
  },
};
