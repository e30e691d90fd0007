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
