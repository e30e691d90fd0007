// Supervision visits, review meetings and their agreed actions as the API sends them
// (/supervision-visits, /review-meetings, /supervision-actions).
export type ActionStatus = 'open' | 'done' | 'closed';

export interface SupervisionAction {
  id: string;
  visit_id: string | null;
  meeting_id: string | null;
  what: string;
  assignee_id: string;
  assignee_name: string | null;
  supervisor_id: string | null;
  supervisor_name: string | null;
  due_on: string;
  status: ActionStatus;
  overdue: boolean;
  done_on: string | null;
  done_note: string | null;
  closed_on: string | null;
  reopen_reason: string | null;
  reopened: number;
  version: number;
}

export interface SupervisionReport {
  area_id: string;
  area_name: string;
  from: string;
  to: string;
  visits: number;
  meetings: number;
  items: {
    checklist: string;
    item: string;
    name: string;
    section: string | null;
    max_score: number;
    visits: number;
    average: number;
    average_percent: number;
  }[];
  people: {
    staff_id: string | null;
    staff_name: string | null;
    visits: number;
    average_score: number | null;
  }[];
  actions_agreed: number;
  actions_closed: number;
  actions_closed_on_time: number;
  actions_overdue: number;
  actions_reopened: number;
}

export interface SupervisionVisit {
  id: string;
  area_id: string;
  area_name: string;
  visited_on: string;
  supervisor_id: string | null;
  supervisor_name: string | null;
  staff_id: string | null;
  staff_name: string | null;
  institution_id: string | null;
  institution_name: string | null;
  checklist: string | null;
  score: number | null;
  grade: string | null;
  answers: Record<string, number>;
  observations: string | null;
  strengths: string | null;
  feedback: string | null;
  actions: SupervisionAction[];
  version: number;
}

export interface ReviewMeeting {
  id: string;
  area_id: string;
  area_name: string;
  held_on: string;
  kind: 'weekly' | 'monthly';
  chair_id: string | null;
  chair_name: string | null;
  attendee_ids: string[];
  attendee_names: string[];
  agenda: string | null;
  minutes: string | null;
  decisions: string | null;
  actions: SupervisionAction[];
  version: number;
}

// Where an action was agreed: its visit's or meeting's page, else the actions list.
export const actionPlace = (a: SupervisionAction): string[] =>
  a.visit_id
    ? ['supervision', a.visit_id]
    : a.meeting_id
      ? ['supervision', 'meetings', a.meeting_id]
      : ['supervision', 'actions'];
