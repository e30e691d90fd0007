// Home: the field user's landing page after sign-in (what to do next). The screen arrives in a
// lazy chunk with the field and registry messages it shares labels with.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import type { User } from '../../types';
import { fieldworkStrings } from '../fieldwork/strings';
import { registryStrings } from '../registry/strings';
import { teamStrings } from '../team/strings';
import { supervisionStrings } from '../supervision/strings';
import { communityStrings } from '../community/strings';

// The roles that record in the field land on the home screen; the others on the area tree.
export const FIELD_ROLES = ['mobiliser', 'officer'];
export const isFieldUser = (u: User) => u.roles.some((r) => FIELD_ROLES.includes(r.role));

export const home: Feature = {
  name: 'home',
  routes: [route('home', 'home', 'home', ['activity.write', 'areas'])],
  nav: [{ section: 'home', label: 'nav.home', order: 10, needs: 'activity.write' }],
  screens: () =>
    Promise.all([
      import('./screens'),
      loadMessages(
        registryStrings,
        fieldworkStrings,
        teamStrings,
        supervisionStrings,
        communityStrings,
      ),
    ]).then(([m]) => m.screens),
};
