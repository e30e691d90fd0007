// Labels and small pieces the field screens share: activity types, topics and feedback
// categories (configured options, translated where this build knows the code), status badges.
import { useEffect } from 'preact/hooks';
import { getKept } from '../../offline/kept';
import { hasKey, langStore, t, useI18n, type MessageKey } from '../../i18n';
import { showError } from '../../messages';
import { enumLabel, sharedResource } from '../../registry_data';
import { sessionConfig } from '../../session';
import { createStore, useStore } from '../../store';
import type { Course, FeedbackCategory, RegistryConfig, RegistryOption } from '../../types';
import { FieldErrorsElsewhere } from '../../components/field_errors';
import { formatDate } from '../../i18n/format';

// A configured option: the deployment's local name outside English, then this build's
// translation of its code, then the configured (English) name.
function configured(
  prefix: string,
  o: RegistryOption | FeedbackCategory | undefined,
  code: string,
): string {
  const lang = langStore.get();
  if (o && lang !== 'en' && o.name_local) return o.name_local;
  const key = prefix + code;
  if (lang !== 'en' && hasKey(key)) return t(key);
  if (o) return o.name;
  return hasKey(key) ? t(key) : code;
}

export const activityTypeLabel = (c: RegistryConfig | null, code: string) =>
  configured(
    'cfg.activity_type.',
    c?.activity_types?.find((x) => x.code === code),
    code,
  );
export const topicLabel = (c: RegistryConfig | null, code: string) =>
  configured(
    'cfg.topic.',
    c?.topics?.find((x) => x.code === code),
    code,
  );
export const categoryLabel = (cats: FeedbackCategory[] | null, code: string) =>
  configured(
    'cfg.fbcat.',
    cats?.find((x) => x.code === code),
    code,
  );

// A fixed code's translation (prefix + value), or the code itself.
export function codeLabel(prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = prefix + value;
  return hasKey(key) ? t(key as MessageKey) : value;
}

const ACT_CLASS: Record<string, string> = {
  draft: 'neutral',
  submitted: 'warn',
  verified: 'on',
  returned: 'off',
};
const FB_CLASS: Record<string, string> = {
  open: 'warn',
  assigned: 'neutral',
  referred: 'neutral',
  responded: 'grade',
  closed: 'on',
};

export function ActivityStatus({ status }: { status: string }) {
  return (
    <span
      class={'badge ' + (ACT_CLASS[status] ?? 'neutral')}
      data-testid="activity-status"
      data-status={status}
    >
      {codeLabel('act.status.', status)}
    </span>
  );
}

export function FeedbackStatus({ status }: { status: string }) {
  return (
    <span
      class={'badge ' + (FB_CLASS[status] ?? 'neutral')}
      data-testid="feedback-status"
      data-status={status}
    >
      {codeLabel('fb.status.', status)}
    </span>
  );
}

// The UNHCR age bands and the sexes of the session's configuration. The head-count grid has a
// column for women and one for men only: 'x' (another identity, or not said) is recorded with
// named participants, as it always was.
export const ageBands = (): readonly string[] => sessionConfig().age_bands;
export const countedSexes = (): readonly string[] => sessionConfig().sexes.filter((s) => s !== 'x');
// The heads of a table of counts by age band (rows) and sex (columns).
export function AgeSexHeads() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('act.ageBand')}</th>
      {countedSexes().map((s) => (
        <th scope="col" key={s}>
          {enumLabel('sex', s)}
        </th>
      ))}
    </>
  );
}

// A correction of a verified session needs its reason: without one, says so on the field and the
// message line, and answers true (the save stops).
export function reasonMissing(
  correcting: boolean,
  reason: string,
  setFields: (f: Record<string, string>) => void,
): boolean {
  if (!correcting || reason.trim()) return false;
  setFields({ correction_reason: t('act.correctionRequired') });
  showError(t('act.correctionRequired'));
  return true;
}

