// Area tree import: a dry run lists every bad row; only a clean file can then be loaded.
import { treeChanged } from '../../area_data';
import { ImportPanel } from '../../components/import_panel';
import { useI18n } from '../../i18n';
import { href } from '../../router';

export function AreaImportPage() {
  const { t } = useI18n();
  return (
    <ImportPanel
      endpoint="/areas/import"
      testid="area-import"
      back={{ href: href('areas'), label: t('areas.title') }}
      current={t('areas.import')}
      title={t('import.title')}
      help={t('import.help')}
      runLabel={t('import.run')}
      checked={(r) => t('import.checkOk', { n: r.rows })}
      done={(r) => t('import.done', { n: r.created })}
      onLoaded={treeChanged}
    />
  );
}
