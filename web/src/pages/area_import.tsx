// Area tree import: a dry run lists every bad row; only a clean file can then be loaded.
import { useId, useState } from 'preact/hooks';
import { upload } from '../api';
import { treeChanged } from '../area_data';
import { useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import { href } from '../router';
import type { ImportResult } from '../types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) return XLSX;
  return 'text/csv';
}

export function AreaImportPage() {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [loaded, setLoaded] = useState<ImportResult | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    clearMessages();
    setProgress(0);
    try {
      const result = await upload<ImportResult>(`/areas/import?dry_run=${dryRun}`, file, contentTypeOf(file), setProgress);
      if (dryRun) {
        setCheck(result);
      } else {
        setLoaded(result);
        setCheck(null);
        if (result.ok) {
          treeChanged();
          showInfo(t('import.done', { n: result.created }));
        } else {
          setCheck(result);
        }
      }
    } catch (e) {
      showError(e);
    } finally {
      setProgress(null);
    }
  }

  const badRows = check ? new Set(check.errors.map((e) => e.row)).size : 0;
  return (
    <section class="card" aria-labelledby="import-heading" data-testid="area-import">
      <nav class="breadcrumb" aria-label={t('areas.breadcrumb')}>
        <ol>
          <li><a href={href('areas')}>{t('areas.title')}</a></li>
          <li aria-current="page">{t('areas.import')}</li>
        </ol>
      </nav>
      <h1 id="import-heading">{t('import.title')}</h1>
      <p class="muted">{t('import.help')}</p>
      <div class="field">
        <div class="field-label" id={id + '-label'}>{t('import.file')}</div>
        {/* The native file button speaks the browser's language; this label speaks the user's. */}
        <div class="file-pick">
          <input
            id={id}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-labelledby={id + '-label'}
            data-testid="import-file"
            onChange={(e) => {
              const files = (e.currentTarget as HTMLInputElement).files;
              setFile(files && files.length > 0 ? files[0] : null);
              setCheck(null);
              setLoaded(null);
            }}
          />
          <label for={id} class="button secondary">{t('import.choose')}</label>
          <span data-testid="import-file-name" dir="auto">{file ? file.name : t('import.noFile')}</span>
        </div>
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled={!file || progress !== null} data-testid="import-dry-run" onClick={() => send(true)}>
          {t('import.dryRun')}
        </button>
        <button type="button" class="primary" disabled={!check || !check.ok || progress !== null} data-testid="import-run" onClick={() => send(false)}>
          {t('import.run')}
        </button>
      </div>
      {progress !== null && (
        <div class="progress" data-testid="import-progress">
          <progress max={100} value={Math.round(progress * 100)} aria-label={t('import.uploading', { pct: Math.round(progress * 100) })} />
          <span>{t('import.uploading', { pct: Math.round(progress * 100) })}</span>
        </div>
      )}
      {check && (
        <div data-testid="import-check">
          {check.ok ? (
            <p class="notice ok" data-testid="import-check-ok">{t('import.checkOk', { n: check.rows })}</p>
          ) : (
            <>
              <p class="notice bad" data-testid="import-check-bad">{t('import.checkBad', { n: badRows })}</p>
              <div class="table-wrap">
                <table data-testid="import-errors">
                  <caption>{t('import.errors')}</caption>
                  <thead>
                    <tr><th scope="col">{t('import.row')}</th><th scope="col">{t('import.column')}</th><th scope="col">{t('import.message')}</th></tr>
                  </thead>
                  <tbody>
                    {check.errors.map((e, i) => (
                      <tr key={i} data-testid="import-error-row" data-row={e.row}>
                        <td>{e.row}</td>
                        <td dir="ltr">{e.column}</td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
      {loaded && loaded.ok && <p class="notice ok" data-testid="import-done">{t('import.done', { n: loaded.created })}</p>}
    </section>
  );
}
