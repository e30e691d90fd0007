// The reports screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const reportsStrings: StringBundle = {
  name: 'reports',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
