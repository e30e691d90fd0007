// Chooses one institution of the given types (none given: any type) by name or code (a parent
// federation, the institution one merged into, those involved in a session, a training need's).
import { useEffect, useId, useState } from 'preact/hooks';
import { get, query } from '../api';
import { useI18n } from '../i18n';
import { showError } from '../messages';
import { hasWorkingSet, searchLocal } from '../offline/local';
import { typeLabel, useConfig } from '../registry_data';
import type { Institution, Page } from '../types';
import { PickerChosen, PickerFrame, PickerSearch } from './picker_parts';

export interface PickedInstitution {
  id: string;
  name: string;
}

interface Props {
  label: string;
  types: string[];
  value: PickedInstitution | null;
  onChange: (value: PickedInstitution | null) => void;
  error?: string;
  testid: string;
  exclude?: string;
  hint?: string;
  // What shows while nothing is chosen (default: "no parent").
  emptyText?: string;
}

// From this phone's working set once it holds one (offline too, and no request per keystroke on
// a slow link); from the server when there is none, or when the phone finds nothing while online
// (a record made elsewhere since the last sync).
async function findInstitutions(types: string[], q: string): Promise<Institution[]> {
  if (await hasWorkingSet()) {
    const local = await searchLocal<Institution>(
      'institutions',
      q,
      20 * Math.max(1, types.length),
      (i) => types.length === 0 || types.includes(i.type),
    );
    if (local.length > 0 || !navigator.onLine) return local;
  }
  const pages = await Promise.all(
    (types.length > 0 ? types : [undefined]).map((type) =>
      get<Page<Institution>>('/institutions' + query({ type, q, limit: 20 })),
    ),
  );
  return pages.flatMap((x) => x.items);
}

export function InstitutionPicker(p: Props) {
  const { t } = useI18n();
  const config = useConfig();
  const id = useId();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Institution[] | null>(null);
  const typesKey = p.types.join(' ');

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      findInstitutions(p.types, q.trim())
        .then((items) => live && setResults(items.filter((i) => i.id !== p.exclude)))
        .catch((e) => live && showError(e));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, open, typesKey]);

  return (
    <PickerFrame id={id} label={p.label} testid={p.testid} error={p.error} hint={p.hint}>
      {!open ? (
        <PickerChosen
          testid={p.testid}
          text={
            p.value
              ? t('picker.chosen', { name: p.value.name })
              : (p.emptyText ?? t('inst.noParent'))
          }
          change={p.value ? t('picker.change') : t('picker.choose')}
          id={id}
          onOpen={() => setOpen(true)}
          onClear={p.value ? () => p.onChange(null) : undefined}
        />
      ) : (
        <>
          <PickerSearch id={id} q={q} onInput={setQ} placeholder={t('inst.search')} of={p} />
          <ul class="picker-results" aria-label={t('areas.results')}>
            {results === null && <li class="muted">{t('common.loading')}</li>}
            {results && results.length === 0 && <li class="muted">{t('areas.noResults')}</li>}
            {(results ?? []).map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  class="link"
                  data-testid={p.testid + '-option'}
                  data-id={i.id}
                  onClick={() => {
                    p.onChange({ id: i.id, name: i.name });
                    setOpen(false);
                    setQ('');
                  }}
                >
                  <bdi>{i.name}</bdi>{' '}
                  <span class="muted">
                    ({typeLabel(config, i.type)} · <bdi>{i.area_name}</bdi>)
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </>
      )}
    </PickerFrame>
  );
}
