// The team screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import type { StringBundle } from '../../../i18n';

export const teamStrings: StringBundle = {
  name: 'team',
  load: { en: () => import('./en'), ps: () => import('./ps'), uk: () => import('./uk') },
};
