// The parts the pickers (area, institution, search) share: the field around them (label, the
// picker, its hint and its error, `<testid>-error`) and the search box (`<testid>-search`).
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

export function PickerFrame(p: {
  id: string;
  label: string;
  testid: string;
  error?: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={p.error ? 'field picker field-invalid' : 'field picker'} data-testid={p.testid}>
      <label for={p.id}>{p.label}</label>
      {p.children}
      {p.hint && <div class="hint">{p.hint}</div>}
      {p.error && (
        <div class="field-error" data-testid={p.testid + '-error'}>
          {p.error}
        </div>
      )}
    </div>
  );
}

// `of`: the picker's own test id and error.
export function PickerSearch(p: {
  id: string;
  q: string;
  onInput: (q: string) => void;
  placeholder?: string;
  of: { testid: string; error?: string };
  // The id of the list of results, when it has one.
  controls?: string;
}) {
  return (
    <input
      id={p.id}
      type="search"
      value={p.q}
      placeholder={p.placeholder}
      autocomplete="off"
      data-testid={p.of.testid + '-search'}
      aria-invalid={p.of.error ? true : undefined}
      aria-controls={p.controls}
      onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}

// What is chosen (`<testid>-chosen`), the button that opens the search again (`<testid>-change`)
// and, given `onClear`, the one that drops the choice (`<testid>-clear`).
export function PickerChosen(p: {
  testid: string;
  text: string;
  change: string;
  // The id the picker's label points to, when the search box is not shown.
  id?: string;
  onOpen: () => void;
  onClear?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div class="picker-chosen">
      <span data-testid={p.testid + '-chosen'}>{p.text}</span>
      <button
        type="button"
        class="secondary"
        id={p.id}
        data-testid={p.testid + '-change'}
        onClick={p.onOpen}
      >
        {p.change}
      </button>
      {p.onClear && (
        <button
          type="button"
          class="secondary"
          data-testid={p.testid + '-clear'}
          onClick={p.onClear}
        >
          {t('picker.clear')}
        </button>
      )}
    </div>
  );
}
