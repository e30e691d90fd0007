// The set-up screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { Dhis2Page } from './dhis2';
import { SettingsPage } from './settings';
import { SetupPage } from './setup_page';
import { TemplateEditPage, TemplatesPage } from './templates';

export const screens: Screens = {
  setup: ({ user }) => <SetupPage user={user} />,
  'setup-settings': ({ user }) => <SettingsPage user={user} />,
  'setup-templates': ({ user }) => <TemplatesPage user={user} />,
  'setup-template': ({ params, user }) => (
    <TemplateEditPage key={params.code} code={params.code} user={user} />
  ),
  'setup-template-new': ({ user }) => <TemplateEditPage key="new" code={null} user={user} />,
  'setup-dhis2': ({ user }) => <Dhis2Page user={user} />,
};
