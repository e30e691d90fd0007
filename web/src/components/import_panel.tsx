// File import shared by areas, households, institutions, training plans and targets: pick a CSV/XLSX file, check it
// (dry run, with upload progress), see every bad row, then load a clean file.
import { useId, useState } from 'preact/hooks';
import { upload } from '../api';
import { useI18n } from '../i18n';
import { clearMessages, showError, showInfo } from '../messages';
import type { ImportResult } from '../types';
import { fieldMessage } from '../i18n/field_message';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) return XLSX;
  return 'text/csv';
}

interface Props<R extends ImportResult> {
  // e.g. '/areas/import'; ?dry_run= is added.
  endpoint: string;
  testid: string;
  // The list the import belongs to (the crumb back) and the import's own crumb.
  back: { href: string; label: string };
  current: string;
  title: string;
  help: string;
  // The file's columns, with a template file of that name to download.
  columns?: { names: string[]; file: string };
  runLabel: string;
  // The sentence after a clean check and after a load.
  checked: (r: R) => string;
  done: (r: R) => string;
  onLoaded?: (r: R) => void;
}

export function ImportPanel<R extends ImportResult>(p: Props<R>) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [check, setCheck] = useState<R | null>(null);
  const [loaded, setLoaded] = useState<R | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    clearMessages();
    setProgress(0);
    try {
      const result = await upload<R>(
        `${p.endpoint}?dry_run=${dryRun}`,
        file,
        contentTypeOf(file),
        setProgress,
      );
      if (dryRun) {
        setCheck(result);
      } else {
        setLoaded(result);
        setCheck(null);
        if (result.ok) {
          p.onLoaded?.(result);
          showInfo(p.done(result));
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
    <section class="card" aria-labelledby={id + '-heading'} data-testid={p.testid}>
      <nav class="breadcrumb" aria-label={t('areas.breadcrumb')}>
        <ol>
          <li>
            <a href={p.back.href}>{p.back.label}</a>
          </li>
          <li aria-current="page">{p.current}</li>
        </ol>
      </nav>
      <h1 id={id + '-heading'}>{p.title}</h1>
      <div class="muted import-help">
        <p>{p.help}</p>
        {p.columns && <ImportColumns columns={p.columns.names} file={p.columns.file} />}
      </div>
      <div class="field">
        <div class="field-label" id={id + '-label'}>
          {t('import.file')}
        </div>
        <FilePick
          id={id}
          accept={`.csv,.xlsx,text/csv,${XLSX}`}
          labelledBy={id + '-label'}
          testid="import-file"
          file={file}
          onFile={(f) => {
            setFile(f);
            setCheck(null);
            setLoaded(null);
          }}
        />
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!file || progress !== null}
          data-testid="import-dry-run"
          onClick={() => send(true)}
        >
          {t('import.dryRun')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={!check || !check.ok || progress !== null}
          data-testid="import-run"
          onClick={() => send(false)}
        >
          {p.runLabel}
        </button>
      </div>
      <UploadProgress progress={progress} testid="import-progress" />
      {check && (
        <div data-testid="import-check">
          {check.ok ? (
            <p class="notice ok" data-testid="import-check-ok">
              {p.checked(check)}
            </p>
          ) : (
            <>
              <p class="notice bad" data-testid="import-check-bad">
                {t('import.checkBad', { n: badRows })}
              </p>
              <div class="table-wrap">
                <table data-testid="import-errors">
                  <caption>{t('import.errors')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.row')}</th>
                      <th scope="col">{t('import.column')}</th>
                      <th scope="col">{t('import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {check.errors.map((e, i) => (
                      <tr key={i} data-testid="import-error-row" data-row={e.row}>
                        <td>{e.row}</td>
                        <td dir="ltr">{e.column}</td>
                        <td>
                          <bdi dir="auto">{fieldMessage(e.column, e.field_code, e.message)}</bdi>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}
      {loaded && loaded.ok && (
        <p class="notice ok" data-testid="import-done">
          {p.done(loaded)}
        </p>
      )}
    </section>
  );
}

// An import's columns, and a header-only CSV template to start from.
export function ImportColumns({ columns, file }: { columns: string[]; file: string }) {
  const { t } = useI18n();
  return (
    <details class="columns">
      <summary>{t('imp.columns')}</summary>
      <p class="code-list" dir="ltr">
        {columns.join(', ')}
      </p>
      <a
        href={'data:text/csv;charset=utf-8,' + encodeURIComponent(columns.join(',') + '\n')}
        download={file}
        data-testid="import-template"
      >
        {t('imp.template')}
      </a>
    </details>
  );
}

// A file input whose button and "no file" speak the user's language (the native button speaks
// the browser's); `testid` names the input, `<testid>-name` the chosen file's name.
export function FilePick(p: {
  id: string;
  accept: string;
  labelledBy: string;
  testid: string;
  file: File | null;
  onFile: (file: File | null) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="file-pick">
      <input
        id={p.id}
        type="file"
        accept={p.accept}
        aria-labelledby={p.labelledBy}
        data-testid={p.testid}
        onChange={(e) => {
          const files = (e.currentTarget as HTMLInputElement).files;
          p.onFile(files && files.length > 0 ? files[0] : null);
        }}
      />
      <label for={p.id} class="button secondary">
        {t('import.choose')}
      </label>
      <span data-testid={p.testid + '-name'} dir="auto">
        {p.file ? p.file.name : t('import.noFile')}
      </span>
    </div>
  );
}

// An upload's progress bar (0..1; null: none running), then "checking" while the server reads it.
export function UploadProgress({ progress, testid }: { progress: number | null; testid: string }) {
  const { t } = useI18n();
  if (progress === null) return null;
  const pct = Math.round(progress * 100);
  return (
    <div class="progress" data-testid={testid}>
      <progress max={100} value={pct} aria-label={t('import.uploading', { pct })} />
      <span>{progress < 1 ? t('import.uploading', { pct }) : t('import.checking')}</span>
    </div>
  );
}
