// The forms phones fill in through Collect: Mobilise's own (activities, households, feedback,
// generated) and the programme's surveys, each with its state, versions and submissions; an
// administrator uploads an XForm or XLSForm (.xml, .xlsx, .xls: a new form, or a new version of
// one), with its progress and the converter's complaint (pyxform's words, naming the row) under
// the file. Readers of submissions see the list without the upload.
import { useId, useState } from 'preact/hooks';
import { ApiError, upload } from '../../api';
import { FieldErrorList } from '../../components/field_errors';
import { FilePick, UploadProgress } from '../../components/import_panel';
import { idRow, ListSection, Results, StackTable } from '../../components/lists';
import { useI18n, type MessageKey } from '../../i18n';
import { fieldMessages } from '../../i18n/field_message';
import { clearMessages, showError, showInfo } from '../../messages';
import { href, navigate } from '../../router';
import { useFetch } from '../../use_fetch';
import { CollectTabs, type CollectRights } from './common';
import type { XForm } from './types';
import { formatNumber } from '../../i18n/format';

export function FormsPage({ rights }: { rights: CollectRights }) {
  const { t } = useI18n();
  const { data } = useFetch<{ items: XForm[] }>('/forms');
  return (
    <ListSection
      headingId="col-forms-heading"
      testid="col-forms"
      title={t('col.formsTitle')}
      tabs={<CollectTabs current="forms" />}
    >
      {rights.forms && (
        <FormUpload
          title={t('col.uploadTitle')}
          onUploaded={(f) => navigate('collect', 'forms', f.id)}
        />
      )}
      <Results items={data?.items} none={t('col.noForms')} noneTestid="col-forms-none">
        {(items) => (
          <StackTable
            rows={items}
            testid="col-form-table"
            row={idRow('col-form-row', (f) => ({ 'data-xml-form-id': f.xml_form_id }))}
            columns={[
              {
                label: t('col.formTitle'),
                cell: (f) => (
                  <>
                    <a href={href('collect', 'forms', f.id)}>
                      <bdi>{f.title}</bdi>
                    </a>{' '}
                    <span class="muted small">
                      <bdi dir="ltr">{f.xml_form_id}</bdi>
                    </span>
                  </>
                ),
              },
              { label: t('col.kind'), cell: (f) => kindLabel(t, f.kind) },
              { label: t('col.state'), cell: (f) => <FormStateBadge form={f} /> },
              {
                label: t('col.published'),
                cell: (f) => <PublishedVersion form={f} />,
              },
              {
                label: t('col.submissions'),
                class: 'num',
                cell: (f) => (
                  <a href={href('collect', 'forms', f.id, 'submissions')}>
                    {formatNumber(f.submissions)}
                  </a>
                ),
              },
            ]}
          />
        )}
      </Results>
    </ListSection>
  );
}

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

export const kindLabel = (t: T, kind: string) => t(('col.kind.' + kind) as MessageKey);

export function FormStateBadge({ form }: { form: XForm }) {
  const { t } = useI18n();
  // A form with no published version is offered to no phone, whatever its state.
  const cls = !form.published_version
    ? 'neutral'
    : form.state === 'open'
      ? 'on'
      : form.state === 'closing'
        ? 'warn'
        : 'off';
  return (
    <span
      class={'badge ' + cls}
      data-testid="col-form-state"
      data-state={form.published_version === null ? 'draft' : form.state}
    >
      {form.published_version ? t(('col.state.' + form.state) as MessageKey) : t('col.draft')}
    </span>
  );
}

export function PublishedVersion({ form }: { form: XForm }) {
  const { t } = useI18n();
  if (form.published_version === null) return <span class="muted">{t('col.unpublished')}</span>;
  return (
    <>
      <bdi dir="ltr">{form.published_version || t('col.noVersionText')}</bdi>{' '}
      <span class="muted small">{t('col.versionCount', { n: form.versions.length })}</span>
    </>
  );
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const XLS = 'application/vnd.ms-excel';

// The type the server reads the file as: an XLSForm workbook (.xlsx, .xls) or an XForm.
function formType(file: File): string {
  if (/\.xlsx$/i.test(file.name) || file.type === XLSX) return XLSX;
  if (/\.xls$/i.test(file.name) || file.type === XLS) return XLS;
  return 'application/xml';
}

// An XForm (.xml) or an XLSForm (.xlsx) sent as the raw body, with its progress; a refusal lists
// the server's field and row problems under the file.
export function FormUpload(p: { title: string; onUploaded: (form: XForm) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problems, setProblems] = useState<[string, string][]>([]);

  async function send() {
    if (!file) return;
    clearMessages();
    setProblems([]);
    setProgress(0);
    try {
      const form = await upload<XForm>('/forms', file, formType(file), setProgress);
      showInfo(t('col.uploaded', { title: form.title }));
      p.onUploaded(form);
    } catch (e) {
      if (e instanceof ApiError) setProblems(Object.entries(fieldMessages(e)));
      showError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div class="subform" data-testid="col-upload">
      <h2 class="small-heading" id={id + '-heading'}>
        {p.title}
      </h2>
      <p class="muted">{t('col.uploadHelp')}</p>
      <FilePick
        id={id}
        accept={`.xml,.xlsx,.xls,application/xml,text/xml,${XLSX},${XLS}`}
        labelledBy={id + '-heading'}
        testid="col-upload-file"
        file={file}
        onFile={(f) => {
          setFile(f);
          setProblems([]);
        }}
      />
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!file || progress !== null}
          data-testid="col-upload-send"
          onClick={send}
        >
          {t('col.upload')}
        </button>
      </div>
      <UploadProgress progress={progress} testid="col-upload-progress" />
      {problems.length > 0 && (
        <FieldErrorList
          errors={problems}
          labels={{ version: t('col.version'), xml_form_id: t('col.formId'), file: t('col.file') }}
          testid="col-upload-errors"
          itemTestid="col-upload-error"
        />
      )}
    </div>
  );
}
