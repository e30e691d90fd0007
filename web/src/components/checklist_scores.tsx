// A scored checklist's items (institution maturity assessments, supervision visits), each scored
// 0..its maximum, under their section headings, with the running total; and the check of the
// answers before they are sent.
import { useI18n } from '../i18n';
import { num } from '../registry_data';
import type { Checklist } from '../types';
import { Field } from './form_fields';

export type Answers = Record<string, string>;

// The answers as whole points, or the field errors ("answers.<item>") of those out of range.
export function scoredAnswers(
  list: Checklist,
  answers: Answers,
  rangeText: (max: number) => string,
): { points: Record<string, number>; errors: Record<string, string> } {
  const points: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const item of list.items) {
    const raw = (answers[item.code] ?? '').trim();
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n) || n < 0 || n > item.max_score)
      errors['answers.' + item.code] = rangeText(item.max_score);
    else points[item.code] = n;
  }
  return { points, errors };
}

export function ChecklistScores(p: {
  list: Checklist;
  answers: Answers;
  fields: Record<string, string>;
  // An item's answer changed (its error is the caller's to clear).
  onAnswer: (item: string, value: string) => void;
  testid: string;
}) {
  const { t } = useI18n();
  const { list, answers } = p;
  const total = list.items.reduce((s, i) => s + (Number(answers[i.code]) || 0), 0);
  const max = list.items.reduce((s, i) => s + i.max_score, 0);
  return (
    <fieldset data-testid={p.testid + '-items'}>
      <legend>{t('asmt.items')}</legend>
      {list.items.map((item, i) => (
        <div class="score-row" key={item.code}>
          {item.section && item.section !== list.items[i - 1]?.section && (
            <h4 class="score-section" data-testid={p.testid + '-section'}>
              <bdi>{item.section}</bdi>
            </h4>
          )}
          <Field
            type="number"
            inputMode="numeric"
            min={0}
            max={item.max_score}
            step={1}
            label={`${item.name} (0–${item.max_score})`}
            value={answers[item.code] ?? ''}
            onInput={(v) => p.onAnswer(item.code, v)}
            error={p.fields['answers.' + item.code]}
            testid={p.testid + '-item-' + item.code}
            dir="ltr"
          />
        </div>
      ))}
      <p class="muted small" data-testid={p.testid + '-total'}>
        {t('asmt.total', { total: num(total), max: num(max) })}
      </p>
    </fieldset>
  );
}
