// The trainings screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import type { StringBundle } from '../../../i18n';

export const trainingsStrings: StringBundle = {
  name: 'trainings',
  load: {
    en: () => import('./en'),
    ps: () => import('./ps'),
    uk: () => import('./uk'),
    mr: () => import('./mr'),
    prs: () => import('./prs'),
    ur: () => import('./ur'),
  },
};
