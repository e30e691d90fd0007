// The two records that go through a review: the prefix of their words (act.submit, rep.submit,
// ...) and what their reviewer's step is called (its action and test id).
const REVIEWED = {
  activity: { words: 'act', approve: 'verify' },
  report: { words: 'rep', approve: 'approve' },
} as const;

export type ReviewStep = 'submit' | 'verify' | 'approve' | 'return';
// The word said once a step is taken (act.verified, rep.approved, ...).
const DONE = { submit: 'submitted', verify: 'verified', approve: 'approved', return: 'returned' };

// A record's review buttons (`<name>-submit`, `<name>-verify` or `-approve`, `<name>-return`):
// the author submits it; a reviewer approves it or opens the ReturnForm below the buttons and
// returns it with a reason. `onStep` takes the step with the words to show once it is done
// (and the reason); answering true closes the ReturnForm. `children`: more buttons in the row.
export function ReviewSteps(p: {
  name: keyof typeof REVIEWED;
  can: { submit: boolean; decide: boolean };
  busy: boolean;
  error?: string;
  class?: string;
  onStep: (step: ReviewStep, done: string, comment: string) => Promise<boolean | void>;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const { words, approve } = REVIEWED[p.name];
  const w = (k: string) => t(`${words}.${k}` as MessageKey);
  const take = async (step: ReviewStep) => {
    if (await p.onStep(step, w(DONE[step]), comment.trim())) {
      setReturning(false);
      setComment('');
    }
  };
  const button = (step: ReviewStep) => (
    <button
      type="button"
      class="primary"
      disabled={p.busy}
      data-testid={`${p.name}-${step}`}
      onClick={() => take(step)}
    >
      {w(step)}
    </button>
  );
  return (
    <>
      {(p.can.submit || p.can.decide || p.children) && (
        <div class={p.class ?? 'actions'}>
          {p.can.submit && button('submit')}
          {p.can.decide && (
            <>
              {button(approve)}
              <button
                type="button"
                class="danger"
                disabled={p.busy}
                aria-expanded={returning}
                data-testid={`${p.name}-return`}
                onClick={() => setReturning(!returning)}
              >
                {w('return')}
              </button>
            </>
          )}
          {p.children}
        </div>
      )}
      {p.can.decide && returning && (
        <ReturnForm
          name={p.name}
          label={w('returnReason')}
          send={w('returnSend')}
          comment={comment}
          onComment={setComment}
          busy={p.busy}
          error={p.error}
          onSend={() => take('return')}
          onCancel={() => setReturning(false)}
        />
      )}
    </>
  );
}

// The reviewer's reason on a record returned to its author (`<name>-return-comment`).
export function ReturnNotice(p: { name: keyof typeof REVIEWED; comment: string }) {
  const { t } = useI18n();
  return (
    <div class="notice warn" role="status" data-testid={`${p.name}-return-comment`}>
      <strong>{t(`${REVIEWED[p.name].words}.returnComment` as MessageKey)}</strong>
      <p class="pre-line">
        <bdi dir="auto">{p.comment}</bdi>
      </p>
    </div>
  );
}

// The "return it with a reason" form of a workflow step (an activity to its author, a report to
// its writer): a required comment, send and cancel. The screen keeps the comment and takes the
// step; `name` prefixes the ids and test ids ("activity" -> "activity-return-form", ...).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../i18n';

export function ReturnForm(p: {
  name: string;
  label: string;
  send: string;
  comment: string;
  onComment: (v: string) => void;
  busy: boolean;
  error?: string;
  onSend: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = `${p.name}-return-comment`;
  return (
    <form
      class="confirm"
      data-testid={`${p.name}-return-form`}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSend();
      }}
    >
      <div class={p.error ? 'field field-invalid' : 'field'}>
        <label for={id}>{p.label}</label>
        <textarea
          id={id}
          rows={3}
          dir="auto"
          value={p.comment}
          data-testid={`${id}-input`}
          onInput={(e) => p.onComment((e.currentTarget as HTMLTextAreaElement).value)}
        />
        {p.error && <div class="field-error">{p.error}</div>}
      </div>
      <div class="actions">
        <button
          type="submit"
          class="danger"
          disabled={p.busy || !p.comment.trim()}
          data-testid={`${p.name}-return-send`}
        >
          {p.send}
        </button>
        <button type="button" class="secondary" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
