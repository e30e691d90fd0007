// Log feedback: channel, category, date, area, optional feedback centre (CEFC), the person or
// anonymous, what was said, its language and tags. A sensitive category warns that only the
// area's focal points will see the record after saving; the logger then gets a receipt.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field, SelectField, TextAreaField } from '../../components/form_fields';
import { Crumbs, Facts, Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
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

export function FeedbackFormPage() {
  const { t } = useI18n();
  const cats = useCategories();
  const [f, setF] = useState<Form>({ ...EMPTY, received_on: todayIso() });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Feedback | null>(null);
  const [cefcs, setCefcs] = useState<Institution[]>([]);
  const set = (p: Partial<Form>) => setF((old) => ({ ...old, ...p }));

  useEffect(() => {
    setCefcs([]);
    if (!f.area) return;
    let live = true;
    get<Page<Institution>>('/institutions' + query({ type: 'CEFC', area: f.area.id, limit: 100 }))
      .then((p) => live && setCefcs(p.items))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [f.area?.id]);

  const sensitive = !!cats?.find((c) => c.code === f.category)?.sensitive;

  async function save() {
    clearMessages();
    setFields({});
    setBusy(true);
    try {
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
      const saved = await post<Feedback>('/feedback', b);
      if (saved.sensitive && !saved.description) {
        setReceipt(saved);
        window.scrollTo(0, 0);
        return;
      }
      showInfo(t('common.created'));
      navigate('feedback', saved.id);
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      showError(err);
    } finally {
      setBusy(false);
    }
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
            [t('fb.dueBy'), <Ltr>{receipt.due_on}</Ltr>],
          ]}
        />
        <div class="actions separated">
          <button
            type="button"
            class="primary"
            data-testid="feedback-log-another"
            onClick={() => {
              setReceipt(null);
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
      <form
        class="form-narrow"
        noValidate
        data-testid="feedback-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
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
            <label class="check">
              <input
                type="radio"
                name="fb-who"
                checked={!f.anonymous}
                data-testid="fb-named"
                onChange={() => set({ anonymous: false })}
              />
              {t('fb.named')}
            </label>
            <label class="check">
              <input
                type="radio"
                name="fb-who"
                checked={f.anonymous}
                data-testid="fb-anonymous"
                onChange={() => set({ anonymous: true })}
              />
              {t('fb.anonymous')}
            </label>
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
        <OtherErrors fields={fields} shown={(k) => known.includes(k)} />
        <div class="actions separated">
          <button type="submit" class="primary" disabled={busy} data-testid="fb-save">
            {t('fb.log')}
          </button>
          <a class="button secondary" href={href('feedback')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
