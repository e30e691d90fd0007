// The home screen by name (see index.ts for its route): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { HomePage } from './home';

export const screens: Screens = {
  home: ({ user, can }) => <HomePage user={user} can={can} />,
};
