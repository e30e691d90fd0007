// The community screens' messages (profiles, risks), fetched with the feature's chunk.
import { stringLoaders, type StringBundle } from '../../../i18n';

export const communityStrings: StringBundle = {
  name: 'community',
  load: stringLoaders(import.meta.glob('./{??,???}.ts')),
};
