// One submission: who sent it and when, its review state, every answer by its question's label
// (answers.tsx; by its path in the form while the form's schema is not there), its photos and
// files, the comments; a reviewer sets the review state with a comment.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { patch } from '../../api';
import { Form } from '../../components/form';
import { SelectField, SubmitCancel, TextAreaField } from '../../components/form_fields';
import { LoadingCard } from '../../components/loading_card';
import { Crumbs, Facts, fieldBinder, Ltr, useWrite } from '../../components/registry_bits';
import { useI18n, type MessageKey } from '../../i18n';
import { clearMessages, showInfo } from '../../messages';
import { href } from '../../router';
import { useFetch } from '../../use_fetch';
import { Answers } from './answers';
import { ReviewBadge, Time, type CollectRights } from './common';
import { REVIEW_CHOICES, type FormSchema, type Submission } from './types';

const IMAGE = /\.(jpe?g|png|gif|webp)$/i;

export function SubmissionPage({ id, rights }: { id: string; rights: CollectRights }) {
  const { t } = useI18n();
  const path = '/submissions/' + encodeURIComponent(id);
  const { data: sub, reload } = useFetch<Submission>(path);
  const { data: schema } = useFetch<FormSchema>(
    sub?.form_id ? schemaPath(sub.form_id, sub.form_version) : null,
    { onError: () => {} },
  );
  if (!sub) return <LoadingCard />;
  const name = sub.instance_name || sub.instance_id;
  return (
    <>
      <section class="card" aria-labelledby="col-sub-heading" data-testid="col-submission">
        <Crumbs
          items={
            sub.form_id
              ? [
                  { href: href('collect'), label: t('col.forms') },
                  {
                    href: href('collect', 'forms', sub.form_id, 'submissions'),
                    label: t('col.submissions'),
                  },
                ]
              : [{ href: href('collect'), label: t('col.forms') }]
          }
          current={name}
        />
        <h1 id="col-sub-heading">
          <bdi dir="auto">{name}</bdi>
        </h1>
        <Facts
          rows={[
            [t('col.reviewState'), <ReviewBadge state={sub.review_state} />, 'col-sub-review'],
            [t('col.submittedAt'), <Time at={sub.submitted_at} />],
            [t('col.submittedBy'), <bdi>{sub.user_name}</bdi>],
            [t('col.device'), sub.device_name && <bdi>{sub.device_name}</bdi>],
            [t('col.instanceId'), <Ltr>{sub.instance_id}</Ltr>],
            [
              t('col.record'),
              sub.record_type && sub.record_id && (
                <a href={recordHref(sub.record_type, sub.record_id)} data-testid="col-sub-record">
                  {t(('col.recordType.' + sub.record_type) as MessageKey)}
                </a>
              ),
            ],
          ]}
        />
      </section>
      <section class="card" aria-labelledby="col-values-heading" data-testid="col-sub-values">
        <h2 id="col-values-heading">{t('col.values')}</h2>
        {sub.values.length === 0 ? (
          <p class="muted">{t('col.noValues')}</p>
        ) : schema ? (
          <Answers values={sub.values} schema={schema} />
        ) : (
          <dl class="facts">
            {sub.values.map(([k, v], n) => (
              <Fragment key={n}>
                <dt>
                  <Ltr>{k}</Ltr>
                </dt>
                <dd data-testid="col-sub-value" data-path={k}>
                  <bdi dir="auto">{v}</bdi>
                </dd>
              </Fragment>
            ))}
          </dl>
        )}
      </section>
      {sub.attachments.length > 0 && <Attachments sub={sub} />}
      <Comments sub={sub} />
      {rights.review && <ReviewForm sub={sub} path={path} onSaved={reload} />}
    </>
  );
}

const schemaPath = (formId: string, version: string | undefined) =>
  `/forms/${encodeURIComponent(formId)}/schema` +
  (version ? `?version=${encodeURIComponent(version)}` : '');

// The record a built-in form's submission became, in the web app.
function recordHref(type: string, id: string): string {
  const section: Record<string, string> = {
    activity: 'activities',
    household: 'households',
    feedback: 'feedback',
  };
  return href(section[type] ?? type, id);
}

function Attachments({ sub }: { sub: Submission }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="col-files-heading" data-testid="col-sub-files">
      <h2 id="col-files-heading">{t('col.attachments')}</h2>
      <ul class="thumbs">
        {sub.attachments.map((a) => (
          <li key={a.name} data-testid="col-sub-file" data-present={a.present ? 'true' : 'false'}>
            {!a.present ? (
              <span class="muted">{t('col.notReceived')}</span>
            ) : IMAGE.test(a.name) ? (
              <a href={a.url} target="_blank" rel="noopener">
                <img src={a.url} alt={a.name} loading="lazy" data-testid="col-sub-thumb" />
              </a>
            ) : (
              <a class="file-link" href={a.url} download>
                {t('col.download')}
              </a>
            )}
            <Ltr>{a.name}</Ltr>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Comments({ sub }: { sub: Submission }) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby="col-comments-heading" data-testid="col-sub-comments">
      <h2 id="col-comments-heading">{t('col.comments')}</h2>
      {sub.comments.length === 0 ? (
        <p class="muted">{t('col.noComments')}</p>
      ) : (
        <ul class="plain-list">
          {sub.comments.map((c, n) => (
            <li key={n} data-testid="col-sub-comment">
              <div class="muted small">
                <bdi>{c.user_name}</bdi> · <Time at={c.created_at} />
                {c.review_state && (
                  <>
                    {' · '}
                    <ReviewBadge state={c.review_state} />
                  </>
                )}
              </div>
              <p>
                <bdi dir="auto">{c.body}</bdi>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReviewForm(p: { sub: Submission; path: string; onSaved: () => void }) {
  const { t } = useI18n();
  const w = useWrite();
  const [f, setF] = useState({
    review_state: REVIEW_CHOICES.includes(p.sub.review_state) ? p.sub.review_state : 'received',
    comment: '',
  });
  const bind = fieldBinder(f, (x) => setF({ ...f, ...x }), w.fields);
  return (
    <Form
      class="card"
      aria-labelledby="col-review-heading"
      data-testid="col-review"
      onSubmit={() => {
        clearMessages();
        w.save(async () => {
          const body: Record<string, unknown> = { version: p.sub.version };
          if (f.review_state !== p.sub.review_state) body.review_state = f.review_state;
          if (f.comment.trim()) body.comment = f.comment.trim();
          await patch(p.path, body);
          setF({ ...f, comment: '' });
          showInfo(t('col.reviewSaved'));
          p.onSaved();
        });
      }}
    >
      <h2 id="col-review-heading">{t('col.review')}</h2>
      <SelectField
        label={t('col.reviewState')}
        {...bind('review_state')}
        onChange={(review_state) => setF({ ...f, review_state })}
        testid="col-review-state"
        options={REVIEW_CHOICES.map((s) => ({
          value: s,
          label: t(('col.review.' + s) as MessageKey),
        }))}
      />
      <TextAreaField label={t('col.comment')} {...bind('comment')} testid="col-review-comment" />
      {w.fields.version && <p class="field-error">{w.fields.version}</p>}
      <SubmitCancel label={t('col.saveReview')} testid="col-review-save" disabled={w.busy} />
    </Form>
  );
}
