// Trainings: course catalogue, training events with trainees' pre/post scores and knowledge gain,
// needs, plans and plan-versus-achievement, follow-ups -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, login, areaByCode, firstPeople, uniq, freshPgDatabase } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
function xlsx(rows) {
  const out = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'plans.xlsx');
  execFileSync('python3', [join(here, 'fixtures', 'make_xlsx.py'), out], {
    input: JSON.stringify(rows),
  });
  return readFileSync(out);
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, officer, manager, uc, district, people;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      officer = await login(srv.base, 'officer.t1');
      manager = await login(srv.base, 'manager.d1');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
      district = await areaByCode(admin, 'P1-D1');
      people = await firstPeople(mob, uc.id, 3);
    });
    after(async () => {
      await srv?.stop();
    });

    test('a training with test scores: gains, normalised gains, plan versus achievement, follow-up', async () => {
      let r = await mob.post('/api/v1/courses', {
        code: 'X',
        title: 'x',
        audience: 'staff',
        duration_hours: 1,
      });
      assert.equal(r.status, 403, 'mobilisers do not keep the catalogue');
      r = await manager.post('/api/v1/courses', {
        code: `IYCF-${uniq()}`,
        title: 'IYCF counselling',
        audience: 'community',
        topics: ['iycf'],
        duration_hours: 6,
        test_max: 20,
      });
      assert.equal(r.status, 201, r.text);
      const course = r.json;
      r = await manager.post('/api/v1/courses', {
        code: course.code,
        title: 'dup',
        audience: 'pets',
        duration_hours: 0,
      });
      assert.equal(r.status, 400);
      for (const f of ['code', 'audience', 'duration_hours'])
        assert.ok(r.json.error.fields[f], r.text);

      const base = {
        type: 'training',
        held_on: '2026-02-10',
        area_id: uc.id,
        topics: ['iycf'],
        counts: [{ sex: 'f', age_band: '18-59', count: 3 }],
      };
      r = await mob.post('/api/v1/activities', { ...base });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.course_id);
      r = await mob.post('/api/v1/activities', {
        ...base,
        course_id: course.id,
        attendance: [{ person_id: people[0].id, pre_score: 10, post_score: 25 }],
      });
      assert.equal(r.status, 400, 'a score above the test maximum');
      assert.match(r.json.error.fields['attendance[0].post_score'], /test maximum 20/);
      r = await mob.post('/api/v1/activities', {
        ...base,
        course_id: course.id,
        attendance: [
          { person_id: people[0].id, pre_score: 10, post_score: 15 },
          { person_id: people[1].id, pre_score: 20, post_score: 20 },
          { person_id: people[2].id, pre_score: 4, post_score: 20 },
        ],
      });
      assert.equal(r.status, 201, r.text);
      let training = r.json;
      const t = (await mob.get(`/api/v1/trainings/${training.id}/trainees`)).json;
      const byPerson = Object.fromEntries(t.items.map((x) => [x.person_id, x]));
      assert.equal(byPerson[people[0].id].gain, 5);
      assert.equal(byPerson[people[0].id].normalised_gain, 0.5);
      assert.equal(
        byPerson[people[1].id].normalised_gain,
        null,
        'undefined for a perfect pre-test',
      );
      assert.equal(byPerson[people[2].id].normalised_gain, 1);
      assert.equal(t.average_gain, (5 + 0 + 16) / 3);
      assert.equal(t.average_normalised_gain, 0.75);

      r = await officer.post('/api/v1/training-plans', {
        course_id: course.id,
        area_id: district.id,
        period: '2026Q5',
        planned_events: 2,
        planned_participants: 40,
      });
      assert.equal(r.status, 400);
      assert.equal(
        (
          await mob.post('/api/v1/training-plans', {
            course_id: course.id,
            area_id: uc.id,
            period: '2026Q1',
            planned_events: 2,
            planned_participants: 40,
          })
        ).status,
        400,
      );
      r = await officer.post('/api/v1/training-plans', {
        course_id: course.id,
        area_id: uc.id,
        period: '2026Q1',
        planned_events: 2,
        planned_participants: 40,
      });
      assert.equal(r.status, 201, r.text);
      let ach = (
        await officer.get(`/api/v1/training-plans/achievement?area=${uc.id}&period=2026`)
      ).json.items.find((x) => x.course_id === course.id);
      assert.deepEqual(
        [ach.planned_events, ach.held_events, ach.trained],
        [2, 0, 0],
        'not verified yet: not counted',
      );
      r = await mob.post(`/api/v1/activities/${training.id}/submit`, { version: training.version });
      r = await officer.post(`/api/v1/activities/${training.id}/verify`, {
        version: r.json.version,
      });
      assert.equal(r.status, 200, r.text);
      ach = (
        await officer.get(`/api/v1/training-plans/achievement?area=${uc.id}&period=2026`)
      ).json.items.find((x) => x.course_id === course.id);
      assert.deepEqual(
        [ach.planned_events, ach.held_events, ach.planned_participants, ach.trained],
        [2, 1, 40, 3],
      );

      r = await mob.post(`/api/v1/trainings/${training.id}/followups`, {
        person_id: people[0].id,
        followed_on: '2026-03-20',
        applies: 'partly',
      });
      assert.equal(r.status, 201, r.text);
      r = await mob.post(`/api/v1/trainings/${training.id}/followups`, {
        person_id: people[0].id,
        followed_on: '2026-01-01',
        applies: 'maybe',
      });
      assert.equal(r.status, 400);
      assert.equal(
        (await mob.get(`/api/v1/trainings/${training.id}/followups`)).json.items.length,
        1,
      );

      r = await mob.post('/api/v1/training-needs', {
        area_id: uc.id,
        user_id: mob.user.id,
        course_id: course.id,
        need: 'Counselling skills',
        priority: 'high',
        assessed_on: '2026-01-05',
      });
      assert.equal(r.status, 201, r.text);
      assert.ok(
        (await mob.get(`/api/v1/training-needs?area=${uc.id}`)).json.items.some(
          (n) => n.id === r.json.id,
        ),
      );
      const outsider = await login(srv.base, 'mobiliser.u2');
      assert.equal((await outsider.get(`/api/v1/trainings/${training.id}/trainees`)).status, 404);
    });

    test('training plans from an XLSX file: every bad row named, then all saved', async () => {
      const course = (
        await manager.post('/api/v1/courses', {
          code: `PL-${uniq()}`,
          title: 'Plan course',
          audience: 'community',
          duration_hours: 2,
        })
      ).json;
      const head = ['course_code', 'area_code', 'period', 'planned_events', 'planned_participants'];
      let r = await officer.post(
        '/api/v1/training-plans/import?dry_run=false',
        xlsx([
          head,
          [course.code, 'P1-D1-T1-U1', '2026Q1', '3', '60'],
          ['NOPE', 'P1-D1-T1-U1', '2026Q5', 'many', '60'],
          [course.code, 'P2-D1', '2026', '1', '20'],
        ]),
        { raw: true, headers: { 'content-type': XLSX } },
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.saved, 0);
      assert.deepEqual(
        r.json.errors.map((e) => `${e.row}:${e.column}`),
        ['3:course_code', '3:period', '3:planned_events', '4:area_code'],
      );
      r = await officer.post(
        '/api/v1/training-plans/import?dry_run=false',
        xlsx([
          head,
          [course.code, 'P1-D1-T1-U1', '2026Q1', '3', '60'],
          [course.code, 'P1-D1-T1-U1', '2026Q2', '2', '40'],
        ]),
        { raw: true, headers: { 'content-type': XLSX } },
      );
      assert.equal(r.json.saved, 2, r.text);
      const plans = (
        await officer.get(`/api/v1/training-plans?area=${uc.id}&period=2026`)
      ).json.items.filter((p) => p.course_id === course.id);
      assert.deepEqual(
        plans.map((p) => [p.period, p.planned_events]),
        [
          ['2026Q1', 3],
          ['2026Q2', 2],
        ],
      );
      assert.equal(
        (
          await mob.post(
            '/api/v1/training-plans/import?dry_run=true',
            xlsx([head, [course.code, 'P1-D1-T1-U1', '2026Q1', '3', '60']]),
            { raw: true, headers: { 'content-type': XLSX } },
          )
        ).json.errors[0].code,
        'forbidden',
      );
    });
  });
