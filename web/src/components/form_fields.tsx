// A labelled input with its field error (the server's, worded by i18n/field_message.ts) shown
// and announced beside it; the submit and cancel buttons of a small form.
import type { ComponentChildren, VNode } from 'preact';
import { useId } from 'preact/hooks';
import { useI18n } from '../i18n';

interface Common {
  label: string;
  value: string;
  error?: string;
  testid?: string;
  hint?: ComponentChildren;
}

// The frame every field shares: label, the control, a hint, the field's error. `control` gets
// the attributes that tie it to its label and its error.
function FieldFrame(p: Common & { control: (a: Record<string, unknown>) => VNode }) {
  const id = useId();
  const errId = id + '-err';
  return (
    <div class={p.error ? 'field field-invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.control({
        id,
        value: p.value,
        'aria-invalid': p.error ? true : undefined,
        'aria-describedby': p.error ? errId : undefined,
        'data-testid': p.testid,
      })}
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

interface FieldProps extends Common {
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'search' | 'date' | 'time' | 'number' | 'tel';
  inputMode?: 'numeric' | 'decimal' | 'tel';
  min?: number | string;
  max?: number | string;
  step?: number | string;
  required?: boolean;
  autocomplete?: string;
  dir?: 'auto' | 'ltr' | 'rtl';
}

export function Field(p: FieldProps) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <input
          {...a}
          // The JSX types narrow attributes per input type; this input serves several.
          {...({ type: p.type ?? 'text' } as { type: 'text' })}
          dir={p.dir}
          required={p.required}
          autocomplete={p.autocomplete}
          inputMode={p.inputMode}
          min={p.min}
          max={p.max}
          step={p.step}
          onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    />
  );
}

interface SelectProps extends Common {
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

export function SelectField(p: SelectProps) {
  return (
    <FieldFrame
      {...p}
      control={(a) => (
        <select {...a} onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value)}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

interface TextAreaProps extends Common {
  onInput: (value: string) => void;
}

export function TextAreaField(p: TextAreaProps) {
  return (
    <FieldFrame
      {...p}
      hint={undefined}
      control={(a) => (
        <textarea
          {...a}
          rows={3}
          dir="auto"
          onInput={(e) => p.onInput((e.currentTarget as HTMLTextAreaElement).value)}
        />
      )}
    />
  );
}

// A small form's buttons: submit (`testid`) and, given `onCancel`, cancel.
export function SubmitCancel(p: {
  label: string;
  testid: string;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  return (
    <div class="actions">
      <button type="submit" class="primary" disabled={p.disabled} data-testid={p.testid}>
        {p.label}
      </button>
      {p.onCancel && (
        <button type="button" class="secondary" onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
