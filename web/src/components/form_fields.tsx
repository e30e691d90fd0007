// A labelled input with its field error (from error.fields) shown and announced beside it.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'search' | 'date' | 'time' | 'number' | 'tel';
  inputMode?: 'numeric' | 'decimal' | 'tel';
  min?: number | string;
  max?: number | string;
  step?: number | string;
  error?: string;
  testid?: string;
  required?: boolean;
  autocomplete?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
  hint?: ComponentChildren;
}

export function Field(p: FieldProps) {
  const id = useId();
  const errId = id + '-err';
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <input
        id={id}
        // The JSX types narrow attributes per input type; this input serves several.
        {...({ type: p.type ?? 'text' } as { type: 'text' })}
        value={p.value}
        dir={p.dir}
        required={p.required}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        step={p.step}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        data-testid={p.testid}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      {p.hint && <div class="hint">{p.hint}</div>}
      {p.error && (
        <div
          id={errId}
          class="field-error"
          data-testid={p.testid ? p.testid + '-error' : undefined}
        >
          {p.error}
        </div>
      )}
    </div>
  );
}

interface SelectProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  testid?: string;
  hint?: ComponentChildren;
}

export function SelectField(p: SelectProps) {
  const id = useId();
  const errId = id + '-err';
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <select
        id={id}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        data-testid={p.testid}
        onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.hint && <div class="hint">{p.hint}</div>}
      {p.error && (
        <div
          id={errId}
          class="field-error"
          data-testid={p.testid ? p.testid + '-error' : undefined}
        >
          {p.error}
        </div>
      )}
    </div>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  testid?: string;
}

export function TextAreaField(p: TextAreaProps) {
  const id = useId();
  const errId = id + '-err';
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <textarea
        id={id}
        rows={3}
        dir="auto"
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        data-testid={p.testid}
        onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {p.error && (
        <div
          id={errId}
          class="field-error"
          data-testid={p.testid ? p.testid + '-error' : undefined}
        >
          {p.error}
        </div>
      )}
    </div>
  );
}
