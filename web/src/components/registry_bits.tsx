// Small pieces the registry screens (and others) share: warnings from a save, breadcrumbs, badges,
// a labelled fact list, a yes/no select, the question before a delete, and the state and buttons
// of a form that saves (and perhaps deletes) one record.
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { clearMessages, showError } from '../messages';
import { fieldMessages } from '../i18n/field_message';
import { useFieldErrors } from './field_focus';
import { ConfirmBox } from './confirm_box';
import { enumLabel } from '../registry_data';
import { href } from '../router';
import { createStore } from '../store';
import type { Warning } from '../types';
import { formatNumber } from '../i18n/format';

// Warnings of the last save, handed from a form to the record page it opens next.
const flash = createStore<{ id: string; warnings: Warning[] } | null>(null);

export function flashWarnings(id: string, warnings: Warning[] | undefined): void {
  flash.set(warnings && warnings.length > 0 ? { id, warnings } : null);
}

export function useFlashWarnings(id: string): Warning[] {
  const [taken] = useState(() => {
    const f = flash.get();
    if (f && f.id === id) {
      flash.set(null);
      return f.warnings;
    }
    return [];
  });
  return taken;
}

// The warning in the reader's language where this build knows its code; the server's (English)
// words otherwise.
function warningText(w: Warning, t: ReturnType<typeof useI18n>['t']): string {
  if (w.code === 'possible_duplicate') return t('warn.possibleDuplicate');
  if (w.code === 'size') {
    const m = /has (\d+) members?, (above|below) the expected (\d+)/.exec(w.message);
    if (m)
      return t(m[2] === 'above' ? 'warn.sizeAbove' : 'warn.sizeBelow', {
        n: Number(m[1]),
        limit: formatNumber(Number(m[3])),
      });
  }
  return w.message;
}

export function WarningList({
  warnings,
  testid = 'warnings',
  selfId,
}: {
  warnings: Warning[];
  testid?: string;
  selfId?: string;
}) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div class="notice warn" role="status" data-testid={testid}>
      <strong>{t('reg.warnings')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-testid="warning" data-code={w.code}>
            <bdi dir="auto">{warningText(w, t)}</bdi>
            {w.household_id && w.household_id !== selfId && (
              <>
                {' '}
                <a href={href('households', w.household_id)} data-testid="warning-link">
                  {t('reg.open')}
                </a>
              </>
            )}
            {w.institution_id && w.institution_id !== selfId && (
              <>
                {' '}
                <a href={href('institutions', w.institution_id)} data-testid="warning-link">
                  {t('reg.open')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Crumbs({
  items,
  current,
}: {
  items: { href: string; label: string }[];
  current: string;
}) {
  const { t } = useI18n();
  return (
    <nav class="breadcrumb" aria-label={t('areas.breadcrumb')}>
      <ol>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href}>{i.label}</a>
          </li>
        ))}
        <li aria-current="page">
          <bdi>{current}</bdi>
        </li>
      </ol>
    </nav>
  );
}

const STATUS_CLASS: Record<string, string> = {
  active: 'on',
  forming: 'neutral',
  dormant: 'warn',
  dissolved: 'off',
  merged: 'off',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      class={'badge ' + (STATUS_CLASS[status] ?? 'neutral')}
      data-testid="status-badge"
      data-status={status}
    >
      {enumLabel('status', status)}
    </span>
  );
}

export function GradeBadge({ grade }: { grade: string | null }) {
  const { t } = useI18n();
  if (!grade) return null;
  return (
    <span class="badge grade" data-testid="grade-badge">
      {t('inst.gradeShort', { grade })}
    </span>
  );
}

// A fact list that skips empty values.
export function Facts({ rows }: { rows: [string, ComponentChildren, string?][] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, v]) => v !== null && v !== undefined && v !== '')
        .map(([k, v, testid]) => (
          <Fragment key={k}>
            <dt>{k}</dt>
            <dd data-testid={testid}>{v}</dd>
          </Fragment>
        ))}
    </dl>
  );
}

