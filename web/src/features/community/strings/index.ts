// The community screens' messages (profiles, risks), fetched with the feature's chunk.
import type { StringBundle } from '../../../i18n';

export const communityStrings: StringBundle = {
  name: 'community',
  load: { en: () => import('./en'), ps: () => import('./ps'), uk: () => import('./uk') },
};
