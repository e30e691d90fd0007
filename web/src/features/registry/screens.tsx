// The registry's screens by name (see index.ts for their routes): one lazily loaded chunk.
import type { Screens } from '../../feature';
import { DuplicatesPage } from './duplicates';
import { HouseholdDetailPage } from './household_detail';
import { HouseholdFormPage } from './household_form';
import { HouseholdsPage } from './households';
import { InstitutionDetailPage } from './institution_detail';
import { InstitutionFormPage } from './institution_form';
import { InstitutionsPage } from './institutions';
import { HouseholdImportPage, InstitutionImportPage } from './registry_import';
import { SummaryPage } from './summary';

export const screens: Screens = {
  households: ({ can }) => <HouseholdsPage canWrite={can('registry.write')} />,
  household: ({ params, can }) => (
    <HouseholdDetailPage key={params.id} id={params.id} canWrite={can('registry.write')} />
  ),
  'household-new': () => <HouseholdFormPage key="new" />,
  'household-edit': ({ params }) => <HouseholdFormPage key={params.id} id={params.id} />,
  'household-import': () => <HouseholdImportPage />,
  duplicates: ({ can }) => <DuplicatesPage canWrite={can('registry.write')} />,
  institutions: ({ can }) => <InstitutionsPage canWrite={can('registry.write')} />,
  institution: ({ params, can }) => (
    <InstitutionDetailPage
      key={params.id}
      id={params.id}
      canWrite={can('registry.write')}
      fix={params.member}
    />
  ),
  'institution-new': () => <InstitutionFormPage key="new" />,
  'institution-edit': ({ params }) => <InstitutionFormPage key={params.id} id={params.id} />,
  'institution-import': () => <InstitutionImportPage />,
  summary: ({ params }) => <SummaryPage key={params.id ?? ''} id={params.id} />,
};
