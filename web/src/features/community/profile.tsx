// An area's community profile as of a date: the registry's live figures beside the version in
// force then (figures from other sources, services, key personnel, institutions, hazards, SWOT),
// what changed since the version before it, the versions, and the PDF sheet.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { query } from '../../api';
import { Field } from '../../components/form_fields';
import { useI18n, type MessageKey } from '../../i18n';
import { useConfig } from '../../registry_data';
import { href } from '../../router';
import { useFetch } from '../../use_fetch';
import {
  configLabel,
  facilityTypes,
  SWOT,
  type Profile,
  type ProfileChange,
  type ProfileVersion,
} from './common';

function TextList({ items, testid }: { items: string[]; testid: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <p class="muted">{t('cp.empty')}</p>;
  return (
    <ul class="plain-list" data-testid={testid} data-count={items.length}>
      {items.map((x) => (
        <li key={x} dir="auto">
          {x}
        </li>
      ))}
    </ul>
  );
}

function VersionBody({ v, contacts }: { v: ProfileVersion; contacts: boolean }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  const place = (lat: number | null, lon: number | null) =>
    lat !== null && lon !== null ? ` (${lat}, ${lon})` : '';
  return (
    <>
      <h2>{t('cp.figures')}</h2>
      {v.figures.length === 0 && <p class="muted">{t('cp.empty')}</p>}
      <dl class="facts" data-testid="profile-figures">
        {v.figures.map((f) => (
          <Fragment key={f.name}>
            <dt dir="auto">{f.name}</dt>
            <dd>
              <bdi>{f.value.toLocaleString(lang)}</bdi>{' '}
              <span class="muted small" dir="auto">
                {f.source}, <bdi dir="ltr">{f.dated_on}</bdi>
              </span>
            </dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('cp.facilities')}</h2>
      {v.facilities.length === 0 && <p class="muted">{t('cp.empty')}</p>}
      <ul class="plain-list" data-testid="profile-facilities">
        {v.facilities.map((f, i) => (
          <li key={i}>
            <strong>{configLabel(t, lang, 'cp.ft.', facilityTypes(config), f.type)}</strong>:{' '}
            <span dir="auto">{f.name}</span> — {t(`cp.st.${f.status}` as 'cp.st.functional')}
            <bdi dir="ltr" class="muted small">
              {place(f.latitude, f.longitude)}
            </bdi>
          </li>
        ))}
      </ul>
      <h2>{t('cp.personnel')}</h2>
      {!contacts && <p class="muted small">{t('cp.contactHidden')}</p>}
      {v.personnel.length === 0 && <p class="muted">{t('cp.empty')}</p>}
      <ul class="plain-list" data-testid="profile-personnel">
        {v.personnel.map((p, i) => (
          <li key={i}>
            <strong dir="auto">{p.name}</strong>, <span dir="auto">{p.position}</span>
            {p.organisation && <span dir="auto"> ({p.organisation})</span>}
            {p.contact && (
              <>
                {' '}
                <bdi dir="ltr" data-testid="profile-contact">
                  {p.contact}
                </bdi>
              </>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('cp.institutions')}</h2>
      {v.institutions.length === 0 && <p class="muted">{t('cp.empty')}</p>}
      <ul class="plain-list" data-testid="profile-institutions">
        {v.institutions.map((k) => (
          <li key={k.institution_id}>
            <a href={href('institutions', k.institution_id)} dir="auto">
              {k.name}
            </a>
            {k.note && <span dir="auto"> — {k.note}</span>}
            <bdi dir="ltr" class="muted small">
              {place(k.latitude, k.longitude)}
            </bdi>
          </li>
        ))}
      </ul>
      <h2>{t('cp.hazards')}</h2>
      <TextList items={v.hazards} testid="profile-hazards" />
      <h2>{t('cp.swot')}</h2>
      <div class="swot" data-testid="profile-swot">
        {SWOT.map((q) => (
          <section key={q} class="swot-quadrant">
            <h3>{t(`cp.${q}`)}</h3>
            <TextList items={v[q]} testid={`swot-${q}`} />
          </section>
        ))}
      </div>
    </>
  );
}

// The words of a changed field (profile_rules.hpp DiffProfiles names them by code).
const FIELD_WORDS: Record<string, MessageKey> = {
  value: 'cp.value',
  source: 'cp.source',
  dated_on: 'cp.datedOn',
  status: 'cp.status',
  location: 'cp.location',
  position: 'cp.position',
  organisation: 'cp.organisation',
  contact: 'cp.contact',
  note: 'cp.note',
};

function Changes({ p }: { p: Profile }) {
  const { t, lang } = useI18n();
  const config = useConfig();
  // A facility is named "type: name": its type in the reader's words.
  const facility = (text: string) => {
    const at = text.indexOf(': ');
    if (at < 0) return text;
    return (
      configLabel(t, lang, 'cp.ft.', facilityTypes(config), text.slice(0, at)) + text.slice(at)
    );
  };
  const shown = (c: ProfileChange, v: string | null) =>
    v === null ? '—' : c.field === 'status' ? t(`cp.st.${v}` as 'cp.st.functional') : v;
  const word = (c: ProfileChange) =>
    c.field === '' || (c.section === 'swot' && (c.before === null || c.after === null))
      ? c.before === null
        ? t('cp.added')
        : t('cp.removed')
      : t('rk.change', { from: shown(c, c.before), to: shown(c, c.after) });
  return (
    <>
      <h2>
        {p.previous_as_of ? t('cp.changes', { date: p.previous_as_of }) : t('cp.changesFirst')}
      </h2>
      {p.previous_as_of && p.changes.length === 0 && <p class="muted">{t('cp.noChanges')}</p>}
      {p.previous_as_of && (
        <ul class="plain-list" data-testid="profile-changes" data-count={p.changes.length}>
          {p.changes.map((c, i) => (
            <li key={i}>
              <span class="muted small">{t(`cp.section.${c.section}` as 'cp.section.swot')}</span>{' '}
              <bdi>{c.section === 'facilities' ? facility(c.item) : c.item}</bdi>
              {c.field && c.section !== 'swot' && (
                <span class="muted">
                  {' '}
                  · {FIELD_WORDS[c.field] ? t(FIELD_WORDS[c.field]) : c.field}
                </span>
              )}
              : <bdi>{word(c)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ProfilePage({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [shown, setShown] = useState('');
  const { data: p } = useFetch<Profile>(
    `/areas/${encodeURIComponent(id)}/profile` + query({ as_of: shown || undefined }),
  );
  if (!p) return <p class="muted">{t('common.loading')}</p>;
  const pdf =
    `/api/v1/areas/${encodeURIComponent(id)}/profile/export` +
    query({ format: 'pdf', lang, as_of: p.as_of });
  const sex = (s: string) => t(`cp.sex.${s}` as 'cp.sex.f');
  return (
    <section class="card" data-testid="profile" data-as-of={p.as_of}>
      <nav class="breadcrumb">
        <a href={href('areas', id)}>{p.area_name}</a>
      </nav>
      <h1>
        {t('cp.title')}: <bdi>{p.area_name}</bdi>
      </h1>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(asOf);
        }}
      >
        <Field
          label={t('cp.asOf')}
          type="date"
          value={asOf || p.as_of}
          onInput={setAsOf}
          testid="profile-as-of"
        />
        <button type="submit" class="secondary" data-testid="profile-show">
          {t('cp.show')}
        </button>
      </form>
      <div class="actions">
        <a class="button secondary" href={pdf} data-testid="profile-pdf" download>
          {t('cp.pdf')}
        </a>
        {canWrite && (
          <a class="button primary" href={href('community', id, 'edit')} data-testid="profile-new">
            {t('cp.newVersion')}
          </a>
        )}
        <a
          class="button secondary"
          href={href('community', id, 'risks')}
          data-testid="profile-risks"
        >
          {t('rk.risksOf')}
        </a>
      </div>
      <h2>{t('cp.registry')}</h2>
      <dl class="facts" data-testid="profile-registry">
        <dt>{t('cp.households')}</dt>
        <dd>{p.registry.households.toLocaleString(lang)}</dd>
        <dt>{t('cp.poor')}</dt>
        <dd>{p.registry.poor_households.toLocaleString(lang)}</dd>
        <dt>{t('cp.institutionsCount')}</dt>
        <dd>{p.registry.institutions.toLocaleString(lang)}</dd>
      </dl>
      <h3>{t('cp.members')}</h3>
      <dl class="facts" data-testid="profile-members">
        {Object.entries(p.registry.members_by_sex).map(([s, n]) => (
          <Fragment key={s}>
            <dt>{sex(s)}</dt>
            <dd>{n.toLocaleString(lang)}</dd>
          </Fragment>
        ))}
      </dl>
      {!p.version && (
        <p class="muted" data-testid="profile-none">
          {t('cp.none')}
        </p>
      )}
      {p.version && (
        <>
          <p class="muted small" data-testid="profile-saved">
            {t('cp.savedBy', {
              date: p.version.as_of,
              at: p.version.created_at.slice(0, 10),
              name: p.version.created_by_name ?? '—',
            })}
          </p>
          <VersionBody v={p.version} contacts={p.contacts_visible} />
          <Changes p={p} />
        </>
      )}
      {p.versions.length > 0 && (
        <>
          <h2>{t('cp.versions')}</h2>
          <ul class="plain-list" data-testid="profile-versions">
            {[...p.versions].reverse().map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  class="link"
                  aria-current={p.version?.id === v.id ? 'true' : undefined}
                  onClick={() => {
                    setAsOf(v.as_of);
                    setShown(v.as_of);
                  }}
                >
                  <bdi dir="ltr">{v.as_of}</bdi>
                </button>{' '}
                <span class="muted small">{v.created_by_name}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
