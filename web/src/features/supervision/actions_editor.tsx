// The actions agreed at a visit or a review meeting, edited before they are saved with it: what,
// who (a staff member of the area), by when; errors under "actions[i].".
import type { Dispatch, StateUpdater } from 'preact/hooks';
import { query } from '../../api';
import { Field, SelectField } from '../../components/form_fields';
import { useI18n } from '../../i18n';
import { todayIso } from '../../registry_data';
import type { Page, StaffMember } from '../../types';
import { useFetch } from '../../use_fetch';
import { staffLabel } from '../trainings/needs';

// The staff of an area (all in the caller's scope without one) as choices.
export function useStaffOptions(areaId: string | undefined) {
  const staff = useFetch<Page<StaffMember>>('/staff' + query({ area: areaId, limit: 500 }), {
    onError: () => {},
  });
  return (staff.data?.items ?? []).map((u) => ({ value: u.id, label: staffLabel(u) }));
}

export interface ActionDraft {
  what: string;
  assignee_id: string;
  due_on: string;
}

// The fields the editor shows errors for (the form's "errors elsewhere" leaves them out).
export const isActionField = (k: string) => /^actions\[\d+\]\.(what|assignee_id|due_on)$/.test(k);

export const actionBodies = (actions: ActionDraft[]) =>
  actions.map((a) => ({ ...a, what: a.what.trim() }));

export function ActionsEditor(p: {
  actions: ActionDraft[];
  setActions: Dispatch<StateUpdater<ActionDraft[]>>;
  fields: Record<string, string>;
  staffOptions: { value: string; label: string }[];
  // Who a new action is given to at first.
  assignee: string;
}) {
  const { t } = useI18n();
  const { fields, setActions } = p;
  const change = (i: number, patch: Partial<ActionDraft>) =>
    setActions((old) => old.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset data-testid="sup-actions-edit">
      <legend>{t('sup.agreed')}</legend>
      {p.actions.map((a, i) => (
        <div class="subform" key={i} data-testid="sup-action-edit">
          <Field
            label={t('sup.what')}
            value={a.what}
            onInput={(v) => change(i, { what: v })}
            error={fields[`actions[${i}].what`]}
            testid={`sup-action-what-${i}`}
          />
          <SelectField
            label={t('sup.who')}
            value={a.assignee_id}
            onChange={(v) => change(i, { assignee_id: v })}
            error={fields[`actions[${i}].assignee_id`]}
            testid={`sup-action-who-${i}`}
            options={[{ value: '', label: t('reg.choose') }, ...p.staffOptions]}
          />
          <Field
            type="date"
            label={t('sup.due')}
            value={a.due_on}
            onInput={(v) => change(i, { due_on: v })}
            error={fields[`actions[${i}].due_on`]}
            testid={`sup-action-due-${i}`}
          />
          <button
            type="button"
            class="secondary"
            data-testid={`sup-action-remove-${i}`}
            onClick={() => setActions((old) => old.filter((_, j) => j !== i))}
          >
            {t('sup.removeAction')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary"
        data-testid="sup-action-add"
        onClick={() =>
          setActions((old) => [...old, { what: '', assignee_id: p.assignee, due_on: todayIso() }])
        }
      >
        {t('sup.addAction')}
      </button>
    </fieldset>
  );
}
