// The group books screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const booksStrings: StringBundle = {
  name: 'books',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
