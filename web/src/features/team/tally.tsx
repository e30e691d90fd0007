// The field-day and night-halt tally of the caller's team for a month: a table (days against
// the norm of each one's role, the days that count listed) and a bar chart of field days.
import { useState } from 'preact/hooks';
import { BarChart } from '../../components/bar_chart';
import { Field } from '../../components/form_fields';
import { LoadingCard } from '../../components/loading_card';
import { Ltr } from '../../components/registry_bits';
import { useI18n } from '../../i18n';
import { useFetch } from '../../use_fetch';
import { monthOf, TeamTabs, today, type StaffTally } from './common';

export function TallyPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState(monthOf(today()));
  const ok = /^\d{4}-\d{2}$/.test(month);
  const { data, error } = useFetch<{ month: string; staff: StaffTally[] }>(
    ok ? `/team/tally?month=${month}` : null,
    { delay: 300, reset: true, onError: () => {} },
  );
  return (
    <section class="card" aria-labelledby="tally-heading" data-testid="tally">
      <TeamTabs current="tally" />
      <h1 id="tally-heading">{t('team.tally')}</h1>
      <Field
        label={t('team.month')}
        value={month}
        onInput={setMonth}
        dir="ltr"
        hint="2026-02"
        error={!ok || error ? t('team.monthHint') : undefined}
        testid="tally-month"
      />
      {!data ? (
        ok && !error && <LoadingCard />
      ) : (
        <>
          <div class="table-scroll">
            <table class="stack" data-testid="tally-table">
              <thead>
                <tr>
                  <th>{t('team.staff')}</th>
                  <th>{t('team.fieldDays')}</th>
                  <th>{t('team.nightHalts')}</th>
                </tr>
              </thead>
              <tbody>
                {data.staff.map((s) => (
                  <tr key={s.user_id} data-testid="tally-row" data-username={s.username}>
                    <td style={{ paddingInlineStart: `${s.depth}rem` }}>
                      <bdi>{s.full_name}</bdi>
                    </td>
                    <td
                      data-testid="tally-field"
                      class={s.norm_field_days !== null && !s.field_days_met ? 'warn' : ''}
                    >
                      <Ltr>
                        {s.field_days}
                        {s.norm_field_days !== null && ` / ${s.norm_field_days}`}
                      </Ltr>
                      {s.field_days_list.length > 0 && (
                        <details>
                          <summary>{t('team.days')}</summary>
                          <Ltr>{s.field_days_list.map((d) => d.slice(8)).join(' ')}</Ltr>
                        </details>
                      )}
                    </td>
                    <td data-testid="tally-halts">
                      <Ltr>
                        {s.night_halts}
                        {s.norm_night_halts !== null && ` / ${s.norm_night_halts}`}
                      </Ltr>
                      {s.night_halts_list.length > 0 && (
                        <details>
                          <summary>{t('team.days')}</summary>
                          <Ltr>{s.night_halts_list.map((d) => d.slice(8)).join(' ')}</Ltr>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <BarChart
            title={t('team.fieldDaysChart')}
            testid="tally-chart"
            bars={data.staff.map((s) => ({
              key: s.user_id,
              label: s.full_name,
              value: s.norm_field_days ? s.field_days / s.norm_field_days : 0,
              text: `${s.field_days}${s.norm_field_days !== null ? ' / ' + s.norm_field_days : ''}`,
            }))}
          />
        </>
      )}
    </section>
  );
}
