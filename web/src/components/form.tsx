// The frame of the screens' forms, apart from the inputs (form_fields.tsx) that the sign-in form
// in the shell uses too: loaded with the feature screens (the "parts" chunk).
import type { ComponentChildren, FormHTMLAttributes } from 'preact';
import { useI18n } from '../i18n';

// A form the screen checks itself (noValidate: the server's field errors speak, not the
// browser's bubbles); submitting runs `onSubmit` instead of loading a page.
export function Form({
  onSubmit,
  ...attrs
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit: () => unknown }) {
  return (
    <form
      noValidate
      {...attrs}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    />
  );
}

// Above a form that came back with a draft kept on this device (useDraft): says so, and offers
// to discard it.
export function DraftNotice(p: { draft: { restored: boolean; discard: () => void } }) {
  const { t } = useI18n();
  if (!p.draft.restored) return null;
  return (
    <p class="notice" data-testid="draft-restored">
      {t('draft.restored')}{' '}
      <button type="button" class="link" data-testid="draft-discard" onClick={p.draft.discard}>
        {t('draft.discard')}
      </button>
    </p>
  );
}

// A checkbox, or with `name` a radio button of that group, with its words after it.
export function Check(p: {
  label: ComponentChildren;
  checked: boolean;
  testid: string;
  onChange: (checked: boolean) => void;
  name?: string;
}) {
  return (
    <label class="check">
      <input
        type={p.name ? 'radio' : 'checkbox'}
        name={p.name}
        checked={p.checked}
        data-testid={p.testid}
        onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
      {p.label}
    </label>
  );
}

// The foot of a form edited in place: save (`<name>-save`, off while busy or while nothing has
// changed), then while there are changes the undo button (given `onUndo`; `undoTestid`) and the
// "not saved yet" note (`<name>-unsaved`; `unsaved` says when, default: while changed).
export function SaveRow(p: {
  name: string;
  label: string;
  busy: boolean;
  dirty: boolean;
  unsaved?: boolean;
  onUndo?: () => void;
  undoTestid?: string;
  class?: string;
}) {
  const { t } = useI18n();
  return (
    <div class={p.class ?? 'actions separated'}>
      <button
        type="submit"
        class="primary"
        disabled={p.busy || !p.dirty}
        data-testid={p.name + '-save'}
      >
        {p.label}
      </button>
      {p.dirty && p.onUndo && (
        <button type="button" class="secondary" data-testid={p.undoTestid} onClick={p.onUndo}>
          {t('set.undo')}
        </button>
      )}
      {(p.unsaved ?? p.dirty) && (
        <span class="muted small" data-testid={p.name + '-unsaved'}>
          {t('rep.unsaved')}
        </span>
      )}
    </div>
  );
}
