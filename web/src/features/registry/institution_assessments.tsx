// Maturity assessments of an institution: the list (newest first) and an entry form showing the
// chosen checklist's items, each scored 0..max; after saving, the score and grade.
import { useState } from 'preact/hooks';
import { post } from '../../api';
import { ChecklistScores, scoredAnswers } from '../../components/checklist_scores';
import { Field, SelectField, TextAreaField, SubmitCancel } from '../../components/form_fields';
import { Ltr, useWrite } from '../../components/registry_bits';
import { Results, StackTable } from '../../components/lists';
import { useI18n } from '../../i18n';
import { clearMessages } from '../../messages';
import { checklistsFor, num, todayIso, useConfig } from '../../registry_data';
import type { Assessment, Checklist, Institution } from '../../types';
import { useFetch } from '../../use_fetch';
import { FieldErrorsElsewhere } from '../../components/field_errors';

export function AssessmentsSection({
  inst,
  canWrite,
  onChange,
}: {
  inst: Institution;
  canWrite: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const [adding, setAdding] = useState(false);
  const [result, setResult] = useState<Assessment | null>(null);
  const lists = checklistsFor(config, inst.type);
  const listName = (code: string) => config?.checklists.find((c) => c.code === code)?.name ?? code;

  const { data, reload } = useFetch<{ items: Assessment[] }>(
    `/institutions/${encodeURIComponent(inst.id)}/assessments`,
  );
  const items = data?.items ?? null;

  return (
    <section class="card" aria-labelledby="assessments-heading" data-testid="assessments">
      <div class="section-head">
        <h2 id="assessments-heading">{t('asmt.title')}</h2>
        {canWrite && lists.length > 0 && !adding && (
          <button
            type="button"
            class="primary"
            data-testid="assessment-add"
            onClick={() => {
              setResult(null);
              setAdding(true);
            }}
          >
            {t('asmt.new')}
          </button>
        )}
      </div>
      {result && (
        <p
          class="notice ok"
          role="status"
          data-testid="assessment-result"
          data-grade={result.grade}
        >
          {t('asmt.result', { score: num(result.score, 1), grade: result.grade })}
        </p>
      )}
      {adding && (
        <AssessmentForm
          inst={inst}
          lists={lists}
          onCancel={() => setAdding(false)}
          onDone={(a) => {
            setAdding(false);
            setResult(a);
            reload();
            onChange();
          }}
        />
      )}
      <Results
        items={items}
        noneTestid="assessments-none"
        none={lists.length > 0 ? t('asmt.none') : t('asmt.noChecklist')}
      >
        {(items) => (
          <StackTable
            rows={items}
            testid="assessment-table"
            row={(a) => ({ key: a.id, 'data-testid': 'assessment-row' })}
            columns={[
              { label: t('asmt.date'), cell: (a) => <Ltr>{a.assessed_on}</Ltr> },
              { label: t('asmt.checklist'), cell: (a) => listName(a.checklist) },
              {
                label: t('asmt.score'),
                cell: (a) => t('asmt.percent', { score: num(a.score, 1) }),
              },
              {
                label: t('asmt.grade'),
                cell: (a) => (
                  <span class="badge grade" data-testid="assessment-grade">
                    {a.grade}
                  </span>
                ),
              },
            ]}
          />
        )}
      </Results>
    </section>
  );
}

function AssessmentForm({
  inst,
  lists,
  onDone,
  onCancel,
}: {
  inst: Institution;
  lists: Checklist[];
  onDone: (a: Assessment) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState(lists[0]?.code ?? '');
  const [date, setDate] = useState(todayIso());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const list = lists.find((l) => l.code === code);

  async function submit(e: Event) {
    e.preventDefault();
    if (!list) return;
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = { checklist: code, assessed_on: date, answers: {} };
    const { points, errors } = scoredAnswers(list, answers, (max) => t('asmt.range', { max }));
    if (Object.keys(errors).length > 0) {
      setFields(errors);
      return;
    }
    body.answers = points;
    if (notes.trim()) body.notes = notes.trim();
    await w.save(async () => {
      onDone(
        await post<Assessment>(`/institutions/${encodeURIComponent(inst.id)}/assessments`, body),
      );
    });
  }

  return (
    <form class="subform form-narrow" data-testid="assessment-form" noValidate onSubmit={submit}>
      <h3>{t('asmt.new')}</h3>
      <SelectField
        label={t('asmt.checklist')}
        value={code}
        onChange={(c) => {
          setCode(c);
          setAnswers({});
        }}
        error={fields.checklist}
        testid="assessment-checklist"
        options={lists.map((l) => ({ value: l.code, label: l.name }))}
      />
      <Field
        type="date"
        label={t('asmt.date')}
        value={date}
        onInput={setDate}
        max={todayIso()}
        error={fields.assessed_on}
        testid="assessment-date"
      />
      {list && (
        <ChecklistScores
          list={list}
          answers={answers}
          fields={fields}
          testid="assessment"
          onAnswer={(item, v) => {
            setAnswers((old) => ({ ...old, [item]: v }));
            setFields((old) => {
              const { ['answers.' + item]: _gone, ...rest } = old;
              return rest;
            });
          }}
        />
      )}
      <TextAreaField
        label={`${t('reg.notes')} ${t('common.optional')}`}
        value={notes}
        onInput={setNotes}
        error={fields.notes}
        testid="assessment-notes"
      />
      <FieldErrorsElsewhere
        fields={fields}
        shown={(k) => ['checklist', 'assessed_on', 'notes'].includes(k) || k.startsWith('answers.')}
      />
      <SubmitCancel
        label={t('common.save')}
        testid="assessment-save"
        disabled={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
