// One feedback record: its facts and event history, and the workflow for those who handle it:
// assign (a person, or "assign to me"), refer, record the response, close (how the loop was
// closed and, when the person was reached, their satisfaction).
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../../api';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form } from '../../components/form';
import { Crumbs, Facts, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { enumLabel, todayIso } from '../../registry_data';
import type { Feedback, User } from '../../types';
import { href } from '../../router';
import {
  categoryLabel,
  codeLabel,
  FeedbackStatus,
  langName,
  LOOPS,
  SATISFACTION,
  useCategories,
  when,
} from './common';
import { isOverdue } from './feedback_list';
import { useFetch } from '../../use_fetch';
import { LoadingCard } from '../../components/loading_card';
import { displayShortRef, shortRef } from '../../short_ref';

type Step = 'assign' | 'refer' | 'respond' | 'close';
const REACHED = ['in_person', 'phone', 'sms'];

// `manage`: may assign, refer, respond and close; `sensitive`: may do so with sensitive cases.
export function FeedbackDetailPage(p: {
  id: string;
  user: User;
  manage: boolean;
  sensitive: boolean;
}) {
  const { id, user } = p;
  const { t } = useI18n();
  const cats = useCategories();
  const [open, setOpen] = useState<Step | null>(null);

  const { data: fb, set: setFb } = useFetch<Feedback>(`/feedback/${encodeURIComponent(id)}`);

  if (!fb) return <LoadingCard />;
  const handler = fb.sensitive ? p.sensitive : p.manage;
  const steps: Step[] = [];
  if (['open', 'assigned', 'referred'].includes(fb.status)) steps.push('assign');
  if (['open', 'assigned'].includes(fb.status)) steps.push('refer');
  if (['open', 'assigned', 'referred'].includes(fb.status)) steps.push('respond');
  if (fb.status === 'responded') steps.push('close');
  const late = isOverdue(fb);

  return (
    <>
      <section
        class="card"
        aria-labelledby="fb-detail-heading"
        data-testid="feedback-detail"
        data-id={fb.id}
        data-status={fb.status}
      >
        <Crumbs
          items={[{ href: href('feedback'), label: t('fb.title') }]}
          current={categoryLabel(cats, fb.category)}
        />
        <h1 id="fb-detail-heading">{categoryLabel(cats, fb.category)}</h1>
        <p class="badges">
          <FeedbackStatus status={fb.status} />
          {fb.sensitive && <span class="badge off">{t('fb.sensitiveBadge')}</span>}
          {late && (
            <span class="badge off" data-testid="feedback-overdue">
              {t('fb.overdue')}
            </span>
          )}
        </p>
        <p class="quote" data-testid="feedback-description">
          <bdi dir="auto">{fb.description}</bdi>
        </p>
        <Facts
          rows={[
            [
              t('fb.reference'),
              <Ltr>
                <strong class="short-ref" data-testid="feedback-ref">
                  {displayShortRef(fb.short_ref || shortRef(fb.id))}
                </strong>
              </Ltr>,
            ],
            [t('fb.receivedOn'), <Ltr>{fb.received_on}</Ltr>],
            [
              t('fb.dueBy'),
              fb.status !== 'closed' ? (
                <span class={late ? 'due late' : ''}>
                  <Ltr>{fb.due_on}</Ltr>
                </span>
              ) : (
                ''
              ),
            ],
            [t('act.area'), fb.area_name ? <bdi>{fb.area_name}</bdi> : ''],
            [t('fb.channel'), codeLabel('fb.channel.', fb.channel)],
            [
              t('fb.who'),
              fb.anonymous ? (
                t('fb.anonymous')
              ) : fb.person_name ? (
                <bdi dir="auto">{fb.person_name}</bdi>
              ) : (
                ''
              ),
            ],
            [
              t('fb.personContact'),
              fb.contact_hidden ? (
                <span class="muted">{t('fb.contactHidden')}</span>
              ) : fb.person_contact ? (
                <Ltr>{fb.person_contact}</Ltr>
              ) : (
                ''
              ),
            ],
            [t('fb.personSex'), enumLabel('sex', fb.person_sex)],
            [t('fb.personAge'), enumLabel('age_band', fb.person_age_band)],
            [t('fb.language'), fb.language ? <bdi>{langName(fb.language)}</bdi> : ''],
            [
              t('fb.tags'),
              fb.tags.length ? <bdi dir="ltr">{fb.tags.map((x) => '#' + x).join(' ')}</bdi> : '',
            ],
            [
              t('fb.assignedTo'),
              fb.assigned_name ? <bdi data-testid="feedback-assigned">{fb.assigned_name}</bdi> : '',
            ],
            [t('fb.referredTo'), fb.referred_to ? <bdi dir="auto">{fb.referred_to}</bdi> : ''],
            [
              t('fb.response'),
              fb.response ? (
                <bdi dir="auto" class="pre-line" data-testid="feedback-response">
                  {fb.response}
                </bdi>
              ) : (
                ''
              ),
            ],
            [t('fb.respondedOn'), fb.responded_on ? <Ltr>{fb.responded_on}</Ltr> : ''],
            [t('fb.closedOn'), fb.closed_on ? <Ltr>{fb.closed_on}</Ltr> : ''],
            [t('fb.loopClosedBy'), codeLabel('fb.loop.', fb.loop_closed_by)],
            [t('fb.satisfaction'), codeLabel('fb.sat.', fb.satisfaction)],
          ]}
        />
        {handler && steps.length > 0 && (
          <div class="actions separated" role="group" data-testid="feedback-actions">
            {steps.map((s) => (
              <button
                key={s}
                type="button"
                class={open === s ? 'primary' : 'secondary'}
                aria-expanded={open === s}
                data-testid={'fb-step-' + s}
                onClick={() => setOpen(open === s ? null : s)}
              >
                {t(('fb.' + s) as 'fb.assign')}
              </button>
            ))}
          </div>
        )}
        {handler && open && steps.includes(open) && (
          <StepForm
            key={open}
            step={open}
            fb={fb}
            user={user}
            onDone={(x) => {
              setFb(x);
              setOpen(null);
            }}
          />
        )}
      </section>
      <section class="card" aria-labelledby="fb-history-heading">
        <h2 id="fb-history-heading">{t('fb.history')}</h2>
        <ol class="timeline" data-testid="feedback-events">
          {(fb.events ?? []).map((e, i) => (
            <li key={i} data-testid="feedback-event" data-action={e.action}>
              <strong>{codeLabel('fb.event.', e.action)}</strong>
              <span class="muted small">
                {' '}
                · {when(e.at)}
                {e.by && (
                  <>
                    {' '}
                    · <bdi>{e.by}</bdi>
                  </>
                )}
              </span>
              {e.note && (
                <div>
                  <bdi dir="auto">{e.note}</bdi>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function StepForm({
  step,
  fb,
  user,
  onDone,
}: {
  step: Step;
  fb: Feedback;
  user: User;
  onDone: (f: Feedback) => void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState<Record<string, string>>({
    responded_on: todayIso(),
    closed_on: todayIso(),
    loop_closed_by: '',
    satisfaction: '',
    note: '',
  });
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const [people, setPeople] = useState<User[] | null>(null);
  const set = (p: Record<string, string>) => setV((old) => ({ ...old, ...p }));

  // Who may take it: the server lists the staff who handle feedback on the record's area or
  // above it (focal points alone for a sensitive case).
  useEffect(() => {
    if (step !== 'assign') return;
    get<{ items: { user_id: string; full_name: string; role: string }[] }>(
      `/feedback/${encodeURIComponent(fb.id)}/assignees`,
    )
      .then((r) => {
        const seen = new Set<string>();
        setPeople(
          r.items
            .filter((h) => !seen.has(h.user_id) && seen.add(h.user_id))
            .map((h) => ({ id: h.user_id, full_name: h.full_name }) as User),
        );
      })
      .catch(() => setPeople([]));
  }, [step]);

  async function send(extra?: Record<string, string>) {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = { version: fb.version };
    const x = { ...v, ...extra };
    if (x.note.trim()) body.note = x.note.trim();
    if (step === 'assign') body.assigned_to = x.assigned_to ?? '';
    if (step === 'refer') body.referred_to = (x.referred_to ?? '').trim();
    if (step === 'respond') {
      body.response = (x.response ?? '').trim();
      body.responded_on = x.responded_on;
    }
    if (step === 'close') {
      body.closed_on = x.closed_on;
      body.loop_closed_by = x.loop_closed_by;
      if (x.satisfaction && REACHED.includes(x.loop_closed_by)) body.satisfaction = x.satisfaction;
    }
    await w.save(async () => {
      await post<Feedback>(`/feedback/${encodeURIComponent(fb.id)}/${step}`, body);
      onDone(await get<Feedback>(`/feedback/${encodeURIComponent(fb.id)}`));
      showInfo(t('fb.done'));
    });
  }

  const submit = t(('fb.' + step) as 'fb.assign');
  return (
    <Form class="subform" data-testid={'fb-form-' + step} onSubmit={send}>
      {step === 'assign' && (
        <>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy}
              data-testid="fb-assign-me"
              onClick={() => send({ assigned_to: user.id })}
            >
              {t('fb.assignMe')}
            </button>
          </div>
          {people && people.length > 0 && (
            <SelectField
              label={t('fb.assignPick')}
              value={v.assigned_to ?? ''}
              onChange={(assigned_to) => set({ assigned_to })}
              error={fields.assigned_to}
              testid="fb-assign-user"
              options={[
                { value: '', label: t('reg.choose') },
                ...people.map((u) => ({ value: u.id, label: u.full_name })),
              ]}
            />
          )}
        </>
      )}
      {step === 'refer' && (
        <Field
          label={t('fb.referredTo')}
          value={v.referred_to ?? ''}
          onInput={(referred_to) => set({ referred_to })}
          dir="auto"
          error={fields.referred_to}
          testid="fb-referred-to"
        />
      )}
      {step === 'respond' && (
        <>
          <TextAreaField
            label={t('fb.response')}
            value={v.response ?? ''}
            onInput={(response) => set({ response })}
            error={fields.response}
            testid="fb-response"
          />
          <Field
            type="date"
            label={t('fb.respondedOn')}
            value={v.responded_on}
            onInput={(responded_on) => set({ responded_on })}
            max={todayIso()}
            error={fields.responded_on}
            testid="fb-responded-on"
          />
        </>
      )}
      {step === 'close' && (
        <>
          <Field
            type="date"
            label={t('fb.closedOn')}
            value={v.closed_on}
            onInput={(closed_on) => set({ closed_on })}
            max={todayIso()}
            error={fields.closed_on}
            testid="fb-closed-on"
          />
          <SelectField
            label={t('fb.loopClosedBy')}
            value={v.loop_closed_by}
            onChange={(loop_closed_by) => set({ loop_closed_by })}
            error={fields.loop_closed_by}
            testid="fb-loop"
            options={[
              { value: '', label: t('reg.choose') },
              ...LOOPS.map((l) => ({ value: l, label: codeLabel('fb.loop.', l) })),
            ]}
          />
          {REACHED.includes(v.loop_closed_by) && (
            <SelectField
              label={t('fb.satisfaction')}
              value={v.satisfaction}
              onChange={(satisfaction) => set({ satisfaction })}
              error={fields.satisfaction}
              testid="fb-satisfaction"
              options={[
                { value: '', label: t('reg.notSet') },
                ...SATISFACTION.map((s) => ({ value: s, label: codeLabel('fb.sat.', s) })),
              ]}
            />
          )}
        </>
      )}
      {(step !== 'assign' || (people && people.length > 0)) && (
        <>
          <Field
            label={`${t('fb.note')} ${t('common.optional')}`}
            value={v.note}
            onInput={(note) => set({ note })}
            dir="auto"
            error={fields.note}
            testid="fb-note"
          />
          <div class="actions">
            <button type="submit" class="primary" disabled={busy} data-testid="fb-step-send">
              {submit}
            </button>
          </div>
        </>
      )}
    </Form>
  );
}
