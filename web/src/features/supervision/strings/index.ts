// The supervision screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const supervisionStrings: StringBundle = {
  name: 'supervision',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
