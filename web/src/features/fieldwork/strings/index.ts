// The fieldwork screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const fieldworkStrings: StringBundle = {
  name: 'fieldwork',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
