// The set-up screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { Dhis2Page } from './dhis2';
import { SettingsPage } from './settings';
import { SetupPage } from './setup_page';
import { TemplateEditPage, TemplatesPage } from './templates';

export const screens: Screens = {
  setup: () => <SetupPage />,
  'setup-settings': () => <SettingsPage />,
  'setup-templates': () => <TemplatesPage />,
  'setup-template': ({ params }) => <TemplateEditPage key={params.code} code={params.code} />,
  'setup-template-new': () => <TemplateEditPage key="new" code={null} />,
  'setup-dhis2': () => <Dhis2Page />,
};
