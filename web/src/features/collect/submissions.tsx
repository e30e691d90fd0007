// A form's submissions: a page at a time (the server's cursor), filtered by review state and
// area, each row opening the submission; the whole set as a CSV zip (a table per repeat) or an
// Excel workbook (a sheet per repeat).
import { useState } from 'preact/hooks';
import { query } from '../../api';
import { AreaPicker, type PickedArea } from '../../components/area_picker';
import { SelectField } from '../../components/form_fields';
import { FilterBox, idRow, ListSection, Results, StackTable } from '../../components/lists';
import { Crumbs } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { href } from '../../router';
import { useFetch } from '../../use_fetch';
import { ReviewBadge, Time } from './common';
import { REVIEW_STATES, type SubmissionPage, type XForm } from './types';

export function SubmissionsPage({ formId }: { formId: string }) {
  const { t } = useI18n();
  const base = '/forms/' + encodeURIComponent(formId);
  // The form's title for the heading; only its managers may read the form itself.
  const { data: form } = useFetch<XForm>(base, { onError: () => {} });
  const [state, setState] = useState('');
  const [area, setArea] = useState<PickedArea | null>(null);
  // The cursors of the pages before this one and of this one ('' for the first).
  const [cursors, setCursors] = useState<string[]>(['']);
  const cursor = cursors[cursors.length - 1];
  const filter = (f: () => void) => {
    f();
    setCursors(['']);
  };
  const { data: page } = useFetch<SubmissionPage>(
    base + '/submissions' + query({ review_state: state, area_id: area?.id, cursor }),
  );
  const title = form?.title ?? t('col.formTitle');
  return (
    <ListSection
      headingId="col-subs-heading"
      testid="col-submissions"
      title={t('col.submissionsOf', { title })}
      tabs={
        <Crumbs
          items={[
            { href: href('collect'), label: t('col.forms') },
            { href: href('collect', 'forms', formId), label: title },
          ]}
          current={t('col.submissions')}
        />
      }
      actions={
        <div class="actions">
          <a
            class="button secondary"
            href={`/api/v1${base}/submissions.csv.zip`}
            download
            data-testid="col-export-csv"
          >
            {t('col.exportCsv')}
          </a>
          <a
            class="button secondary"
            href={`/api/v1${base}/submissions.xlsx`}
            download
            data-testid="col-export-xlsx"
          >
            {t('col.exportXlsx')}
          </a>
        </div>
      }
    >
      <FilterBox label={t('col.filters')} open={!!state || !!area} testid="col-sub-filters">
        <SelectField
          label={t('col.reviewState')}
          value={state}
          onChange={(v) => filter(() => setState(v))}
          testid="col-sub-state"
          options={[
            { value: '', label: t('col.anyState') },
            ...REVIEW_STATES.map((s) => ({
              value: s,
              label: t(('col.review.' + s) as MessageKey),
            })),
          ]}
        />
        <AreaPicker
          label={t('col.area')}
          value={area}
          clearable
          onChange={(a) => filter(() => setArea(a))}
          testid="col-sub-area"
        />
      </FilterBox>
      <Results items={page?.items} none={t('col.noSubmissions')} noneTestid="col-subs-none">
        {(items) => (
          <StackTable
            rows={items}
            testid="col-sub-table"
            row={idRow('col-sub-row', (s) => ({ 'data-instance': s.instance_id }))}
            columns={[
              {
                label: t('col.submission'),
                cell: (s) => (
                  <a href={href('collect', 'submissions', s.id)}>
                    <bdi dir="auto">{s.instance_name || s.instance_id}</bdi>
                  </a>
                ),
              },
              { label: t('col.submittedAt'), cell: (s) => <Time at={s.submitted_at} /> },
              {
                label: t('col.submittedBy'),
                cell: (s) => (
                  <div>
                    <bdi>{s.user_name}</bdi>
                    {s.device_name && (
                      <div class="muted small">
                        <bdi>{s.device_name}</bdi>
                      </div>
                    )}
                  </div>
                ),
              },
              { label: t('col.reviewState'), cell: (s) => <ReviewBadge state={s.review_state} /> },
              {
                label: t('col.attachments'),
                cell: (s) =>
                  t('col.attachmentCount', {
                    present: s.attachments_present,
                    expected: s.attachments_expected,
                  }),
              },
            ]}
          />
        )}
      </Results>
      {(cursors.length > 1 || page?.next_cursor) && (
        <div class="pager">
          <button
            type="button"
            class="secondary"
            disabled={cursors.length === 1}
            data-testid="col-sub-previous"
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            {t('common.previous')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={!page?.next_cursor}
            data-testid="col-sub-next"
            onClick={() => page?.next_cursor && setCursors([...cursors, page.next_cursor])}
          >
            {t('common.next')}
          </button>
        </div>
      )}
    </ListSection>
  );
}
