// ODK Collect: the devices (app users) that Collect and KoboCollect phones sign in as, with the
// QR code of their settings; the survey forms they fill in (upload, publish, assign, close);
// and the submissions that came back, with their review. One lazy chunk with its messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { collectStrings } from './strings';

export const collect: Feature = {
  name: 'collect',
  routes: [
    route('collect', 'collect-forms', 'collect'),
    route('collect/devices', 'collect-devices', 'collect'),
    route('collect/forms/:id', 'collect-form', 'collect'),
    route('collect/forms/:id/submissions', 'collect-submissions', 'collect'),
    route('collect/submissions/:id', 'collect-submission', 'collect'),
  ],
  // Everyone may read the submissions of their areas and their own devices; what each may
  // change (devices, forms, reviews) the screens offer by permission.
  nav: [{ section: 'collect', label: 'nav.collect', order: 95 }],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(collectStrings)]).then(([m]) => m.screens),
};
