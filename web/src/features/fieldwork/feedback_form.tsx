// Log feedback: channel, category, date, area, optional feedback centre (CEFC), the person or
// anonymous, what was said, its language and tags. A sensitive category warns that only the
// area's focal points will see the record after saving; the logger then gets a receipt. Saving
// goes through the outbox with the record's client id, so offline the receipt is given at once
// with the reference the server will keep; a sensitive case is never kept in the working set.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Form, Check } from '../../components/form';
import { Crumbs, Facts, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo, showRefusal } from '../../messages';
import { enumLabel, enumOptions, orNull, todayIso } from '../../registry_data';
import { href, navigate } from '../../router';
import type { Feedback, Institution, Page } from '../../types';
import { displayShortRef, shortRef } from '../../short_ref';
import {
  categoryLabel,
  CHANNELS,
  codeLabel,
  LANGS,
  OtherErrors,
  useCategories,
  ageBands,
} from './common';
import { hasWorkingSet, localRow, searchLocal } from '../../offline/local';
import { answers, enqueue, outcome, problemOf } from '../../offline/outbox';
import { uuidv7 } from '../../offline/uuid';
import { fieldMessages } from '../../i18n/field_message';

interface Form {
  channel: string;
  category: string;
  received_on: string;
  area: PickedArea | null;
  cefc_id: string;
  anonymous: boolean;
  person_name: string;
  person_contact: string;
  person_sex: string;
  person_age_band: string;
  description: string;
  language: string;
  tags: string;
}

const EMPTY: Form = {
  channel: '',
  category: '',
  received_on: todayIso(),
  area: null,
  cefc_id: '',
  anonymous: false,
  person_name: '',
  person_contact: '',
  person_sex: '',
  person_age_band: '',
  description: '',
  language: '',
  tags: '',
};

