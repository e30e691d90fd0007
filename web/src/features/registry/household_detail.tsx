// One household: its facts, people (with disability and displacement) and memberships.
import { useEffect, useState } from 'preact/hooks';
import { del } from '../../api';
import { ConfirmBox } from '../../components/confirm_box';
import { Crumbs, Facts, Ltr, useFlashWarnings, WarningList } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showError, showInfo } from '../../messages';
import {
  bandLabel,
  enumLabel,
  flagLabel,
  num,
  roleOptionLabel,
  typeLabel,
  useConfig,
} from '../../registry_data';
import { href, navigate } from '../../router';
import { WG_DOMAINS, type Household, type Person } from '../../types';
import { loadRecord } from '../../offline/local';
import { dropUnsent } from '../../offline/outbox';
import { LoadingCard } from '../../components/loading_card';

export function HouseholdDetailPage({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useI18n();
  const config = useConfig();
  const [confirm, setConfirm] = useState(false);
  const flashed = useFlashWarnings(id);

  // From the server, or from this phone when the household waits to be sent or there is no
  // connection.
  const [hh, setHh] = useState<Household | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    loadRecord<Household>('households', id, `/households/${encodeURIComponent(id)}`)
      .then((l) => {
        setHh(l.record);
        setPending(l.pending);
      })
      .catch(showError);
  }, [id]);

  if (!hh) return <LoadingCard />;
  const people = hh.people ?? [];
  const memberships = hh.memberships ?? [];

  return (
    <>
      <section
        class="card"
        aria-labelledby="hh-detail-heading"
        data-testid="household-detail"
        data-id={hh.id}
      >
        <Crumbs
          items={[{ href: href('households'), label: t('hh.title') }]}
          current={hh.head_name}
        />
        {pending && (
          <p class="notice" data-testid="household-pending">
            <a href={href('outbox')}>{t('off.pending')}</a>
          </p>
        )}
        <div class="section-head">
          <h1 id="hh-detail-heading" data-testid="household-name">
            <bdi>{hh.head_name}</bdi>
          </h1>
          {canWrite && (
            <div class="head-actions">
              <a
                class="button secondary"
                href={href('households', hh.id, 'edit')}
                data-testid="household-edit"
              >
                {t('common.edit')}
              </a>
              <button
                type="button"
                class="danger"
                data-testid="household-delete"
                onClick={() => setConfirm(!confirm)}
              >
                {t('common.delete')}
              </button>
            </div>
          )}
        </div>
        {confirm && (
          <ConfirmBox
            testid="household-delete"
            text={t('hh.confirmDelete', { name: hh.head_name })}
            onConfirm={async () => {
              clearMessages();
              try {
                // Registered on this phone and never sent: dropped here.
                if (!(await dropUnsent('households', hh.id)))
                  await del(`/households/${encodeURIComponent(hh.id)}`);
                showInfo(t('common.deleted'));
                navigate('households');
              } catch (e) {
                setConfirm(false);
                showError(e);
              }
            }}
            onCancel={() => setConfirm(false)}
          />
        )}
        <p class="badges">
          {hh.poverty_band && (
            <span class={hh.poor ? 'badge warn' : 'badge neutral'} data-testid="household-band">
              {bandLabel(config, hh.poverty_band)}
            </span>
          )}{' '}
          {hh.organised ? (
            <span class="badge on">{t('hh.organisedYes')}</span>
          ) : (
            <span class="badge neutral">{t('hh.organisedNo')}</span>
          )}{' '}
          {hh.flags.map((f) => (
            <span key={f} class="badge flag" data-testid="household-flag" data-flag={f}>
              {flagLabel(config, f)}
            </span>
          ))}
        </p>
        <WarningList warnings={flashed} selfId={hh.id} />
        <Facts
          rows={[
            [t('hh.code'), hh.code ? <Ltr>{hh.code}</Ltr> : '', 'household-code'],
            [
              t('reg.area'),
              <a href={href('summary', hh.area_id)}>
                <bdi>{hh.area_name}</bdi>
              </a>,
            ],
            [t('hh.fatherName'), hh.head_father_name ? <bdi>{hh.head_father_name}</bdi> : ''],
            [t('hh.address'), hh.address ? <bdi dir="auto">{hh.address}</bdi> : ''],
            [t('hh.phone'), hh.phone ? <Ltr>{hh.phone}</Ltr> : ''],
            [
              t('hh.nationalId'),
              hh.national_id ? (
                <>
                  <Ltr>{hh.national_id}</Ltr>
                  {hh.national_id_masked && <span class="muted small"> ({t('hh.masked')})</span>}
                </>
              ) : (
                ''
              ),
              'household-national-id',
            ],
            [
              t('hh.psc'),
              hh.psc_score !== null ? (
                <>
                  {num(hh.psc_score, 1)}
                  {hh.psc_date && (
                    <>
                      {' '}
                      · <Ltr>{hh.psc_date}</Ltr>
                    </>
                  )}
                  {hh.psc_source && (
                    <>
                      {' '}
                      · <bdi>{hh.psc_source}</bdi>
                    </>
                  )}
                </>
              ) : (
                ''
              ),
            ],
            [
              t('hh.location'),
              hh.latitude !== null && hh.longitude !== null ? (
                <Ltr>
                  {hh.latitude.toFixed(5)}, {hh.longitude.toFixed(5)}
                </Ltr>
              ) : (
                ''
              ),
            ],
          ]}
        />
      </section>

      <section class="card" aria-labelledby="hh-people-heading" data-testid="household-people">
        <h2 id="hh-people-heading">{t('hh.peopleTitle', { n: people.length })}</h2>
        {people.length === 0 ? (
          <p class="muted">{t('hh.noPeople')}</p>
        ) : (
          <div class="table-wrap">
            <table class="stack" data-testid="person-table">
              <thead>
                <tr>
                  <th scope="col">{t('person.name')}</th>
                  <th scope="col">{t('person.sex')}</th>
                  <th scope="col">{t('person.age')}</th>
                  <th scope="col">{t('person.relation')}</th>
                  <th scope="col">{t('person.disability')}</th>
                  <th scope="col">{t('person.displacement')}</th>
                  <th scope="col">{t('person.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id} data-testid="person-row" data-id={p.id}>
                    <td class="stack-title">
                      <bdi>{p.name}</bdi>
                    </td>
                    <td data-label={t('person.sex')}>{enumLabel('sex', p.sex)}</td>
                    <td data-label={t('person.age')}>{ageText(p, t)}</td>
                    <td data-label={t('person.relation')}>{enumLabel('relation', p.relation)}</td>
                    <td
                      data-label={t('person.disability')}
                      data-testid="person-disability"
                      data-value={String(p.disability)}
                    >
                      {disabilityText(p, t)}
                    </td>
                    <td data-label={t('person.displacement')}>
                      {enumLabel('displacement', p.displacement)}
                    </td>
                    <td data-label={t('person.phone')}>{p.phone ? <Ltr>{p.phone}</Ltr> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section
        class="card"
        aria-labelledby="hh-memberships-heading"
        data-testid="household-memberships"
      >
        <h2 id="hh-memberships-heading">{t('hh.memberships')}</h2>
        {memberships.length === 0 ? (
          <p class="muted">{t('hh.noMemberships')}</p>
        ) : (
          <ul class="plain-list">
            {memberships.map((m) => (
              <li key={m.id} data-testid="household-membership">
                <a href={href('institutions', m.institution_id ?? '')}>
                  <bdi>{m.institution_name}</bdi>
                </a>{' '}
                <span class="muted small">
                  {m.type && typeLabel(config, m.type)} · {roleOptionLabel(config, m.role)} ·{' '}
                  <Ltr>{m.joined_on}</Ltr>
                  {m.left_on ? (
                    <>
                      {' '}
                      – <Ltr>{m.left_on}</Ltr>
                    </>
                  ) : (
                    <> · {t('inst.current')}</>
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

function ageText(p: Person, t: T): string {
  if (p.age === null) return '';
  return p.birth_date_estimated
    ? t('hh.ageEstimated', { n: p.age })
    : t('hh.ageYears', { n: p.age });
}

// "Yes: mobility, seeing" (the domains answered 3 or 4), or "No".
function disabilityText(p: Person, t: T): string {
  if (!p.wg) return '';
  if (!p.disability) return t('reg.no');
  const domains = WG_DOMAINS.filter((d) => (p.wg?.[d] ?? 0) >= 3).map((d) => t(`wg.short.${d}`));
  return domains.length ? `${t('reg.yes')}: ${domains.join(t('common.listSep'))}` : t('reg.yes');
}
