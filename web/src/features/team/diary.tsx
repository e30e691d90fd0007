// The daily diary: the caller's (and their team's) diaries, a new one written on the phone (where
// they went, a GPS check-in, what they did, travel, a field or office day, a night halt and where,
// tomorrow's plan), and one diary with the records of its day and its review (comment, accept:
// locked after).
import { useEffect, useState } from 'preact/hooks';
import { post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { DraftNotice, Form } from '../../components/form';
import { useDraft } from '../../components/draft_guard';
import { LoadingCard } from '../../components/loading_card';
import { Crumbs, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { fieldMessages } from '../../i18n/field_message';
import { clearMessages, showInfo, showRefusal } from '../../messages';
import type { OutboxEntry } from '../../offline/db';
import { enqueue, entries, onOutboxChange, outcome, problemOrQueued } from '../../offline/outbox';
import { getKept } from '../../offline/kept';
import { useOfflineFetch } from '../../offline/use_offline_fetch';
import { uuidv7 } from '../../offline/uuid';
import { href, navigate } from '../../router';
import type { Page, User } from '../../types';
import { useFetch } from '../../use_fetch';
import { TeamTabs, today, type Diary } from './common';

const MODES = ['foot', 'bicycle', 'motorbike', 'car', 'bus', 'other'];

const noDiaries: Page<Diary> = { items: [], total: 0, limit: 60, offset: 0 };

export function DiariesPage() {
  const { t } = useI18n();
  // Without a connection the server's list is not there; the diaries written here still show.
  const { data, local } = useOfflineFetch<Page<Diary>>('/diaries' + query({ limit: 60 }), () =>
    Promise.resolve(noDiaries),
  );
  return (
    <section class="card" aria-labelledby="diary-heading" data-testid="diaries">
      <TeamTabs current="diary" />
      <h1 id="diary-heading">{t('team.diary')}</h1>
      <div class="head-actions">
        <a class="button primary" href={href('team', 'diary', 'new')} data-testid="diary-new">
          {t('team.newDiary')}
        </a>
      </div>
      <UnsentDiaries />
      {!data ? (
        <LoadingCard />
      ) : local ? (
        <p class="muted" data-testid="diary-list-offline">
          {t('team.listOffline')}
        </p>
      ) : data.items.length === 0 ? (
        <p>{t('team.noDiaries')}</p>
      ) : (
        <ul class="record-list" data-testid="diary-list">
          {data.items.map((d) => (
            <li key={d.id} data-testid="diary-row">
              <a href={href('team', 'diary', d.id)}>
                <Ltr>{d.day}</Ltr> · <bdi>{d.user_name}</bdi>
              </a>{' '}
              <span class="muted">{t(d.field_day ? 'team.fieldDay' : 'team.officeDay')}</span>
              {d.accepted && <span class="badge on">{t('team.accepted')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// The diaries written on this phone and not on the server yet (in the outbox, so they survive a
// reload): the records of their day are linked by the server when it gets them.
function UnsentDiaries() {
  const { t } = useI18n();
  const [list, setList] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    const read = () =>
      entries()
        .then((all) => setList(all.filter((e) => e.entity === 'diaries')))
        .catch(() => {});
    read();
    return onOutboxChange(read);
  }, []);
  if (list.length === 0) return null;
  return (
    <div data-testid="diary-unsent">
      <ul class="record-list">
        {list.map((e) => {
          const b = e.body as { day: string; field_day: boolean };
          return (
            <li key={e.seq} data-testid="diary-unsent-row" data-state={e.state}>
              <a href={href('outbox')}>
                <Ltr>{b.day}</Ltr>
              </a>{' '}
              <span class="muted">{t(b.field_day ? 'team.fieldDay' : 'team.officeDay')}</span>{' '}
              <span class={e.state === 'waiting' ? 'badge' : 'badge off'}>
                {t(e.state === 'waiting' ? 'team.notSent' : 'team.refused')}
              </span>
            </li>
          );
        })}
      </ul>
      <p class="muted small">{t('team.filledWhenSent')}</p>
    </div>
  );
}

interface DiaryDraft {
  id: string;
  day: string;
  field: boolean;
  areas: PickedArea[];
  gps: { lat: number; lon: number } | null;
  text: string;
  mode: string;
  km: string;
  halt: boolean;
  place: string;
  next: string;
}

const fromDiary = (x: Diary): DiaryDraft => ({
  id: x.id,
  day: x.day,
  field: x.field_day,
  areas: x.areas.map((a) => ({ id: a.area_id, name: a.area_name })),
  gps: x.lat !== null && x.lon !== null ? { lat: x.lat, lon: x.lon } : null,
  text: x.text,
  mode: x.travel_mode ?? '',
  km: x.travel_km === null ? '' : String(x.travel_km),
  halt: x.night_halt,
  place: x.night_halt_place ?? '',
  next: x.next_day_plan,
});

// A diary read when online is kept on the phone, so that it opens (and can be edited) offline.
const useDiary = (id: string) =>
  useFetch<Diary>(`/diaries/${encodeURIComponent(id)}`, { load: (p) => getKept<Diary>(p) });

export function DiaryEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const diary = useDiary(id).data;
  if (!diary) return <LoadingCard />;
  if (diary.accepted) return <p class="notice">{t('team.accepted')}</p>;
  return <DiaryNewPage diary={diary} />;
}

const blankDiary = (): DiaryDraft => ({
  id: uuidv7(),
  day: today(),
  field: true,
  areas: [],
  gps: null,
  text: '',
  mode: '',
  km: '',
  halt: false,
  place: '',
  next: '',
});

// Written through the outbox (with its client id, so a repeat is harmless): sent at once when
// the network is there, else kept on the phone and sent when it comes back. A refusal (a second
// diary for the day, a night halt without its place) comes back on the form and stays in the
// outbox until fixed or discarded. With `diary`, the same form edits it (not yet reviewed): the
// edit goes through the outbox too, with the version read (a change made meanwhile on the server
// comes back as a conflict in the outbox).
export function DiaryNewPage({ entry, diary }: { entry?: string; diary?: Diary }) {
  const { t } = useI18n();
  const [d, setD] = useState<DiaryDraft>(() => (diary ? fromDiary(diary) : blankDiary()));
  const record = diary?.id ?? entry;
  const set = (p: Partial<DiaryDraft>) => setD((x) => ({ ...x, ...p }));
  const { day, field, areas, gps, text, mode, km, halt, place, next } = d;
  const setDay = (v: string) => set({ day: v });
  const setField = (v: boolean) => set({ field: v });
  const setAreas = (v: PickedArea[]) => set({ areas: v });
  const setText = (v: string) => set({ text: v });
  const setMode = (v: string) => set({ mode: v });
  const setKm = (v: string) => set({ km: v });
  const setHalt = (v: boolean) => set({ halt: v });
  const setPlace = (v: string) => set({ place: v });
  const setNext = (v: string) => set({ next: v });
  const w = useWrite();
  // "Fix" in the outbox: the diary as it was queued, with the server's reasons on its fields.
  const [ready, setReady] = useState(!record);
  useEffect(() => {
    if (!record) return;
    problemOrQueued(record, diary ? 'update' : 'create')
      .then((e) => {
        if (e?.form) setD(e.form as DiaryDraft);
        if (e?.error) w.setFields(fieldMessages(e.error));
      })
      .finally(() => setReady(true));
  }, [record]);
  const draft = useDraft('diary:' + (record ?? 'new'), d, ready, setD);
  const f = w.fields;

  function checkIn() {
    navigator.geolocation?.getCurrentPosition((p) =>
      set({ gps: { lat: p.coords.latitude, lon: p.coords.longitude } }),
    );
  }

  async function submit() {
    clearMessages();
    w.setFields({});
    await w.run(async () => {
      await enqueue({
        record: d.id,
        entity: 'diaries',
        kind: diary ? 'update' : 'create',
        method: diary ? 'PATCH' : 'POST',
        path: diary ? `/diaries/${encodeURIComponent(diary.id)}` : '/diaries',
        body: {
          ...(diary ? { version: diary.version } : { id: d.id }),
          day,
          field_day: field,
          area_ids: field ? areas.map((a) => a.id) : [],
          ...(gps ?? {}),
          text,
          travel_mode: mode || null,
          travel_km: km.trim() ? Number(km) : null,
          night_halt: halt,
          night_halt_place: halt ? place : null,
          next_day_plan: next,
        },
        deps: [],
        label: t('team.diaryLabel', { day }),
        edit: diary ? `team/diary/${d.id}/edit` : `team/diary/new/${d.id}`,
        form: d,
      });
      const result = await outcome([d.id]);
      if (result !== 'sent' && result !== 'queued') {
        w.setFields(fieldMessages(result.error));
        showRefusal(result.error);
        return;
      }
      await draft.clear();
      if (result === 'queued') {
        showInfo(t('team.diaryQueued'));
        navigate('team', 'diary');
        return;
      }
      showInfo(t(diary ? 'common.saved' : 'common.created'));
      navigate('team', 'diary', d.id);
    });
  }

  return (
    <section class="card" aria-labelledby="diary-new-heading">
      <Crumbs
        items={[{ href: href('team', 'diary'), label: t('team.diary') }]}
        current={diary ? diary.day : t('team.newDiary')}
      />
      <h1 id="diary-new-heading">
        {diary ? (
          <Ltr>
            {t('common.edit')}: {diary.day}
          </Ltr>
        ) : (
          t('team.newDiary')
        )}
      </h1>
      <DraftNotice draft={draft} />
      <Form class="form-narrow" data-testid="diary-form" onSubmit={submit}>
        {!diary && (
          <Field
            label={t('team.day')}
            type="date"
            value={day}
            onInput={setDay}
            max={today()}
            error={f.day}
            testid="diary-day"
          />
        )}
        <SelectField
          label={t('team.dayKind')}
          value={field ? 'field' : 'office'}
          onChange={(v) => setField(v === 'field')}
          options={[
            { value: 'field', label: t('team.fieldDay') },
            { value: 'office', label: t('team.officeDay') },
          ]}
          testid="diary-kind"
        />
        {field && (
          <div data-testid="diary-areas">
            <ul class="chips">
              {areas.map((a) => (
                <li key={a.id}>
                  <bdi>{a.name}</bdi>{' '}
                  <button
                    type="button"
                    class="small-button secondary"
                    onClick={() => setAreas(areas.filter((x) => x.id !== a.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <AreaPicker
              key={areas.length}
              label={t('team.areasVisited')}
              value={null}
              onChange={(a) => a && !areas.some((x) => x.id === a.id) && setAreas([...areas, a])}
              villages
              error={f.area_ids ?? f['area_ids[0]']}
              testid="diary-area"
            />
          </div>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={checkIn} data-testid="diary-gps">
            {t('team.checkIn')}
          </button>
          {gps && (
            <Ltr>
              {gps.lat.toFixed(5)}, {gps.lon.toFixed(5)}
            </Ltr>
          )}
        </div>
        <TextAreaField
          label={t('team.whatDone')}
          value={text}
          onInput={setText}
          error={f.text}
          testid="diary-text"
        />
        <div class="form-row">
          <SelectField
            label={t('team.travelMode')}
            value={mode}
            onChange={setMode}
            options={[
              { value: '', label: '–' },
              ...MODES.map((m) => ({ value: m, label: t(('team.mode.' + m) as MessageKey) })),
            ]}
            error={f.travel_mode}
            testid="diary-mode"
          />
          <Field
            label={t('team.travelKm')}
            type="number"
            inputMode="decimal"
            value={km}
            onInput={setKm}
            error={f.travel_km}
            testid="diary-km"
          />
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={halt}
            onChange={(e) => setHalt((e.currentTarget as HTMLInputElement).checked)}
            data-testid="diary-halt"
          />{' '}
          {t('team.nightHalt')}
        </label>
        {halt && (
          <Field
            label={t('team.haltPlace')}
            value={place}
            onInput={setPlace}
            required
            error={f.night_halt_place}
            testid="diary-halt-place"
          />
        )}
        {!halt && f.night_halt_place && <p class="field-error">{f.night_halt_place}</p>}
        <TextAreaField
          label={t('team.nextDay')}
          value={next}
          onInput={setNext}
          error={f.next_day_plan}
          testid="diary-next"
        />
        <div class="actions">
          <button type="submit" class="primary" disabled={w.busy} data-testid="diary-save">
            {t('common.save')}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function DiaryPage({ id, user }: { id: string; user: User }) {
  const { t } = useI18n();
  const diary = useDiary(id);
  const [comment, setComment] = useState('');
  const w = useWrite();
  const d = diary.data;
  if (!d) return <LoadingCard />;
  const review = (accept: boolean) =>
    w.save(async () => {
      clearMessages();
      diary.set(
        await post<Diary>(`/diaries/${d.id}/review`, {
          version: d.version,
          accept,
          ...(comment ? { comment } : {}),
        }),
      );
      showInfo(t('common.saved'));
    });
  return (
    <section
      class="card"
      aria-labelledby="diary-heading"
      data-testid="diary"
      data-accepted={String(d.accepted)}
    >
      <Crumbs items={[{ href: href('team', 'diary'), label: t('team.diary') }]} current={d.day} />
      <h1 id="diary-heading">
        <bdi>{d.user_name}</bdi> · <Ltr>{d.day}</Ltr>
      </h1>
      {!d.accepted && d.user_id === user.id && (
        <div class="head-actions">
          <a
            class="button secondary"
            href={href('team', 'diary', d.id, 'edit')}
            data-testid="diary-edit"
          >
            {t('common.edit')}
          </a>
        </div>
      )}
      <p>
        {t(d.field_day ? 'team.fieldDay' : 'team.officeDay')}
        {d.accepted && (
          <span class="badge on" data-testid="diary-accepted">
            {t('team.accepted')}
          </span>
        )}
      </p>
      {d.areas.length > 0 && (
        <p>
          {t('team.areasVisited')}: {d.areas.map((a) => a.area_name).join(', ')}
        </p>
      )}
      {d.text && (
        <p class="prewrap">
          <bdi>{d.text}</bdi>
        </p>
      )}
      {d.travel_mode && (
        <p>
          {t(('team.mode.' + d.travel_mode) as MessageKey)}
          {d.travel_km !== null && (
            <>
              {' '}
              · <Ltr>{d.travel_km} km</Ltr>
            </>
          )}
        </p>
      )}
      {d.night_halt && (
        <p data-testid="diary-halt-shown">
          {t('team.nightHalt')}: <bdi>{d.night_halt_place}</bdi>
        </p>
      )}
      {d.next_day_plan && (
        <p>
          {t('team.nextDay')}: <bdi>{d.next_day_plan}</bdi>
        </p>
      )}
      <h2 class="small-heading">{t('team.records')}</h2>
      {d.records.length === 0 ? (
        <p class="muted">{t('team.noRecords')}</p>
      ) : (
        <ul data-testid="diary-records">
          {d.records.map((r) => (
            <li key={r.id}>
              <a href={href('activities', r.id)}>
                {r.type} {r.title && <bdi>{r.title}</bdi>}
              </a>
            </li>
          ))}
        </ul>
      )}
      {d.review_comment && (
        <p data-testid="diary-comment">
          {t('team.reviewComment')}: <bdi>{d.review_comment}</bdi>
        </p>
      )}
      {!d.accepted && d.user_id !== user.id && (
        <div class="subform">
          <TextAreaField
            label={t('team.reviewComment')}
            value={comment}
            onInput={setComment}
            error={w.fields.comment}
            testid="diary-review-comment"
          />
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={w.busy}
              onClick={() => review(true)}
              data-testid="diary-accept"
            >
              {t('team.accept')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={w.busy}
              onClick={() => review(false)}
              data-testid="diary-comment-save"
            >
              {t('team.commentOnly')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
