// A delete's question, apart from the other record parts: the areas screen (in the shell) asks it
// too.
import { useI18n } from '../i18n';

// The question under a Delete button: its text, then Confirm (off while busy) and Cancel. `testid`
// names the box (testid-confirm), its text's id (testid-text) and the Confirm button (testid-yes).
export function ConfirmBox({
  testid,
  text,
  busy,
  onConfirm,
  onCancel,
}: {
  testid: string;
  text: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby={testid + '-text'}
      data-testid={testid + '-confirm'}
    >
      <p id={testid + '-text'}>{text}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          data-testid={testid + '-yes'}
          onClick={onConfirm}
        >
          {t('common.confirm')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
