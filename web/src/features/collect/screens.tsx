// The Collect screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { rightsOf } from './common';
import { DevicesPage } from './devices';
import { FormPage } from './form_detail';
import { FormsPage } from './forms';
import { SubmissionPage } from './submission_detail';
import { SubmissionsPage } from './submissions';

export const screens: Screens = {
  'collect-forms': ({ can }) => <FormsPage rights={rightsOf(can)} />,
  'collect-devices': ({ can }) => <DevicesPage rights={rightsOf(can)} />,
  'collect-form': ({ params, can }) => (
    <FormPage key={params.id} id={params.id} rights={rightsOf(can)} />
  ),
  'collect-submissions': ({ params }) => <SubmissionsPage key={params.id} formId={params.id} />,
  'collect-submission': ({ params, can }) => (
    <SubmissionPage key={params.id} id={params.id} rights={rightsOf(can)} />
  ),
};
