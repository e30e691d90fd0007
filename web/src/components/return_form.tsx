// The "return it with a reason" form of a workflow step (an activity to its author, a report to
// its writer): a required comment, send and cancel. The screen keeps the comment and takes the
// step; `name` prefixes the ids and test ids ("activity" -> "activity-return-form", ...).
import { useI18n } from '../i18n';

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
