// The home screen's risk box: for supervisors, the level changes of the risks of their areas in
// the last 30 days; for everyone, the risk reviews that are overdue. Nothing when there is none.
import { useI18n } from '../../i18n';
import { href } from '../../router';
import { useFetch } from '../../use_fetch';
import type { LevelChange, Risk } from './common';

export function RiskAlerts() {
  const { t } = useI18n();
  const { data } = useFetch<{ changes: LevelChange[]; overdue: Risk[]; overdue_total: number }>(
    '/risks/alerts',
    { onError: () => {} },
  );
  if (!data || (data.changes.length === 0 && data.overdue.length === 0)) return null;
  const band = (b: string) => t(`rk.band.${b}` as 'rk.band.low');
  return (
    <div data-testid="home-risks">
      {data.changes.length > 0 && (
        <>
          <h2>{t('rk.alerts')}</h2>
          <ul class="home-list" data-testid="home-risk-changes" data-count={data.changes.length}>
            {data.changes.map((c) => (
              <li key={c.id}>
                <a href={href('community', c.area_id, 'risks')}>
                  {t('rk.alertChange', {
                    area: c.area_name,
                    risk: c.description,
                    from: `${band(c.from_band)} (${c.from_level})`,
                    to: `${band(c.to_band)} (${c.to_level})`,
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.overdue.length > 0 && (
        <>
          <h2>{t('rk.overdueList')}</h2>
          <ul class="home-list" data-testid="home-risk-overdue" data-count={data.overdue_total}>
            {data.overdue.map((r) => (
              <li key={r.id}>
                <a href={href('community', r.area_id, 'risks')}>
                  <bdi>{r.area_name}</bdi>: <bdi>{r.description}</bdi> ·{' '}
                  <bdi dir="ltr">{r.next_review_on}</bdi>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
