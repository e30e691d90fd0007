// What the team screens share: the records' types, the tabs, the month picker.
import { useI18n, type MessageKey } from '../../i18n';
import { href } from '../../router';
import type { User } from '../../types';

export interface TeamMember {
  user: User;
  depth: number;
}

export interface PlanItem {
  day?: string | null;
  week?: string | null;
  starts_on?: string;
  ends_on?: string;
  area_id: string;
  area_name?: string;
  institution_id?: string | null;
  household_id?: string | null;
  purpose: string;
  note: string;
}

export interface WorkPlan {
  id: string;
  owner_id: string;
  owner_name: string;
  kind: 'day' | 'week' | 'month';
  period: string;
  starts_on: string;
  ends_on: string;
  status: 'draft' | 'submitted' | 'approved' | 'returned';
  revision: number;
  change_reason: string | null;
  review_comment: string | null;
  items: PlanItem[];
  version: number;
}

export interface Achievement {
  planned: number;
  done: number;
  moved: number;
  missed: number;
  unplanned: number;
  percent: number | null;
}

export interface PlanActual {
  plan: WorkPlan;
  items: { outcome: 'done' | 'moved' | 'missed'; record_ids: string[] }[];
  unplanned: { id: string; held_on: string; type: string; title: string }[];
  totals: Achievement;
}

export interface Diary {
  id: string;
  user_id: string;
  user_name: string;
  day: string;
  field_day: boolean;
  areas: { area_id: string; area_name: string }[];
  lat: number | null;
  lon: number | null;
  text: string;
  travel_mode: string | null;
  travel_km: number | null;
  night_halt: boolean;
  night_halt_place: string | null;
  next_day_plan: string;
  accepted: boolean;
  review_comment: string | null;
  records: { id: string; held_on: string; type: string; title: string }[];
  version: number;
}

export interface StaffTally {
  user_id: string;
  username: string;
  full_name: string;
  depth: number;
  norm_field_days: number | null;
  norm_night_halts: number | null;
  field_days: number;
  night_halts: number;
  office_days: number;
  field_days_list: string[];
  night_halts_list: string[];
  field_days_met: boolean;
  night_halts_met: boolean;
}

const TABS: { id: string; key: MessageKey; path: string[] }[] = [
  { id: 'team', key: 'team.title', path: ['team'] },
  { id: 'plans', key: 'team.plans', path: ['team', 'plans'] },
  { id: 'diary', key: 'team.diary', path: ['team', 'diary'] },
  { id: 'tally', key: 'team.tally', path: ['team', 'tally'] },
];

export function TeamTabs({ current }: { current: string }) {
  const { t } = useI18n();
  return (
    <nav class="subnav" aria-label={t('nav.team')}>
      <ul>
        {TABS.map((x) => (
          <li key={x.id}>
            <a
              href={href(...x.path)}
              aria-current={x.id === current ? 'page' : undefined}
              data-testid={'team-tab-' + x.id}
            >
              {t(x.key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

// "2026-03" of a date, and the month before / after one.
export const monthOf = (date: string) => date.slice(0, 7);
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
export const today = () => new Date().toISOString().slice(0, 10);

export const percent = (p: number | null) => (p === null ? '–' : `${p}%`);
