// The supervision screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import type { StringBundle } from '../../../i18n';

export const supervisionStrings: StringBundle = {
  name: 'supervision',
  load: { en: () => import('./en'), ps: () => import('./ps'), uk: () => import('./uk') },
};
