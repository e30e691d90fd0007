// The parts every list screen is made of: filters kept while the user moves between screens, a
// box of filters that opens itself when one is set, the paged result (loading / none / count /
// the list / pager) and a table that stacks into cards on a phone (class "stack").
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { useStore, type Store } from '../store';
import type { Page } from '../types';
import { Pager } from './pager';

// A list's filters and the offset of its page. `set` changes filters and goes back to the
// first page; `setOffset` turns the page.
export function useFilters<F extends { offset: number }>(store: Store<F>) {
  const f = useStore(store);
  return {
    f,
    set: (patch: Partial<F>) => store.set({ ...store.get(), offset: 0, ...patch }),
    setOffset: (offset: number) => store.set({ ...store.get(), offset }),
  };
}

// A list screen's card: its tabs (if any), the heading with the actions beside it (new, import),
// then the list.
export function ListSection(p: {
  headingId: string;
  testid: string;
  title: string;
  tabs?: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <section class="card" aria-labelledby={p.headingId} data-testid={p.testid}>
      {p.tabs}
      <div class="section-head">
        <h1 id={p.headingId}>{p.title}</h1>
        {p.actions}
      </div>
      {p.children}
    </section>
  );
}

// The collapsible filter box; open when any filter is set, so that a filtered list says so.
export function FilterBox(p: {
  label: string;
  open: boolean;
  testid?: string;
  children: ComponentChildren;
}) {
  return (
    <details class="filter-box" open={p.open}>
      <summary data-testid={p.testid}>{p.label}</summary>
      <div class="filters">{p.children}</div>
    </details>
  );
}

// A list that is not paged: "loading" before the answer, `none` (testid `noneTestid`) when it
// is empty, else the items.
export function Results<T>(p: {
  items: T[] | null | undefined;
  none: ComponentChildren;
  noneTestid: string;
  children: (items: T[]) => ComponentChildren;
}) {
  const { t } = useI18n();
  if (!p.items) return <p class="muted">{t('common.loading')}</p>;
  if (p.items.length === 0)
    return (
      <p class="muted" data-testid={p.noneTestid}>
        {p.none}
      </p>
    );
  return <>{p.children(p.items)}</>;
}

// One page of a list: as Results (none: testid `<testid>-none`), then the count (testid
// `<testid>-count`) when given, the items and the pager.
interface PagedProps<T> {
  page: Page<T> | null;
  testid: string;
  none: string;
  count?: string;
  onOffset: (offset: number) => void;
}

export function PagedResults<T>(
  p: PagedProps<T> & { children: (items: T[]) => ComponentChildren },
) {
  return (
    <Results items={p.page?.items} none={p.none} noneTestid={p.testid + '-none'}>
      {(items) => (
        <>
          {p.count !== undefined && (
            <p class="muted small" data-testid={p.testid + '-count'}>
              {p.count}
            </p>
          )}
          {p.children(items)}
          {p.page && <Pager page={p.page} onOffset={p.onOffset} />}
        </>
      )}
    </Results>
  );
}

// Attributes given to an element as they are (data-testid, data-id, class ...).
type Attributes = Record<string, unknown>;

export interface Column<T> {
  // The heading; on a phone also the label before the value (data-label).
  label: ComponentChildren;
  cell: (row: T) => ComponentChildren;
  // The class of the heading and of the cells ("text" in a table of numbers).
  class?: string;
  // Attributes of the cell (a testid).
  td?: (row: T) => Attributes;
}

// A table whose first column is each row's title; on a phone each row becomes a card with the
// other columns labelled. `row` gives each <tr> its key and attributes.
interface TableProps<T> {
  columns: (Column<T> | false | null | undefined)[];
  row: (r: T) => Attributes & { key: string | number };
  class?: string;
}

export function StackTable<T>(p: TableProps<T> & { rows: T[]; testid?: string }) {
  const cols = p.columns.filter((c): c is Column<T> => !!c);
  return (
    <div class="table-wrap">
      <table class={p.class ?? 'stack'} data-testid={p.testid}>
        <thead>
          <tr>
            {cols.map((c, n) => (
              <th key={n} scope="col" class={c.class}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <tr {...p.row(r)}>
              {cols.map((c, n) => (
                <td
                  key={n}
                  class={n === 0 ? join('stack-title', c.class) : c.class}
                  data-label={n === 0 || typeof c.label !== 'string' ? undefined : c.label}
                  {...c.td?.(r)}
                >
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const join = (a: string, b?: string) => (b ? a + ' ' + b : a);

// The `row` of a table of records with ids: key and data-id the record's id, data-testid
// `testid`, and the attributes `data` adds (data-code ...).
export function idRow<T extends { id: string }>(testid: string, data?: (r: T) => Attributes) {
  return (r: T) => ({ key: r.id, 'data-testid': testid, 'data-id': r.id, ...data?.(r) });
}

// A paged list shown as a StackTable (testid `tableTestid`).
export function PagedTable<T>(p: PagedProps<T> & TableProps<T> & { tableTestid: string }) {
  return (
    <PagedResults {...p}>
      {(items) => <StackTable {...p} rows={items} testid={p.tableTestid} />}
    </PagedResults>
  );
}
