// Small pieces the registry screens (and others) share: warnings from a save, breadcrumbs, badges,
// a labelled fact list, a yes/no select, the question before a delete, and the state and buttons
// of a form that saves (and perhaps deletes) one record.
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { langStore, useI18n } from '../i18n';
import { clearMessages, showError } from '../messages';
import { fieldMessages } from '../i18n/field_message';
import { useFieldErrors } from './field_focus';
import { enumLabel } from '../registry_data';
import { href } from '../router';
import { createStore } from '../store';
import type { Warning } from '../types';

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
        limit: Number(m[3]).toLocaleString(langStore.get()),
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

// The question under a Delete button: its text, then Confirm (off while busy; `yes` words it,
// else "Yes, delete") and Cancel. `testid` names the box (testid-confirm), its text's id
// (testid-text) and the Confirm button (testid-yes).
export function ConfirmBox({
  testid,
  text,
  yes,
  busy,
  onConfirm,
  onCancel,
}: {
  testid: string;
  text: string;
  yes?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      class="confirm"
      role="alertdialog"
      aria-labelledby={testid + '-text'}
      data-testid={testid + '-confirm'}
    >
      <p id={testid + '-text'}>{text}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          data-testid={testid + '-yes'}
          onClick={onConfirm}
        >
          {yes ?? t('common.confirm')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
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

// A record form's write state: the server's field errors, busy while a write runs, and whether
// the delete question is open.
export function useWrite() {
  const [fields, setFields] = useFieldErrors();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  return {
    fields,
    setFields,
    busy,
    confirming,
    setConfirming,
    // Runs a save, busy meanwhile. A refusal puts its field errors on the form in the user's
    // language (through `fieldsOf` where the form words some itself) and goes to the first, hands a record changed meanwhile
    // (error.current) to `onCurrent`, and goes to the message line.
    async save(
      write: () => Promise<unknown>,
      opts: {
        onCurrent?: (current: unknown) => void;
        fieldsOf?: (fields: Record<string, string>) => Record<string, string>;
      } = {},
    ) {
      setBusy(true);
      try {
        await write();
      } catch (e) {
        if (e instanceof ApiError) {
          const got = fieldMessages(e);
          setFields(opts.fieldsOf ? opts.fieldsOf(got) : got);
          if (e.current && opts.onCurrent) opts.onCurrent(e.current);
        }
        showError(e);
      } finally {
        setBusy(false);
      }
    },
    // Runs a delete, busy meanwhile; a refusal closes the question and goes to the message line.
    async remove(write: () => Promise<unknown>) {
      clearMessages();
      setBusy(true);
      try {
        await write();
      } catch (e) {
        setConfirming(false);
        showError(e);
      } finally {
        setBusy(false);
      }
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
