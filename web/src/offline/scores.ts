// Trainee scores through the outbox: the scores of a training (PUT /trainings/{id}/trainees,
// with the activity's version) are queued like any field write, after the activity itself when
// it was recorded on this phone, and the working set's copy of the activity shows them at once.
// Offline, the score screen is built from the working set: the activity's attendance holds the
// scores and the course its test's maximum.
import type { Activity, Course, TraineeReport } from '../types';
import { currentDb, rowsChanged } from './db';
import { localRow } from './local';
import { enqueue, outcome } from './outbox';

export interface ScoresBody {
  version: number;
  trainees: { person_id: string; pre_score: number | null; post_score: number | null }[];
  correction_reason?: string;
}

export async function saveScores(a: Activity, body: ScoresBody, label: string) {
  const record = `${a.id}/trainees`;
  await enqueue({
    record,
    entity: 'trainees',
    kind: 'update',
    method: 'PUT',
    path: `/trainings/${encodeURIComponent(a.id)}/trainees`,
    body,
    deps: [a.id],
    label,
    edit: `trainings/${a.id}`,
  });
  // The activity as the phone shows it meanwhile (the next sync brings the server's).
  const row = await localRow('activities', a.id);
  const d = currentDb();
  if (row && d) {
    const scores = new Map(body.trainees.map((x) => [x.person_id, x]));
    const r = row.r as unknown as Activity;
    const attendance = r.attendance.map((x) => ({ ...x, ...(scores.get(x.person_id) ?? {}) }));
    await (await d).put('activities', { ...row, r: { ...row.r, attendance } });
    rowsChanged('activities');
  }
  return outcome([record]);
}

// The score screen's data from the working set, or null when the phone does not hold the
// training.
export async function localTraining(
  id: string,
): Promise<{ act: Activity; report: TraineeReport } | null> {
  const row = await localRow('activities', id);
  if (!row) return null;
  const act = row.r as unknown as Activity;
  const course = (await localRow('courses', act.course_id ?? ''))?.r as unknown as
    Course | undefined;
  return {
    act,
    report: {
      activity_id: act.id,
      status: act.status,
      version: act.version,
      course_id: act.course_id ?? '',
      course_title: course?.title ?? '',
      test_max: course?.test_max ?? null,
      average_gain: null,
      average_normalised_gain: null,
      items: [],
    },
  };
}
