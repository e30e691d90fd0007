// The trainings screens' messages, fetched with the feature's chunk (see i18n loadMessages).
import { stringLoaders, type StringBundle } from '../../../i18n';

export const trainingsStrings: StringBundle = {
  name: 'trainings',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
