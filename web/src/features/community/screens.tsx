// The community screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { ProfilePage } from './profile';
import { ProfileFormPage } from './profile_form';
import { RisksPage } from './risks';

export const screens: Screens = {
  'community-profile': ({ params, can }) => (
    <ProfilePage key={params.id} id={params.id} canWrite={can('registry.write')} />
  ),
  'community-profile-edit': ({ params }) => <ProfileFormPage key={params.id} id={params.id} />,
  'community-risks': ({ params, can }) => (
    <RisksPage key={params.id} id={params.id} canWrite={can('registry.write')} />
  ),
};
