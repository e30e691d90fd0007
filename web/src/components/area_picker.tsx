// Chooses one area by searching name or code within the user's scope. With `villages`, a user
// with few villages (the lowest level of their areas, at most 30) sees them listed at once and
// picks one with a tap, no typing.
import { useEffect, useId, useState } from 'preact/hooks';
import { ApiError, get, query } from '../api';
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
  // Lists the user's villages before any typing, when they are few.
  villages?: boolean;
}

export function AreaPicker(p: Props) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Area[] | null>(null);
  const [open, setOpen] = useState(p.value === null);
  const [mine, setMine] = useState<Area[] | null>(null);

  useEffect(() => {
    if (!p.villages || !open) return;
    let live = true;
    myVillages()
      .then((v) => live && setMine(v))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [open]);

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

  const choose = (a: Area) => {
    p.onChange({ id: a.id, name: a.name });
    setOpen(false);
    setQ('');
  };
  const option = (a: Area, testid: string) => (
    <li key={a.id}>
      <button
        type="button"
        class="link"
        data-testid={testid}
        data-code={a.code}
        onClick={() => choose(a)}
      >
        {a.name}{' '}
        <span class="muted">
          ({a.code} · {levelLabel(a)})
        </span>
      </button>
    </li>
  );
  const few = open && q.trim().length === 0 && mine && mine.length > 0 ? mine : null;

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
          {few && <div class="hint">{t('picker.mine')}</div>}
          {few && (
            <ul
              class="picker-results picker-mine"
              aria-label={t('picker.mine')}
              data-testid={p.testid + '-mine'}
            >
              {few.map((a) => option(a, p.testid + '-mine-option'))}
            </ul>
          )}
          {results && (
            <ul class="picker-results" aria-label={t('areas.results')}>
              {results.length === 0 && <li class="muted">{t('areas.noResults')}</li>}
              {results.map((a) => option(a, p.testid + '-option'))}
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

async function findAreas(q: string): Promise<Area[]> {
  // Online, the server (records made since the last sync included); offline, the phone.
  if (navigator.onLine || !(await hasWorkingSet()))
    try {
      return (await get<Page<Area>>('/areas' + query({ q, limit: 50 }))).items;
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 0 || !(await hasWorkingSet())) throw e;
    }
  return searchLocal<Area>('areas', q, 50);
}

const FEW = 30;
let villages: Promise<Area[] | null> | null = null;
let villagesFrom: 'device' | 'server' | null = null;

// The user's villages (areas without children in their scope) by name, or null when there are
// more than FEW: from the working set once it holds one, else from the server (the deepest
// level). Asked once per page load.
function myVillages(): Promise<Area[] | null> {
  return hasWorkingSet().then((local) => {
    const from = local ? 'device' : 'server';
    if (!villages || villagesFrom !== from) {
      villagesFrom = from;
      villages = (local ? localVillages() : serverVillages()).then((v) =>
        v && v.length <= FEW ? v.sort((a, b) => a.name.localeCompare(b.name)) : null,
      );
      villages.catch(() => (villages = null));
    }
    return villages;
  });
}

async function localVillages(): Promise<Area[] | null> {
  const leaves = await searchLocal<Area>('areas', '', FEW + 1, (a) => a.child_count === 0);
  return leaves.length > FEW ? null : leaves;
}

async function serverVillages(): Promise<Area[] | null> {
  const levels = await get<{ level: number }[]>('/area-levels');
  if (levels.length === 0) return null;
  const deepest = Math.max(...levels.map((l) => l.level));
  const page = await get<Page<Area>>('/areas' + query({ level: deepest, limit: FEW + 1 }));
  return page.total > FEW ? null : page.items;
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
