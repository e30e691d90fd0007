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
      crumbs={
        <>
          <li>
            <a href={href('areas')}>{t('areas.title')}</a>
          </li>
          <li aria-current="page">{t('areas.import')}</li>
        </>
      }
      title={t('import.title')}
      help={<p>{t('import.help')}</p>}
      runLabel={t('import.run')}
      checked={(r) => t('import.checkOk', { n: r.rows })}
      done={(r) => t('import.done', { n: r.created })}
      onLoaded={treeChanged}
    />
  );
}
