// The registry screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const registryStrings: StringBundle = {
  name: 'registry',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