// `entry`: the client id of a queued feedback the server refused ("Fix" in the outbox): the form
// opens with what was typed and the server's words next to the fields.
export function FeedbackFormPage({ entry }: { entry?: string }) {
  const { t } = useI18n();
  const cats = useCategories();
  const [f, setF] = useState<Form>({ ...EMPTY, received_on: todayIso() });
  const w = useWrite();
  const { fields, setFields, busy } = w;
  const [receipt, setReceipt] = useState<(Feedback & { queued?: boolean }) | null>(null);
  // The record's client id (contract14 §1): a second try after a refusal replaces the queued
  // entry; a new one after "log another".
  const [fid, setFid] = useState(() => entry ?? uuidv7());
  const [cefcs, setCefcs] = useState<Institution[]>([]);
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));

  useEffect(() => {
    if (!entry) return;
    problemOf(entry)
      .then(async (p) => {
        if (!p) return;
        const b = p.body as Record<string, unknown>;
        const str = (k: string) => (typeof b[k] === 'string' ? (b[k] as string) : '');
        const areaId = str('area_id');
        const area = await localRow('areas', areaId).catch(() => undefined);
        setF({
          ...EMPTY,
          channel: str('channel'),
          category: str('category'),
          received_on: str('received_on') || todayIso(),
          area: areaId ? { id: areaId, name: (area?.r.name as string) ?? areaId } : null,
          cefc_id: str('cefc_id'),
          anonymous: b.anonymous === true,
          person_name: str('person_name'),
          person_contact: str('person_contact'),
          person_sex: str('person_sex'),
          person_age_band: str('person_age_band'),
          description: str('description'),
          language: str('language'),
          tags: Array.isArray(b.tags) ? (b.tags as string[]).join(', ') : '',
        });
        setFields(fieldMessages(p.error));
        showError(t('off.refused'));
      })
      .catch(showError);
  }, [entry]);

  useEffect(() => {
    setCefcs([]);
    if (!f.area) return;
    let live = true;
    findCefcs(f.area.id)
      .then((items) => live && setCefcs(items))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [f.area?.id]);

  const sensitive = !!cats?.find((c) => c.code === f.category)?.sensitive;

  async function save() {
    clearMessages();
    setFields({});
    await w.run(async () => {
      const b: Record<string, unknown> = {
        area_id: f.area?.id ?? '',
        channel: f.channel,
        category: f.category,
        description: f.description.trim(),
        received_on: f.received_on,
        anonymous: f.anonymous,
        cefc_id: orNull(f.cefc_id),
        language: orNull(f.language),
        tags: f.tags
          .split(/[\s,]+/)
          .map((x) => x.trim().toLowerCase())
          .filter(Boolean),
      };
      if (!f.anonymous) {
        b.person_name = orNull(f.person_name);
        b.person_contact = orNull(f.person_contact);
        b.person_sex = orNull(f.person_sex);
        b.person_age_band = orNull(f.person_age_band);
      }
      for (const k of Object.keys(b)) if (b[k] === null) delete b[k];
      const category = cats?.find((c) => c.code === f.category);
      const local = {
        ...(b as Partial<Feedback>),
        id: fid,
        area_name: f.area?.name,
        sensitive: !!category?.sensitive,
        status: 'open',
        due_on: '',
        cefc_id: orNull(f.cefc_id),
        version: 0,
      } as Feedback;
      await enqueue(
        {
          record: fid,
          entity: 'feedback',
          kind: 'create',
          method: 'POST',
          path: '/feedback',
          body: { id: fid, ...b },
          deps: [],
          label: t('fb.label', { category: categoryLabel(cats, f.category), date: f.received_on }),
          edit: `feedback/new/${fid}`,
        },
        // A sensitive case stays out of the working set (only its focal points may see it).
        local.sensitive
          ? undefined
          : { entity: 'feedback', record: local as unknown as Record<string, unknown> },
      );
      const result = await outcome([fid]);
      if (result === 'queued') {
        setReceipt({ ...local, queued: true });
        window.scrollTo(0, 0);
        return;
      }
      if (result !== 'sent') {
        setFields(fieldMessages(result.error));
        showRefusal(result.error);
        return;
      }
      const saved = answers.get(fid) as Feedback;
      if (saved.sensitive && !saved.description) {
        setReceipt(saved);
        window.scrollTo(0, 0);
        return;
      }
      showInfo(t('common.created'));
      navigate('feedback', saved.id);
    });
  }

  if (receipt) {
    return (
      <section
        class="card"
        aria-labelledby="fb-receipt-heading"
        data-testid="feedback-receipt"
        data-id={receipt.id}
      >
        <h1 id="fb-receipt-heading">{t('fb.receiptTitle')}</h1>
        <p class="notice ok" role="status">
          {t('fb.receiptText')}
        </p>
        {receipt.queued && (
          <p class="notice" data-testid="feedback-receipt-queued">
            <a href={href('outbox')}>{t('off.pending')}</a>
          </p>
        )}
        <Facts
          rows={[
            [
              t('fb.reference'),
              <Ltr>
                <strong class="short-ref" data-testid="feedback-receipt-ref">
                  {displayShortRef(receipt.short_ref || shortRef(receipt.id))}
                </strong>{' '}
                <small class="code-list" data-testid="feedback-receipt-id">
                  {receipt.id}
                </small>
              </Ltr>,
            ],
            [t('fb.category'), categoryLabel(cats, receipt.category)],
            [t('fb.channel'), codeLabel('fb.channel.', receipt.channel)],
            [t('fb.receivedOn'), <Ltr>{receipt.received_on}</Ltr>],
            [t('fb.dueBy'), receipt.due_on ? <Ltr>{receipt.due_on}</Ltr> : '—'],
          ]}
        />
        <div class="actions separated">
          <button
            type="button"
            class="primary"
            data-testid="feedback-log-another"
            onClick={() => {
              setReceipt(null);
              setFid(uuidv7());
              setF({ ...EMPTY, received_on: todayIso() });
            }}
          >
            {t('fb.logAnother')}
          </button>
          <a class="button secondary" href={href('feedback')}>
            {t('fb.title')}
          </a>
        </div>
      </section>
    );
  }

  const known = Object.keys(EMPTY).concat(['area_id']);
  return (
    <section class="card" aria-labelledby="fb-form-heading">
      <Crumbs items={[{ href: href('feedback'), label: t('fb.title') }]} current={t('fb.new')} />
      <h1 id="fb-form-heading">{t('fb.new')}</h1>
      <Form class="form-narrow" data-testid="feedback-form" onSubmit={save}>
        <SelectField
          label={t('fb.category')}
          value={f.category}
          onChange={(category) => set({ category })}
          error={fields.category}
          testid="fb-category"
          options={[
            { value: '', label: t('reg.choose') },
            ...(cats ?? []).map((c) => ({ value: c.code, label: categoryLabel(cats, c.code) })),
          ]}
        />
        {sensitive && (
          <div class="notice sensitive" role="alert" data-testid="fb-sensitive-notice">
            {t('fb.sensitiveNotice')}
          </div>
        )}
        <div class="form-row">
          <SelectField
            label={t('fb.channel')}
            value={f.channel}
            onChange={(channel) => set({ channel })}
            error={fields.channel}
            testid="fb-channel"
            options={[
              { value: '', label: t('reg.choose') },
              ...CHANNELS.map((c) => ({ value: c, label: codeLabel('fb.channel.', c) })),
            ]}
          />
          <Field
            type="date"
            label={t('fb.receivedOn')}
            value={f.received_on}
            onInput={(v) => set({ received_on: v })}
            max={todayIso()}
            error={fields.received_on}
            testid="fb-received-on"
          />
        </div>
        <AreaPicker
          label={t('act.area')}
          value={f.area}
          onChange={(area) => set({ area, cefc_id: '' })}
          error={fields.area_id}
          testid="fb-area"
          villages
        />
        {cefcs.length > 0 && (
          <SelectField
            label={`${t('fb.cefc')} ${t('common.optional')}`}
            value={f.cefc_id}
            onChange={(cefc_id) => set({ cefc_id })}
            error={fields.cefc_id}
            testid="fb-cefc"
            options={[
              { value: '', label: t('fb.noCefc') },
              ...cefcs.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
        )}
        <TextAreaField
          label={t('fb.description')}
          value={f.description}
          onInput={(v) => set({ description: v })}
          error={fields.description}
          testid="fb-description"
        />
        <fieldset data-testid="fb-person">
          <legend>{t('fb.who')}</legend>
          <div class="choice-row">
            <Check
              name="fb-who"
              label={t('fb.named')}
              checked={!f.anonymous}
              testid="fb-named"
              onChange={() => set({ anonymous: false })}
            />
            <Check
              name="fb-who"
              label={t('fb.anonymous')}
              checked={f.anonymous}
              testid="fb-anonymous"
              onChange={() => set({ anonymous: true })}
            />
          </div>
          {!f.anonymous && (
            <>
              <Field
                label={`${t('fb.personName')} ${t('common.optional')}`}
                value={f.person_name}
                onInput={(v) => set({ person_name: v })}
                dir="auto"
                error={fields.person_name}
                testid="fb-person-name"
              />
              <Field
                type="tel"
                label={`${t('fb.personContact')} ${t('common.optional')}`}
                value={f.person_contact}
                onInput={(v) => set({ person_contact: v })}
                dir="ltr"
                error={fields.person_contact}
                testid="fb-person-contact"
              />
              <div class="form-row">
                <SelectField
                  label={t('fb.personSex')}
                  value={f.person_sex}
                  onChange={(v) => set({ person_sex: v })}
                  error={fields.person_sex}
                  testid="fb-person-sex"
                  options={[{ value: '', label: t('reg.notSet') }, ...enumOptions('sex')]}
                />
                <SelectField
                  label={t('fb.personAge')}
                  value={f.person_age_band}
                  onChange={(v) => set({ person_age_band: v })}
                  error={fields.person_age_band}
                  testid="fb-person-age"
                  options={[
                    { value: '', label: t('reg.notSet') },
                    ...ageBands().map((b) => ({ value: b, label: enumLabel('age_band', b) })),
                  ]}
                />
              </div>
            </>
          )}
        </fieldset>
        <div class="form-row">
          <SelectField
            label={`${t('fb.language')} ${t('common.optional')}`}
            value={f.language}
            onChange={(language) => set({ language })}
            error={fields.language}
            testid="fb-language"
            options={[
              { value: '', label: t('reg.notSet') },
              ...LANGS.map(([value, label]) => ({ value, label })),
            ]}
          />
          <Field
            label={`${t('fb.tags')} ${t('common.optional')}`}
            value={f.tags}
            onInput={(v) => set({ tags: v })}
            dir="ltr"
            error={fields.tags}
            testid="fb-tags"
            hint={t('fb.tagsHint')}
          />
        </div>
        <OtherErrors fields={fields} entity="feedback" shown={(k) => known.includes(k)} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="fb-save">
            {t('fb.log')}
          </button>
          <a class="button secondary" href={href('feedback')}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </section>
  );
}

// The feedback centres (CEFC institutions) of an area: the working set's once the phone holds
// one (offline too), else the server's.
async function findCefcs(area: string): Promise<Institution[]> {
  if (await hasWorkingSet())
    return searchLocal<Institution>(
      'institutions',
      '',
      100,
      (i) => i.type === 'CEFC' && i.area_id === area,
    );
  return (await get<Page<Institution>>('/institutions' + query({ type: 'CEFC', area, limit: 100 })))
    .items;
}
