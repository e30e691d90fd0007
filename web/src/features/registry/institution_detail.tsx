// One institution: its facts and status history, members (current or all; add, end) and
// maturity assessments (list, and a form that scores the chosen checklist).
import { query } from '../../api';
import {
  Crumbs,
  Facts,
  GradeBadge,
  Ltr,
  StatusBadge,
  useFlashWarnings,
  WarningList,
} from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { enumLabel, num, typeLabel, typeOf, useConfig } from '../../registry_data';
import { href } from '../../router';
import type { Institution } from '../../types';
import { AssessmentsSection } from './institution_assessments';
import { MembersSection } from './institution_members';
import { useFetch } from '../../use_fetch';
import { localRow } from '../../offline/local';
import { useOfflineFetch } from '../../offline/use_offline_fetch';
import { LoadingCard } from '../../components/loading_card';

// `fix`: a membership refused by the server, opened in its form (from the outbox).
export function InstitutionDetailPage({
  id,
  canWrite,
  fix,
}: {
  id: string;
  canWrite: boolean;
  fix?: string;
}) {
  const { t } = useI18n();
  const config = useConfig();
  const flashed = useFlashWarnings(id);

  // Offline, the working set's copy (members can then be added and ended through the outbox).
  const { data: inst, reload } = useOfflineFetch<Institution>(
    `/institutions/${encodeURIComponent(id)}`,
    async () => (await localRow('institutions', id))?.r as Institution | undefined,
  );

  if (!inst) return <LoadingCard />;
  const type = typeOf(config, inst.type);
  const final = inst.status === 'dissolved' || inst.status === 'merged';
  const warnings = [
    ...flashed,
    ...(inst.warnings ?? []).filter(
      (w) => !flashed.some((x) => x.code === w.code && x.message === w.message),
    ),
  ];

  return (
    <>
      <section
        class="card"
        aria-labelledby="inst-detail-heading"
        data-testid="institution-detail"
        data-id={inst.id}
      >
        <Crumbs
          items={[{ href: href('institutions'), label: t('inst.title') }]}
          current={inst.name}
        />
        <div class="section-head">
          <h1 id="inst-detail-heading" data-testid="institution-name">
            <bdi>{inst.name}</bdi>
          </h1>
          {canWrite && (
            <a
              class="button secondary"
              href={href('institutions', inst.id, 'edit')}
              data-testid="institution-edit"
            >
              {t('common.edit')}
            </a>
          )}
          {type && type.member_kind !== 'institution' && (
            <a
              class="button secondary"
              href={href('institutions', inst.id, 'books')}
              data-testid="institution-books"
            >
              {t('inst.books')}
            </a>
          )}
        </div>
        {inst.name_local && (
          <p class="local-name" dir="auto">
            {inst.name_local}
          </p>
        )}
        <p class="badges">
          <span class="badge neutral">{typeLabel(config, inst.type)}</span>{' '}
          <StatusBadge status={inst.status} /> <GradeBadge grade={inst.latest_grade} />
        </p>
        <WarningList warnings={warnings} selfId={inst.id} />
        <Facts
          rows={[
            [t('inst.code'), inst.code ? <Ltr>{inst.code}</Ltr> : '', 'institution-code'],
            [
              t('inst.type'),
              `${typeLabel(config, inst.type)} · ${t('inst.tier', { tier: inst.tier })}`,
            ],
            [
              t('reg.area'),
              <a href={href('summary', inst.area_id)}>
                <bdi>{inst.area_name}</bdi>
              </a>,
            ],
            [
              t('inst.parent'),
              inst.parent_id ? (
                <a href={href('institutions', inst.parent_id)}>
                  <bdi>{inst.parent_name}</bdi>
                </a>
              ) : (
                ''
              ),
            ],
            [t('inst.formedOn'), inst.formed_on ? <Ltr>{inst.formed_on}</Ltr> : ''],
            [t('inst.sexComposition'), enumLabel('sex_composition', inst.sex_composition)],
            [
              t('inst.status'),
              <>
                {enumLabel('status', inst.status)}
                {inst.status_on && (
                  <>
                    {' '}
                    · <Ltr>{inst.status_on}</Ltr>
                  </>
                )}
                {inst.status_reason && (
                  <>
                    {' '}
                    · <bdi dir="auto">{inst.status_reason}</bdi>
                  </>
                )}
              </>,
              'institution-status',
            ],
            [t('inst.meetingFrequency'), enumLabel('meeting_frequency', inst.meeting_frequency)],
            [
              t('inst.registrationStatus'),
              [
                enumLabel('registration_status', inst.registration_status),
                inst.registration_authority,
                inst.registration_number,
                inst.registration_date,
              ]
                .filter(Boolean)
                .join(' · '),
            ],
            [
              t('inst.bankStatus'),
              [enumLabel('bank_status', inst.bank_status), inst.bank_name, inst.bank_opened_on]
                .filter(Boolean)
                .join(' · '),
            ],
            [t('inst.savings'), inst.savings ? num(inst.savings, 2) : ''],
            [
              t('inst.members'),
              <>
                {num(inst.member_count)}
                {type?.size_min != null && type.size_max != null && (
                  <span class="muted small">
                    {' '}
                    ({t('inst.sizeHint', { min: type.size_min, max: type.size_max })})
                  </span>
                )}
              </>,
              'institution-member-count',
            ],
            [t('inst.childCount'), inst.child_count ? num(inst.child_count) : ''],
            [
              t('inst.grade'),
              inst.latest_grade ? (
                <>
                  <span data-testid="institution-grade">{inst.latest_grade}</span> ·{' '}
                  <Ltr>{inst.latest_assessed_on}</Ltr>
                </>
              ) : (
                ''
              ),
            ],
            [t('reg.notes'), inst.notes ? <bdi dir="auto">{inst.notes}</bdi> : ''],
          ]}
        />
        {(inst.status_history ?? []).length > 0 && (
          <details class="history" data-testid="status-history">
            <summary>{t('inst.statusHistory')}</summary>
            <ol class="plain-list">
              {(inst.status_history ?? []).map((h, i) => (
                <li key={i}>
                  <StatusBadge status={h.status} /> <Ltr>{h.status_on}</Ltr>
                  {h.reason && (
                    <>
                      {' '}
                      · <bdi dir="auto">{h.reason}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>
      <MembersSection
        inst={inst}
        canWrite={canWrite && !final}
        onChange={() => reload()}
        fix={fix}
      />
      <AssessmentsSection inst={inst} canWrite={canWrite} onChange={() => reload()} />
      {inst.child_count > 0 && <ChildInstitutions id={inst.id} />}
    </>
  );
}

// Institutions federated into this one.
function ChildInstitutions({ id }: { id: string }) {
  const { t } = useI18n();
  const config = useConfig();
  const items =
    useFetch<{ items: Institution[] }>('/institutions' + query({ parent: id, limit: 500 })).data
      ?.items ?? null;
  if (!items) return null;
  return (
    <section class="card" aria-labelledby="inst-children-heading">
      <h2 id="inst-children-heading">{t('inst.children')}</h2>
      <ul class="plain-list" data-testid="institution-children">
        {items.map((c) => (
          <li key={c.id}>
            <a href={href('institutions', c.id)}>
              <bdi>{c.name}</bdi>
            </a>{' '}
            <span class="muted small">
              {typeLabel(config, c.type)} · {t('inst.memberCount', { n: c.member_count })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
