// Household and institution imports (CSV/XLSX): the shared import panel with each file's
// columns and a header-only template to start from.
import { ImportPanel } from '../../components/import_panel';
import { useI18n } from '../../i18n';
import { num } from '../../registry_data';
import { href } from '../../router';
import type { RegistryImportResult } from '../../types';

const HOUSEHOLD_COLUMNS = [
  'household_code',
  'area_code',
  'head_name',
  'head_father_name',
  'address',
  'phone',
  'national_id',
  'psc_score',
  'psc_date',
  'psc_source',
  'flags',
  'latitude',
  'longitude',
  'person_name',
  'sex',
  'birth_date',
  'age',
  'relation',
  'wg_seeing',
  'wg_hearing',
  'wg_mobility',
  'wg_cognition',
  'wg_self_care',
  'wg_communication',
  'displacement',
  'person_phone',
];

const INSTITUTION_COLUMNS = [
  'code',
  'type',
  'area_code',
  'name',
  'name_local',
  'parent_code',
  'formed_on',
  'sex_composition',
  'status',
  'meeting_frequency',
  'member_household_code',
  'member_person_name',
  'member_institution_code',
  'role',
  'joined_on',
];

export function HouseholdImportPage() {
  const { t } = useI18n();
  return (
    <ImportPanel<RegistryImportResult>
      endpoint="/households/import"
      testid="household-import"
      back={{ href: href('households'), label: t('hh.title') }}
      current={t('reg.import')}
      title={t('imp.householdsTitle')}
      help={t('imp.householdsHelp')}
      columns={{ names: HOUSEHOLD_COLUMNS, file: 'households.csv' }}
      runLabel={t('imp.loadHouseholds')}
      checked={(r) =>
        t('imp.householdsOk', {
          n: r.rows,
          households: num(r.households ?? 0),
          people: num(r.people ?? 0),
        })
      }
      done={(r) =>
        t('imp.householdsDone', { n: r.households ?? r.created, people: num(r.people ?? 0) })
      }
    />
  );
}

export function InstitutionImportPage() {
  const { t } = useI18n();
  return (
    <ImportPanel<RegistryImportResult>
      endpoint="/institutions/import"
      testid="institution-import"
      back={{ href: href('institutions'), label: t('inst.title') }}
      current={t('reg.import')}
      title={t('imp.institutionsTitle')}
      help={t('imp.institutionsHelp')}
      columns={{ names: INSTITUTION_COLUMNS, file: 'institutions.csv' }}
      runLabel={t('imp.loadInstitutions')}
      checked={(r) =>
        t('imp.institutionsOk', {
          n: r.rows,
          institutions: num(r.institutions ?? 0),
          memberships: num(r.memberships ?? 0),
        })
      }
      done={(r) =>
        t('imp.institutionsDone', {
          n: r.institutions ?? r.created,
          memberships: num(r.memberships ?? 0),
        })
      }
    />
  );
}
