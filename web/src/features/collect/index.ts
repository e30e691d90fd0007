// ODK Collect: the devices (app users) that Collect and KoboCollect phones sign in as, with the
// QR code of their settings; the survey forms they fill in (upload, publish, assign, close);
// and the submissions that came back, with their review. One lazy chunk with its messages.
import { route, type Feature } from '../../feature';
import { loadMessages } from '../../i18n';
import { collectStrings } from './strings';

export const collect: Feature = {
  name: 'collect',
  routes: [
    ['', 'collect-forms'],
    ['/devices', 'collect-devices'],
    ['/forms/:id', 'collect-form'],
    ['/forms/:id/submissions', 'collect-submissions'],
    ['/submissions/:id', 'collect-submission'],
  ].map(([path, page]) => route('collect' + path, page, 'collect')),
  // Forms are listed to whoever reads submissions (the API's rule: administrators see every
  // form, readers, read-only, those assigned near their areas or with submissions in them).
  // Devices are a tab of the section.
  nav: [{ section: 'collect', label: 'nav.collect', order: 95, needs: 'registry.read' }],
  screens: () =>
    Promise.all([import('./screens'), loadMessages(collectStrings)]).then(([m]) => m.screens),
};
