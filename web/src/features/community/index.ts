// Community: an area's profile (dated versions, as of a date, its PDF sheet) and its risk
// register. Reached from the area screen; screens in a lazy chunk with their messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { communityStrings } from './strings';

export const community: Feature = {
  name: 'community',
  routes: [
    route('community/:id', 'community-profile', 'areas'),
    route('community/:id/edit', 'community-profile-edit', 'areas', [
      'registry.write',
      'community-profile',
    ]),
    route('community/:id/risks', 'community-risks', 'areas'),
  ],
  nav: [],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(communityStrings)]).then(([m]) => m.screens),
};
