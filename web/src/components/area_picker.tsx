// Chooses one area by searching name or code within the user's scope.
import { useEffect, useId, useState } from 'preact/hooks';
import { get, query } from '../api';
import { levelLabel } from '../area_data';
import { useI18n } from '../i18n';
import { showError } from '../messages';
import { hasWorkingSet, searchLocal } from '../offline/local';
import type { Area, Page } from '../types';

export interface PickedArea {
  id: string;
  name: string;
}

interface Props {
  label: string;
  value: PickedArea | null;
  onChange: (area: PickedArea | null) => void;
  error?: string;
  testid: string;
  exclude?: string;
  // Offers to drop the choice (filters: "any area").
  clearable?: boolean;
}

export function AreaPicker(p: Props) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Area[] | null>(null);
  const [open, setOpen] = useState(p.value === null);

  useEffect(() => {
    if (!open || q.trim().length === 0) {
      setResults(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      findAreas(q.trim())
        .then(
          (items) =>
            live &&
            setResults(
              rank(
                items.filter((a) => a.id !== p.exclude),
                q.trim(),
              ),
            ),
        )
        .catch((e) => live && showError(e));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, open]);

  return (
    <div class={p.error ? 'field picker field-invalid' : 'field picker'} data-testid={p.testid}>
      <label for={id}>{p.label}</label>
      {p.value && !open ? (
        <div class="picker-chosen">
          <span data-testid={p.testid + '-chosen'}>
            {t('picker.chosen', { name: p.value.name })}
          </span>
          <button
            type="button"
            class="secondary"
            data-testid={p.testid + '-change'}
            onClick={() => setOpen(true)}
          >
            {t('picker.change')}
          </button>
          {p.clearable && (
            <button
              type="button"
              class="secondary"
              data-testid={p.testid + '-clear'}
              onClick={() => {
                p.onChange(null);
                setOpen(true);
              }}
            >
              {t('picker.clear')}
            </button>
          )}
        </div>
      ) : (
        <>
          <input
            id={id}
            type="search"
            value={q}
            placeholder={t('picker.search')}
            autocomplete="off"
            data-testid={p.testid + '-search'}
            aria-invalid={p.error ? true : undefined}
            onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
          />
          {results && (
            <ul class="picker-results" aria-label={t('areas.results')}>
              {results.length === 0 && <li class="muted">{t('areas.noResults')}</li>}
              {results.map((a) => (
                <li key={a.id}>
                  <button
                    type="button"
                    class="link"
                    data-testid={p.testid + '-option'}
                    data-code={a.code}
                    onClick={() => {
                      p.onChange({ id: a.id, name: a.name });
                      setOpen(false);
                      setQ('');
                    }}
                  >
                    {a.name}{' '}
                    <span class="muted">
                      ({a.code} · {levelLabel(a)})
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {p.error && (
        <div class="field-error" data-testid={p.testid + '-error'}>
          {p.error}
        </div>
      )}
    </div>
  );
}

// From this phone's working set once it holds one (offline too, names in any script), else
// from the server.
async function findAreas(q: string): Promise<Area[]> {
  if (await hasWorkingSet()) return searchLocal<Area>('areas', q, 50);
  return (await get<Page<Area>>('/areas' + query({ q, limit: 50 }))).items;
}

// Exact code or name matches first, then higher levels (shorter paths) first.
function rank(areas: Area[], q: string): Area[] {
  const needle = q.toLowerCase();
  const exact = (a: Area) =>
    a.code.toLowerCase() === needle || a.name.toLowerCase() === needle ? 0 : 1;
  return [...areas].sort(
    (a, b) => exact(a) - exact(b) || a.level - b.level || a.name.localeCompare(b.name),
  );
}
