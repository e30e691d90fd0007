// The registry screens (households, institutions, duplicates, imports, summary): one lazily
// loaded chunk; the shell hands it the route.
import type { Route } from '../router';
import type { User } from '../types';
import { DuplicatesPage } from './duplicates';
import { HouseholdDetailPage } from './household_detail';
import { HouseholdFormPage } from './household_form';
import { HouseholdsPage } from './households';
import { InstitutionDetailPage } from './institution_detail';
import { InstitutionFormPage } from './institution_form';
import { InstitutionsPage } from './institutions';
import { HouseholdImportPage, InstitutionImportPage } from './registry_import';
import { SummaryPage } from './summary';
import { canWriteRegistry } from '../registry_data';

export function RegistryRoutes({ route, user }: { route: Route; user: User }) {
  const write = canWriteRegistry(user);
  switch (route.page) {
    case 'households':
      return <HouseholdsPage canWrite={write} />;
    case 'household':
      return <HouseholdDetailPage key={route.id} id={route.id} canWrite={write} />;
    case 'household-new':
      return write ? <HouseholdFormPage key="new" /> : <HouseholdsPage canWrite={write} />;
    case 'household-edit':
      return write ? (
        <HouseholdFormPage key={route.id} id={route.id} />
      ) : (
        <HouseholdDetailPage id={route.id} canWrite={write} />
      );
    case 'household-import':
      return write ? <HouseholdImportPage /> : <HouseholdsPage canWrite={write} />;
    case 'duplicates':
      return <DuplicatesPage canWrite={write} />;
    case 'institutions':
      return <InstitutionsPage canWrite={write} />;
    case 'institution':
      return <InstitutionDetailPage key={route.id} id={route.id} canWrite={write} />;
    case 'institution-new':
      return write ? <InstitutionFormPage key="new" /> : <InstitutionsPage canWrite={write} />;
    case 'institution-edit':
      return write ? (
        <InstitutionFormPage key={route.id} id={route.id} />
      ) : (
        <InstitutionDetailPage id={route.id} canWrite={write} />
      );
    case 'institution-import':
      return write ? <InstitutionImportPage /> : <InstitutionsPage canWrite={write} />;
    case 'summary':
      return <SummaryPage key={route.id ?? ''} id={route.id} />;
    default:
      return null;
  }
}
