// The supervision report of an area and a period: visits made, checklist scores by item and by
// person, the actions agreed at the period's visits and what became of them.
import { useState } from 'preact/hooks';
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { Field } from '../../components/form_fields';
import { Facts } from '../../components/registry_bits';
import { StackTable } from '../../components/lists';
import { useI18n } from '../../i18n';
import { num } from '../../registry_data';
import { useFetch } from '../../use_fetch';
import { SupervisionTabs } from './common';
import type { SupervisionReport } from './types';

const monthStart = () => new Date().toISOString().slice(0, 8) + '01';
const today = () => new Date().toISOString().slice(0, 10);

export function ReportPage() {
  const { t } = useI18n();
  const [area, setArea] = useState<PickedArea | null>(null);
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState(today());
  const { data: r } = useFetch<SupervisionReport>(
    from && to ? '/supervision-report' + query({ area: area?.id, from, to }) : null,
  );
  const pct = (n: number | null) => (n === null ? '–' : t('sup.percent', { n: num(n, 1) }));
  return (
    <section class="card" aria-labelledby="sup-report-heading" data-testid="sup-report">
      <SupervisionTabs current="report" />
      <h1 id="sup-report-heading">{t('sup.reportTitle')}</h1>
      <div class="filters">
        <AreaPicker
          label={t('sup.area')}
          value={area}
          onChange={setArea}
          clearable
          testid="sup-report-area"
        />
        <Field type="date" label={t('sup.from')} value={from} onInput={setFrom} testid="sup-from" />
        <Field type="date" label={t('sup.to')} value={to} onInput={setTo} testid="sup-to" />
      </div>
      {r && (
        <>
          <Facts
            rows={[
              [t('sup.visitsMade'), num(r.visits), 'sup-report-visits'],
              [t('sup.meetingsHeld'), num(r.meetings), 'sup-report-meetings'],
              [t('sup.actionsAgreed'), num(r.actions_agreed), 'sup-report-agreed'],
              [t('sup.actionsClosed'), num(r.actions_closed), 'sup-report-closed'],
              [t('sup.actionsOnTime'), num(r.actions_closed_on_time), 'sup-report-on-time'],
              [t('sup.actionsOverdue'), num(r.actions_overdue), 'sup-report-overdue'],
              [t('sup.actionsReopened'), num(r.actions_reopened), 'sup-report-reopened'],
            ]}
          />
          <div class="actions">
            {(['pdf', 'xlsx'] as const).map((format) => (
              <a
                key={format}
                class="button secondary"
                href={
                  '/api/v1/supervision-report/export' + query({ area: area?.id, from, to, format })
                }
                download
                data-testid={'sup-report-' + format}
              >
                {t(format === 'pdf' ? 'sup.exportPdf' : 'sup.exportXlsx')}
              </a>
            ))}
          </div>
          <h2>{t('sup.byPerson')}</h2>
          <StackTable
            rows={r.people}
            testid="sup-report-people"
            row={(p) => ({ key: p.staff_id ?? '', 'data-testid': 'sup-report-person' })}
            columns={[
              { label: t('sup.staff'), cell: (p) => <bdi>{p.staff_name ?? t('sup.nobody')}</bdi> },
              { label: t('sup.visits'), cell: (p) => num(p.visits), class: 'num' },
              { label: t('sup.averageScore'), cell: (p) => pct(p.average_score), class: 'num' },
            ]}
          />
          <h2>{t('sup.byItem')}</h2>
          <StackTable
            rows={r.items}
            testid="sup-report-items"
            row={(i) => ({ key: i.checklist + i.item, 'data-testid': 'sup-report-item' })}
            columns={[
              { label: t('sup.item'), cell: (i) => <bdi>{i.name}</bdi> },
              { label: t('sup.visits'), cell: (i) => num(i.visits), class: 'num' },
              {
                label: t('sup.averageScore'),
                cell: (i) =>
                  `${num(i.average, 2)} / ${num(i.max_score)} (${pct(i.average_percent)})`,
                class: 'num',
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
