// Supervision visits and their agreed actions as the API sends them (/supervision-visits,
// /supervision-actions).
export type ActionStatus = 'open' | 'done' | 'closed';

export interface SupervisionAction {
  id: string;
  visit_id: string | null;
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
