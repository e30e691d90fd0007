// The items of a work plan as an editable list: a day or an ISO week, an area, a purpose (an
// activity type, a meeting, a training, a visit or office work) and a note, one card a row so it
// fits a 360-px phone.
import { AreaPicker } from '../../components/area_picker';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { useConfig } from '../../registry_data';
import { activityTypeLabel } from '../fieldwork/common';
import type { PlanItem } from './common';

export const PURPOSES = ['meeting', 'training', 'visit', 'office'];

export function usePurposes(): { value: string; label: string }[] {
  const { t } = useI18n();
  const config = useConfig();
  const own = PURPOSES.map((p) => ({
    value: p,
    label: t(('team.purpose.' + p) as 'team.purpose.meeting'),
  }));
  const types = (config?.activity_types ?? [])
    .filter((x) => !PURPOSES.includes(x.code))
    .map((x) => ({ value: x.code, label: activityTypeLabel(config, x.code) }));
  return [...own, ...types];
}

export const newItem = (day: string): PlanItem => ({
  day,
  week: null,
  area_id: '',
  area_name: '',
  purpose: 'visit',
  note: '',
});

export function ItemsEditor(p: {
  items: PlanItem[];
  onChange: (items: PlanItem[]) => void;
  fields: Record<string, string>;
  firstDay: string;
}) {
  const { t } = useI18n();
  const purposes = usePurposes();
  const set = (i: number, change: Partial<PlanItem>) =>
    p.onChange(p.items.map((x, n) => (n === i ? { ...x, ...change } : x)));
  return (
    <fieldset class="plan-items" data-testid="plan-items">
      <legend>{t('team.items')}</legend>
      {p.fields.items && <p class="field-error">{p.fields.items}</p>}
      {p.items.map((item, i) => {
        const f = (k: string) => p.fields[`items[${i}].${k}`];
        const byWeek = item.week !== null && item.week !== undefined;
        return (
          <div class="plan-item card-inner" key={i} data-testid="plan-item">
            <div class="form-row">
              <SelectField
                label={t('team.when')}
                value={byWeek ? 'week' : 'day'}
                onChange={(v) =>
                  set(i, v === 'week' ? { day: null, week: '' } : { day: p.firstDay, week: null })
                }
                options={[
                  { value: 'day', label: t('team.onDay') },
                  { value: 'week', label: t('team.inWeek') },
                ]}
                testid={`item-${i}-when`}
              />
              {byWeek ? (
                <Field
                  label={t('team.week')}
                  value={item.week ?? ''}
                  onInput={(week) => set(i, { week })}
                  dir="ltr"
                  hint={t('team.weekHint')}
                  error={f('week')}
                  testid={`item-${i}-week`}
                />
              ) : (
                <Field
                  label={t('team.day')}
                  type="date"
                  value={item.day ?? ''}
                  onInput={(day) => set(i, { day })}
                  error={f('day')}
                  testid={`item-${i}-day`}
                />
              )}
            </div>
            <AreaPicker
              label={t('act.area')}
              value={item.area_id ? { id: item.area_id, name: item.area_name ?? '' } : null}
              onChange={(a) => set(i, { area_id: a?.id ?? '', area_name: a?.name ?? '' })}
              villages
              error={f('area_id')}
              testid={`item-${i}-area`}
            />
            <SelectField
              label={t('team.purpose')}
              value={item.purpose}
              onChange={(purpose) => set(i, { purpose })}
              options={purposes}
              error={f('purpose')}
              testid={`item-${i}-purpose`}
            />
            <Field
              label={t('team.note')}
              value={item.note}
              onInput={(note) => set(i, { note })}
              error={f('note')}
              testid={`item-${i}-note`}
            />
            <button
              type="button"
              class="secondary small-button"
              onClick={() => p.onChange(p.items.filter((_, n) => n !== i))}
              data-testid={`item-${i}-remove`}
            >
              {t('team.removeItem')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        class="secondary"
        onClick={() => p.onChange([...p.items, newItem(p.firstDay)])}
        data-testid="plan-add-item"
      >
        {t('team.addItem')}
      </button>
    </fieldset>
  );
}

// The body's items: only what the server reads.
export const itemsBody = (items: PlanItem[]) =>
  items.map((i) => ({
    ...(i.week !== null && i.week !== undefined ? { week: i.week } : { day: i.day ?? '' }),
    area_id: i.area_id,
    purpose: i.purpose,
    note: i.note,
    ...(i.institution_id ? { institution_id: i.institution_id } : {}),
    ...(i.household_id ? { household_id: i.household_id } : {}),
  }));