export function Ltr({ children }: { children: ComponentChildren }) {
  return (
    <bdi dir="ltr" class="ltr">
      {children}
    </bdi>
  );
}

// A list row's title: the record's name as a link, then its code (if it has one), muted.
export function RecordTitle(p: { href: string; name: string; code?: string | null }) {
  return (
    <>
      <a href={p.href}>
        <bdi>{p.name}</bdi>
      </a>
      {p.code && (
        <span class="muted small code">
          {' '}
          <Ltr>{p.code}</Ltr>
        </span>
      )}
    </>
  );
}

// The value, input handler and server error of a text field of a form held as one object `f`:
// <Field label=... {...bind('code')} />.
export function fieldBinder<F>(f: F, set: (p: Partial<F>) => void, errors: Record<string, string>) {
  return (k: keyof F & string) => ({
    value: f[k] as string,
    onInput: (v: string) => set({ [k]: v } as Partial<F>),
    error: errors[k],
  });
}

// A record form's write state: the server's field errors (`initialFields`: those it opens with),
// busy while a write runs, and whether the delete question is open.
export function useWrite(initialFields?: Record<string, string>) {
  const [fields, setFields] = useFieldErrors(initialFields);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Runs `action`, busy meanwhile; a failure is handed to `failed`, then to the message line.
  async function attempt(action: () => Promise<unknown>, failed: (e: unknown) => void) {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      failed(e);
      showError(e);
    } finally {
      setBusy(false);
    }
  }
  return {
    fields,
    setFields,
    busy,
    confirming,
    setConfirming,
    // Runs a save. A refusal puts its field errors on the form in the user's language (through
    // `fieldsOf` where the form words some itself) and goes to the first, and hands a record
    // changed meanwhile (error.current) to `onCurrent`.
    save: (
      write: () => Promise<unknown>,
      opts: {
        onCurrent?: (current: unknown) => void;
        fieldsOf?: (fields: Record<string, string>) => Record<string, string>;
      } = {},
    ) =>
      attempt(write, (e) => {
        if (!(e instanceof ApiError)) return;
        const got = fieldMessages(e);
        setFields(opts.fieldsOf ? opts.fieldsOf(got) : got);
        if (e.current && opts.onCurrent) opts.onCurrent(e.current);
      }),
    // Runs an action that words its own refusals (a write through the outbox).
    run: (action: () => Promise<unknown>) => attempt(action, () => {}),
    // Runs a delete; a refusal closes the question.
    remove: (write: () => Promise<unknown>) => {
      clearMessages();
      return attempt(write, () => setConfirming(false));
    },
  };
}

export type Write = ReturnType<typeof useWrite>;

// The buttons under a record form: save (`<testid>-save`), cancel back to `cancel`, and for a
// record that exists a delete button (`<testid>-delete`) that opens the question `deleteText`.
export function FormActions(p: {
  w: Write;
  testid: string;
  saveLabel?: string;
  cancel: string;
  deleteText?: string | null;
  onDelete?: () => void;
}) {
  const { t } = useI18n();
  const { w } = p;
  return (
    <>
      <div class="actions separated">
        <button type="submit" class="primary" disabled={w.busy} data-testid={p.testid + '-save'}>
          {p.saveLabel ?? t('common.save')}
        </button>
        <a class="button secondary" href={p.cancel}>
          {t('common.cancel')}
        </a>
        {p.deleteText && (
          <button
            type="button"
            class="danger"
            disabled={w.busy}
            aria-expanded={w.confirming}
            data-testid={p.testid + '-delete'}
            onClick={() => w.setConfirming(!w.confirming)}
          >
            {t('common.delete')}
          </button>
        )}
      </div>
      {p.deleteText && w.confirming && (
        <ConfirmBox
          testid={p.testid + '-delete'}
          text={p.deleteText}
          busy={w.busy}
          onConfirm={() => p.onDelete?.()}
          onCancel={() => w.setConfirming(false)}
        />
      )}
    </>
  );
}
