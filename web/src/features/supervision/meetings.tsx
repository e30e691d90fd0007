// Progress review meetings of a team: the list (by area, newest first), one meeting with its
// attendees, agenda, minutes, decisions and action points (followed up in place, as a visit's
// actions), and the form that records one with its action points in one request.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { FieldErrorsElsewhere } from '../../components/field_errors';
import { Check, Form } from '../../components/form';
import { SelectField, TextAreaField } from '../../components/form_fields';
import { ListSection, PagedResults, useFilters } from '../../components/lists';
import { Crumbs, Facts, FormActions, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import { createStore } from '../../store';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import { ActionList } from './actions';
import {
  ActionsEditor,
  actionBodies,
  isActionField,
  useStaffOptions,
  type ActionDraft,
} from './actions_editor';
import { SupervisionTabs, WhereAndWhen, usePlace } from './common';
import type { ReviewMeeting } from './types';

const meetingFilters = createStore<{ area: PickedArea | null; offset: number }>({
  area: null,
  offset: 0,
});
const TEXTS = ['agenda', 'minutes', 'decisions'] as const;
const kindLabel = (kind: string) => ('sup.kind.' + kind) as MessageKey;

export function MeetingsPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n();
  const { f, set, setOffset } = useFilters(meetingFilters);
  const { data: page } = useFetch<Page<ReviewMeeting>>(
    '/review-meetings' + query({ area: f.area?.id, limit: 50, offset: f.offset }),
  );
  return (
    <ListSection
      headingId="sup-meetings-heading"
      testid="sup-meetings"
      title={t('sup.meetingsTitle')}
      tabs={<SupervisionTabs current="meetings" />}
      actions={
        canWrite && (
          <a
            class="button primary"
            href={href('supervision', 'meetings', 'new')}
            data-testid="sup-meeting-new"
          >
            {t('sup.newMeeting')}
          </a>
        )
      }
    >
      <AreaPicker
        label={t('sup.area')}
        value={f.area}
        onChange={(area) => set({ area })}
        clearable
        testid="sup-meeting-area-filter"
      />
      <PagedResults
        page={page}
        testid="sup-meeting"
        none={t('sup.noMeetings')}
        onOffset={setOffset}
      >
        {(items) => (
          <ul class="record-list" data-testid="sup-meeting-list">
            {items.map((m) => (
              <li key={m.id} data-testid="sup-meeting-row" data-id={m.id}>
                <a class="record-link" href={href('supervision', 'meetings', m.id)}>
                  <span class="record-title">
                    <bdi>{m.area_name}</bdi>
                  </span>
                  <span class="record-meta">
                    <Ltr>{m.held_on}</Ltr> · {t(kindLabel(m.kind))}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </ListSection>
  );
}

export function MeetingPage(p: { id: string; user: User; supervisor: boolean }) {
  const { t } = useI18n();
  const { data: m, reload } = useFetch<ReviewMeeting>(
    `/review-meetings/${encodeURIComponent(p.id)}`,
  );
  if (!m)
    return (
      <section class="card">
        <SupervisionTabs current="meetings" />
        <p class="muted">{t('common.loading')}</p>
      </section>
    );
  const title = t('sup.meetingOf', { date: m.held_on });
  return (
    <section class="card" aria-labelledby="sup-meeting-heading" data-testid="sup-meeting">
      <SupervisionTabs current="meetings" />
      <Crumbs
        items={[{ href: href('supervision', 'meetings'), label: t('sup.meetings') }]}
        current={title}
      />
      <h1 id="sup-meeting-heading">{title}</h1>
      <Facts
        rows={[
          [t('sup.area'), <bdi>{m.area_name}</bdi>],
          [t('sup.kind'), t(kindLabel(m.kind)), 'sup-meeting-kind'],
          [t('sup.chair'), m.chair_name && <bdi>{m.chair_name}</bdi>],
          [
            t('sup.attendees'),
            m.attendee_names.length > 0 && <bdi>{m.attendee_names.join(', ')}</bdi>,
            'sup-meeting-attendees',
          ],
          ...TEXTS.map((k): [string, ComponentChildren, string] => [
            t(('sup.' + k) as MessageKey),
            m[k] && <bdi class="pre-line">{m[k]}</bdi>,
            'sup-meeting-' + k,
          ]),
        ]}
      />
      <h2>{t('sup.actionPoints')}</h2>
      <ActionList
        actions={m.actions}
        user={p.user}
        supervisor={p.supervisor}
        onChange={reload}
        testid="sup-meeting-actions"
      />
    </section>
  );
}

export function MeetingFormPage() {
  const { t } = useI18n();
  const place = usePlace(meetingFilters.get().area);
  const { area, on } = place;
  const [kind, setKind] = useState('weekly');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [texts, setTexts] = useState({ agenda: '', minutes: '', decisions: '' });
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const w = useWrite();
  const { fields, setFields } = w;
  const staffOptions = useStaffOptions(area?.id);

  async function save() {
    clearMessages();
    setFields({});
    const body: Record<string, unknown> = {
      area_id: area?.id ?? '',
      held_on: on,
      kind,
      attendee_ids: attendees,
      actions: actionBodies(actions),
    };
    for (const k of TEXTS) if (texts[k].trim()) body[k] = texts[k].trim();
    await w.save(async () => {
      const m = await post<ReviewMeeting>('/review-meetings', body);
      showInfo(t('sup.meetingSaved'));
      if (area) meetingFilters.set({ area, offset: 0 });
      navigate('supervision', 'meetings', m.id);
    });
  }

  const title = t('sup.newMeeting');
  return (
    <section class="card" aria-labelledby="sup-meeting-form-heading">
      <SupervisionTabs current="meetings" />
      <Crumbs
        items={[{ href: href('supervision', 'meetings'), label: t('sup.meetings') }]}
        current={title}
      />
      <h1 id="sup-meeting-form-heading">{title}</h1>
      <Form class="form-narrow" data-testid="sup-meeting-form" onSubmit={save}>
        <WhereAndWhen
          {...place}
          dateField="held_on"
          dateLabel="sup.heldOn"
          fields={fields}
          prefix="sup-meeting"
        />
        <SelectField
          label={t('sup.kind')}
          value={kind}
          onChange={setKind}
          error={fields.kind}
          testid="sup-meeting-kind"
          options={['weekly', 'monthly'].map((k) => ({ value: k, label: t(kindLabel(k)) }))}
        />
        <fieldset data-testid="sup-meeting-attendees-edit">
          <legend>{t('sup.attendees')}</legend>
          {staffOptions.map((o) => (
            <Check
              key={o.value}
              label={<bdi>{o.label}</bdi>}
              checked={attendees.includes(o.value)}
              testid={'sup-attendee-' + o.value}
              onChange={(on) =>
                setAttendees((old) => (on ? [...old, o.value] : old.filter((id) => id !== o.value)))
              }
            />
          ))}
        </fieldset>
        {TEXTS.map((k) => (
          <TextAreaField
            key={k}
            label={`${t(('sup.' + k) as MessageKey)} ${t('common.optional')}`}
            value={texts[k]}
            onInput={(v) => setTexts((old) => ({ ...old, [k]: v }))}
            error={fields[k]}
            testid={'sup-meeting-' + k}
          />
        ))}
        <ActionsEditor
          actions={actions}
          setActions={setActions}
          fields={fields}
          staffOptions={staffOptions}
          assignee=""
        />
        <FieldErrorsElsewhere
          fields={fields}
          shown={(k) =>
            ['area_id', 'held_on', 'kind', ...TEXTS].includes(k as 'agenda') || isActionField(k)
          }
        />
        <FormActions w={w} testid="sup-meeting" cancel={href('supervision', 'meetings')} />
      </Form>
    </section>
  );
}
