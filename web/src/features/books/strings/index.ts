// The group books screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import type { StringBundle } from '../../../i18n';

export const booksStrings: StringBundle = {
  name: 'books',
  load: { en: () => import('./en'), ps: () => import('./ps'), uk: () => import('./uk') },
};