export const CHANNELS = [
  'cefc_walk_in',
  'hotline',
  'suggestion_box',
  'community_meeting',
  'staff_visit',
  'other',
];
export const LOOPS = [
  'in_person',
  'phone',
  'sms',
  'community_meeting',
  'notice_board',
  'not_reachable',
];
// Languages feedback is commonly given in, each named in itself.
export const LANGS = [
  ['ps', 'پښتو'],
  ['prs', 'دری'],
  ['ur', 'اردو'],
  ['en', 'English'],
  ['uk', 'Українська'],
];
export const langName = (code: string | null) =>
  code ? (LANGS.find(([c]) => c === code)?.[1] ?? code) : '';
export const SATISFACTION = ['satisfied', 'neutral', 'dissatisfied'];

// Date-time text from the server (UTC) as a short local date and time.
export function when(ts: string | null | undefined): string {
  if (!ts) return '';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  return formatDate(d, { dateStyle: 'medium', timeStyle: 'short' });
}

// The configured topics as ticks (an activity's, a course's). `testid` names the fieldset
// (testid-topics) and each tick (testid-topic-CODE).
export function TopicChips({
  config,
  value,
  onChange,
  error,
  testid,
}: {
  config: RegistryConfig | null;
  value: string[];
  onChange: (topics: string[]) => void;
  error?: string;
  testid: string;
}) {
  const { t } = useI18n();
  return (
    <fieldset data-testid={testid + '-topics'}>
      <legend>{t('act.topics')}</legend>
      <div class="chips">
        {(config?.topics ?? []).map((o) => (
          <label class="chip" key={o.code}>
            <input
              type="checkbox"
              checked={value.includes(o.code)}
              data-testid={`${testid}-topic-${o.code}`}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                onChange(on ? [...value, o.code] : value.filter((x) => x !== o.code));
              }}
            />
            <span>{topicLabel(config, o.code)}</span>
          </label>
        ))}
      </div>
      {error && <div class="field-error">{error}</div>}
    </fieldset>
  );
}

// Field errors the form has no input for, each named in the user's language (see
// components/field_errors.tsx); `entity` is the outbox entity whose field names to use.
export function OtherErrors(p: {
  fields: Record<string, string>;
  shown: (k: string) => boolean;
  entity?: string;
}) {
  return <FieldErrorsElsewhere {...p} />;
}

// The feedback categories (GET /feedback/categories), read once and shared.
const categoriesStore = createStore<FeedbackCategory[] | null>(null);
let categoriesLoading: Promise<void> | null = null;

export function useCategories(): FeedbackCategory[] | null {
  const cats = useStore(categoriesStore);
  useEffect(() => {
    if (cats || categoriesLoading) return;
    categoriesLoading = getKept<FeedbackCategory[]>('/feedback/categories')
      .then((c) => categoriesStore.set(c))
      .catch((e) => {
        categoriesLoading = null;
        showError(e);
      });
  }, []);
  return cats;
}

// The course catalogue (GET /courses), read when first wanted and shared; `reloadCourses` after
// a change.
const courses = sharedResource(() => getKept<{ items: Course[] }>('/courses').then((c) => c.items));
export const reloadCourses = () => courses.load(true);
export const useCourses = (wanted = true): Course[] | null => courses.use(wanted);

// One named participant for the API: a score not taken is left out (the API takes no null; the
// whole list is replaced, so a score left out is cleared).
export function attendanceBody(
  person_id: string,
  attended: boolean,
  pre: number | null,
  post: number | null,
): Record<string, unknown> {
  const b: Record<string, unknown> = { person_id, attended };
  if (pre !== null) b.pre_score = pre;
  if (post !== null) b.post_score = post;
  return b;
}

// A course by its local title outside English.
export function courseTitle(c: Course | undefined, fallback = ''): string {
  if (!c) return fallback;
  return langStore.get() !== 'en' && c.title_local ? c.title_local : c.title;
}
