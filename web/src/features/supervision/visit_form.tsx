// A new supervision visit: where and when, who was supervised (a staff member of the area and/or
// an institution), the supervision checklist scored item by item, what was seen, the strengths,
// the feedback given, and the actions agreed (what, who, by when), saved in one request.
import { useState } from 'preact/hooks';
import { post } from '../../api';
import { ChecklistScores, scoredAnswers, type Answers } from '../../components/checklist_scores';
import { FieldErrorsElsewhere } from '../../components/field_errors';
import { Form } from '../../components/form';
import { SelectField, TextAreaField } from '../../components/form_fields';
import { InstitutionPicker, type PickedInstitution } from '../../components/institution_picker';
import { Crumbs, FormActions, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import {
  ActionsEditor,
  actionBodies,
  isActionField,
  useStaffOptions,
  type ActionDraft,
} from './actions_editor';
import { SupervisionTabs, WhereAndWhen, usePlace, useSupervisionChecklists } from './common';
import type { SupervisionVisit } from './types';
import { visitFilters } from './visits';

const TEXTS = ['observations', 'strengths', 'feedback'] as const;

export function VisitFormPage() {
  const { t } = useI18n();
  const lists = useSupervisionChecklists();
  const place = usePlace(visitFilters.get().area);
  const { area, on } = place;
  const [staff, setStaff] = useState('');
  const [inst, setInst] = useState<PickedInstitution | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [texts, setTexts] = useState({ observations: '', strengths: '', feedback: '' });
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const w = useWrite();
  const { fields, setFields } = w;
  const listCode = code ?? lists[0]?.code ?? '';
  const list = lists.find((l) => l.code === listCode);

  const staffOptions = useStaffOptions(area?.id);

  async function save() {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = { area_id: area?.id ?? '', visited_on: on };
    if (staff) body.staff_id = staff;
    if (inst) body.institution_id = inst.id;
    if (list) {
      const { points, errors } = scoredAnswers(list, answers, (max) => t('asmt.range', { max }));
      if (Object.keys(errors).length > 0) return setFields(errors);
      body.checklist = list.code;
      body.answers = points;
    }
    for (const k of TEXTS) if (texts[k].trim()) body[k] = texts[k].trim();
    body.actions = actionBodies(actions);
    await w.save(async () => {
      const v = await post<SupervisionVisit>('/supervision-visits', body);
      showInfo(t('sup.saved'));
      if (area) visitFilters.set({ area, offset: 0 });
      navigate('supervision', v.id);
    });
  }

  const title = t('sup.newVisit');
  return (
    <section class="card" aria-labelledby="sup-form-heading">
      <SupervisionTabs current="visits" />
      <Crumbs items={[{ href: href('supervision'), label: t('sup.visits') }]} current={title} />
      <h1 id="sup-form-heading">{title}</h1>
      <Form class="form-narrow" data-testid="sup-visit-form" onSubmit={save}>
        <WhereAndWhen
          {...place}
          dateField="visited_on"
          dateLabel="sup.visitedOn"
          fields={fields}
          prefix="sup"
        />
        <SelectField
          label={t('sup.staff')}
          value={staff}
          onChange={setStaff}
          error={fields.staff_id}
          testid="sup-staff"
          options={[{ value: '', label: t('sup.nobody') }, ...staffOptions]}
        />
        <InstitutionPicker
          label={`${t('sup.institution')} ${t('common.optional')}`}
          types={[]}
          value={inst}
          onChange={setInst}
          emptyText={t('sup.nobody')}
          error={fields.institution_id}
          testid="sup-inst"
        />
        <SelectField
          label={t('sup.checklist')}
          value={listCode}
          onChange={(c) => {
            setCode(c);
            setAnswers({});
          }}
          error={fields.checklist}
          testid="sup-checklist"
          options={[
            ...lists.map((l) => ({ value: l.code, label: l.name })),
            { value: '', label: t('sup.noChecklist') },
          ]}
        />
        {list && (
          <ChecklistScores
            list={list}
            answers={answers}
            fields={fields}
            testid="sup"
            onAnswer={(item, v) => setAnswers((old) => ({ ...old, [item]: v }))}
          />
        )}
        {TEXTS.map((k) => (
          <TextAreaField
            key={k}
            label={`${t(('sup.' + k) as 'sup.feedback')} ${t('common.optional')}`}
            value={texts[k]}
            onInput={(v) => setTexts((old) => ({ ...old, [k]: v }))}
            error={fields[k]}
            testid={'sup-' + k}
          />
        ))}
        <ActionsEditor
          actions={actions}
          setActions={setActions}
          fields={fields}
          staffOptions={staffOptions}
          assignee={staff}
        />
        <FieldErrorsElsewhere
          fields={fields}
          shown={(k) =>
            ['area_id', 'visited_on', 'staff_id', 'institution_id', 'checklist', ...TEXTS].includes(
              k as 'feedback',
            ) ||
            k.startsWith('answers.') ||
            isActionField(k)
          }
        />
        <FormActions w={w} testid="sup-visit" cancel={href('supervision')} />
      </Form>
    </section>
  );
}
