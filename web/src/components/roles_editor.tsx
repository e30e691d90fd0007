// Edits a user's role × area assignments; errors come keyed like "roles[1].area_id".
import { AreaPicker, type PickedArea } from './area_picker';
import { SelectField } from './form_fields';
import { useI18n } from '../i18n';
import { roleOptions } from '../roles';
import type { RoleCode } from '../types';

export interface RoleRow {
  key: number;
  role: RoleCode;
  area: PickedArea | null;
}

let nextKey = 1;
export function newRoleRow(role: RoleCode = 'mobiliser', area: PickedArea | null = null): RoleRow {
  return { key: nextKey++, role, area };
}

interface Props {
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  fields: Record<string, string>;
}

export function RolesEditor({ rows, onChange, fields }: Props) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<RoleRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset class="roles" data-testid="roles-editor">
      <legend>{t('users.roles')}</legend>
      {fields.roles && <div class="field-error">{fields.roles}</div>}
      {rows.map((row, i) => (
        <div class="role-row" key={row.key} data-testid="role-row">
          <SelectField
            label={t('users.role')}
            value={row.role}
            onChange={(v) => update(i, { role: v as RoleCode })}
            options={roleOptions()}
            error={fields[`roles[${i}].role`] ?? fields[`roles[${i}]`]}
            testid="role-select"
          />
          <AreaPicker
            label={t('users.area')}
            value={row.area}
            onChange={(a) => update(i, { area: a })}
            error={fields[`roles[${i}].area_id`]}
            testid="role-area"
          />
          <button
            type="button"
            class="secondary"
            data-testid="role-remove"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('users.removeRole')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        data-testid="role-add"
        onClick={() => onChange([...rows, newRoleRow()])}
      >
        {t('users.addRole')}
      </button>
    </fieldset>
  );
}
