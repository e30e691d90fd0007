// Previous / next over a paged list (docs/api.md "Lists"), with the range shown between.
import { useI18n } from '../i18n';
import type { Page } from '../types';

export function Pager({ page, onOffset }: { page: Page<unknown>; onOffset: (n: number) => void }) {
  const { t } = useI18n();
  if (page.total <= page.limit && page.offset === 0) return null;
  const from = page.total === 0 ? 0 : page.offset + 1;
  const to = Math.min(page.offset + page.items.length, page.total);
  return (
    <div class="pager">
      <button
        type="button"
        class="secondary"
        disabled={page.offset === 0}
        onClick={() => onOffset(Math.max(0, page.offset - page.limit))}
      >
        {t('common.previous')}
      </button>
      <span>{t('common.range', { from, to, total: page.total })}</span>
      <button
        type="button"
        class="secondary"
        disabled={to >= page.total}
        onClick={() => onOffset(page.offset + page.limit)}
      >
        {t('common.next')}
      </button>
    </div>
  );
}
