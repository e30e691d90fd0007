// What a screen shows while its record loads.
import { useI18n } from '../i18n';

export function LoadingCard() {
  const { t } = useI18n();
  return (
    <section class="card">
      <p class="muted">{t('common.loading')}</p>
    </section>
  );
}
