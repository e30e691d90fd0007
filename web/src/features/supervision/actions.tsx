// Actions agreed at supervision visits and their follow-up: the assignee (or a supervisor) marks
// one done with a note, a supervisor closes it or reopens it with a reason. The list of one
// visit's actions, and the actions screen (mine, overdue).
import { useState } from 'preact/hooks';
import { post, query } from '../../api';
import { TextAreaField } from '../../components/form_fields';
import { ListSection, PagedResults, useFilters } from '../../components/lists';
import { Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { showInfo } from '../../messages';
import { href } from '../../router';
import { createStore } from '../../store';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import { ActionBadges, SupervisionTabs } from './common';
import { actionPlace, type SupervisionAction } from './types';

type Step = 'done' | 'close' | 'reopen';
const NOTE_LABEL: Record<Step, MessageKey | null> = {
  done: 'sup.doneNote',
  close: null,
  reopen: 'sup.reopenReason',
};
const STEP_LABEL: Record<Step, MessageKey> = {
  done: 'sup.markDone',
  close: 'sup.close',
  reopen: 'sup.reopen',
};

// The steps the caller may take from the action's status (the server decides in the end).
function stepsFor(a: SupervisionAction, user: User, supervisor: boolean): Step[] {
  if (a.status === 'open') return supervisor || a.assignee_id === user.id ? ['done'] : [];
  if (!supervisor) return [];
  return a.status === 'done' ? ['close', 'reopen'] : ['reopen'];
}

function ActionItem(p: {
  a: SupervisionAction;
  user: User;
  supervisor: boolean;
  onChange: () => void;
  linkVisits?: boolean;
}) {
  const { t } = useI18n();
  const { a } = p;
  const [step, setStep] = useState<Step | null>(null);
  const [note, setNote] = useState('');
  const w = useWrite();

  async function send(s: Step) {
    w.setFields({});
    const body: Record<string, unknown> = { version: a.version };
    if (NOTE_LABEL[s]) body.note = note.trim();
    await w.save(async () => {
      await post<SupervisionAction>(`/supervision-actions/${encodeURIComponent(a.id)}/${s}`, body);
      showInfo(t('sup.actionSaved'));
      setStep(null);
      setNote('');
      p.onChange();
    });
  }

  return (
    <li class="wraps" data-testid="sup-action" data-id={a.id} data-status={a.status}>
      <div class="record-link">
        <span class="record-title">
          {p.linkVisits && (a.visit_id || a.meeting_id) ? (
            <a href={href(...actionPlace(a))} data-testid="sup-action-visit">
              <bdi dir="auto">{a.what}</bdi>
            </a>
          ) : (
            <bdi dir="auto">{a.what}</bdi>
          )}
        </span>
        <span class="record-meta">
          {t('sup.assignedTo', { name: a.assignee_name ?? '' })} · <Ltr>{a.due_on}</Ltr>
        </span>
        {a.done_on && (
          <span class="record-meta" data-testid="sup-action-done">
            {t('sup.doneOn', { date: a.done_on, note: a.done_note ?? '' })}
          </span>
        )}
        {a.closed_on && <span class="record-meta">{t('sup.closedOn', { date: a.closed_on })}</span>}
        {a.reopen_reason && a.status === 'open' && (
          <span class="record-meta">{t('sup.reopened', { reason: a.reopen_reason })}</span>
        )}
      </div>
      <span class="badges">
        <ActionBadges a={a} />
      </span>
      <div class="actions">
        {stepsFor(a, p.user, p.supervisor).map((s) =>
          NOTE_LABEL[s] ? (
            <button
              type="button"
              class="secondary"
              key={s}
              aria-expanded={step === s}
              data-testid={'sup-action-' + s}
              onClick={() => setStep(step === s ? null : s)}
            >
              {t(STEP_LABEL[s])}
            </button>
          ) : (
            <button
              type="button"
              class="primary"
              key={s}
              disabled={w.busy}
              data-testid={'sup-action-' + s}
              onClick={() => send(s)}
            >
              {t(STEP_LABEL[s])}
            </button>
          ),
        )}
      </div>
      {step && NOTE_LABEL[step] && (
        <form
          class="subform"
          noValidate
          data-testid="sup-action-form"
          onSubmit={(e) => {
            e.preventDefault();
            send(step);
          }}
        >
          <TextAreaField
            label={t(NOTE_LABEL[step] as MessageKey)}
            value={note}
            onInput={setNote}
            error={w.fields.note ?? w.fields.status}
            testid="sup-action-note"
          />
          <button type="submit" class="primary" disabled={w.busy} data-testid="sup-action-send">
            {t('sup.send')}
          </button>
        </form>
      )}
    </li>
  );
}

export function ActionList(p: {
  actions: SupervisionAction[];
  user: User;
  supervisor: boolean;
  onChange: () => void;
  testid: string;
  // Each action's text links to its visit (lists of many visits' actions).
  linkVisits?: boolean;
}) {
  const { t } = useI18n();
  if (p.actions.length === 0)
    return (
      <p class="muted" data-testid={p.testid + '-none'}>
        {t('sup.noActions')}
      </p>
    );
  return (
    <ul class="record-list" data-testid={p.testid}>
      {p.actions.map((a) => (
        <ActionItem key={a.id + ':' + a.version} a={a} {...p} />
      ))}
    </ul>
  );
}

const actionFilters = createStore({ mine: true, overdue: false, offset: 0 });

export function ActionsPage(p: { user: User; supervisor: boolean }) {
  const { t } = useI18n();
  const { f, set, setOffset } = useFilters(actionFilters);
  const { data: page, reload } = useFetch<Page<SupervisionAction>>(
    '/supervision-actions' +
      query({ mine: f.mine || undefined, overdue: f.overdue || undefined, offset: f.offset }),
  );
  return (
    <ListSection
      headingId="sup-actions-heading"
      testid="sup-actions"
      title={t('sup.actions')}
      tabs={<SupervisionTabs current="actions" />}
    >
      <div class="choice-row">
        {(['mine', 'overdue'] as const).map((k) => (
          <label class="check" key={k}>
            <input
              type="checkbox"
              checked={f[k]}
              data-testid={'sup-filter-' + k}
              onChange={(e) => set({ [k]: (e.target as HTMLInputElement).checked })}
            />
            <span>{t(k === 'mine' ? 'sup.onlyMine' : 'sup.onlyOverdue')}</span>
          </label>
        ))}
      </div>
      <PagedResults page={page} testid="sup-action" none={t('sup.noActions')} onOffset={setOffset}>
        {(items) => (
          <ActionList
            actions={items}
            user={p.user}
            supervisor={p.supervisor}
            onChange={reload}
            testid="sup-action-list"
            linkVisits
          />
        )}
      </PagedResults>
    </ListSection>
  );
}
