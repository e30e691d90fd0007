// Chooses one item of a list the page already holds (e.g. an indicator of the library) by typing
// part of its name: the same look as the area picker, without a request per keystroke.
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { fold, matcher } from '../offline/fold';
import { PickerFrame, PickerSearch } from './picker_parts';

export interface PickerOption {
  value: string;
  label: string;
  // Shown after the label, muted (a code, a unit).
  meta?: string;
  // Also matched by the search (other names, the code).
  keywords?: string;
}

interface Props {
  label: string;
  value: string;
  options: PickerOption[];
  onChange: (value: string) => void;
  testid: string;
  error?: string;
  hint?: string;
  placeholder?: string;
  // Start with the search open even when a value is chosen (an "add" picker).
  open?: boolean;
  // Keeps the search open after a choice and empties it (adding several).
  keepOpen?: boolean;
  onCancel?: () => void;
}

export function SearchPicker(p: Props) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(p.open || !p.value);
  const chosen = p.options.find((o) => o.value === p.value);
  // Folded (case, accents, vowel marks) as the working set's search is, in any script.
  const hit = matcher(q);
  const shown = p.options.filter(
    (o) => !q.trim() || hit(fold(o.label + ' ' + (o.meta ?? '') + ' ' + (o.keywords ?? ''))),
  );

  return (
    <PickerFrame id={id} label={p.label} testid={p.testid} error={p.error} hint={p.hint}>
      {chosen && !open ? (
        <div class="picker-chosen">
          <span data-testid={p.testid + '-chosen'} data-value={chosen.value}>
            <bdi>{chosen.label}</bdi>
          </span>
          <button
            type="button"
            class="secondary small-button"
            data-testid={p.testid + '-change'}
            onClick={() => setOpen(true)}
          >
            {t('picker.change')}
          </button>
        </div>
      ) : (
        <>
          <div class="picker-search">
            <PickerSearch
              id={id}
              q={q}
              onInput={setQ}
              placeholder={p.placeholder}
              of={p}
              controls={id + '-list'}
            />
            {(p.onCancel || chosen) && (
              <button
                type="button"
                class="link"
                data-testid={p.testid + '-cancel'}
                onClick={() => {
                  setQ('');
                  if (chosen) setOpen(false);
                  p.onCancel?.();
                }}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
          <ul class="picker-results" id={id + '-list'} aria-label={p.label}>
            {shown.length === 0 && <li class="muted">{t('picker.noMatch')}</li>}
            {shown.map((o) => (
              <li key={o.value}>
                <button
                  type="button"
                  class="link"
                  data-testid={p.testid + '-option'}
                  data-value={o.value}
                  aria-current={o.value === p.value ? 'true' : undefined}
                  onClick={() => {
                    p.onChange(o.value);
                    setQ('');
                    if (!p.keepOpen) setOpen(false);
                  }}
                >
                  <bdi>{o.label}</bdi>
                  {o.meta && (
                    <>
                      {' '}
                      <span class="muted small">
                        <bdi dir="ltr">{o.meta}</bdi>
                      </span>
                    </>
                  )}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </PickerFrame>
  );
}
