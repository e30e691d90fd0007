// The signed-in user's own account (name, language, password). In the shell, as is the
// sign-in screen (login.tsx).
import { route, type Feature } from '../../feature';
import { AccountPage } from './account';

export const account: Feature = {
  name: 'account',
  routes: [route('account', 'account', 'account')],
  nav: [{ section: 'account', label: 'nav.account', order: 130 }],
  screens: {
    account: ({ user }) => <AccountPage user={user} />,
  },
};
