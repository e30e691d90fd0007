// Supervision visits with a scored checklist and agreed actions, review meetings with their action
// points, and the actions' follow-up (done -> closed, reopened with a reason; a closed action is
// not edited), and the supervision report -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, login, areaByCode, freshPgDatabase } from './support.mjs';

// Today and n days from it, as the server's clock (UTC) has them.
const day = (n = 0) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, officer, mob, mob2, village, uc, otherUc;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      officer = await login(srv.base, 'officer.t1');
      mob = await login(srv.base, 'mobiliser.u1');
      mob2 = await login(srv.base, 'mobiliser.u2');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
      otherUc = await areaByCode(admin, 'P1-D1-T1-U2');
    });
    after(async () => {
      await srv?.stop();
    });

    test('the supervision checklist is configuration, apart from maturity checklists', async () => {
      const config = (await admin.get('/api/v1/registry/config')).json;
      const list = config.checklists.find((c) => c.code === 'mobiliser_supervision');
      assert.equal(list.purpose, 'supervision');
      assert.equal(list.items[0].section, 'Planning');
      assert.equal(config.checklists.find((c) => c.code === 'co_grading').purpose, 'maturity');
      // An administrator keeps them; a bad purpose is refused.
      let r = await admin.request('PUT', '/api/v1/checklists/cefc_supervision', {
        name: 'CEFC visit',
        purpose: 'supervision',
        items: [
          { code: 'register', name: 'Feedback register kept', max_score: 2, section: 'Records' },
          { code: 'loop', name: 'Loops closed', max_score: 2 },
        ],
        grades: [{ grade: 'weak', min_percent: 0 }],
      });
      assert.equal(r.status, 204, r.text);
      r = await admin.request('PUT', '/api/v1/checklists/bad', {
        name: 'x',
        purpose: 'audit',
        items: [{ code: 'a', name: 'a', max_score: 1 }],
        grades: [{ grade: 'A', min_percent: 0 }],
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.purpose, r.text);
      // A supervision checklist does not grade an institution.
      const co = (
        await admin.post('/api/v1/institutions', {
          area_id: village.id,
          type: 'CO',
          name: 'Supervised CO',
          sex_composition: 'women',
          formed_on: '2024-01-01',
        })
      ).json;
      r = await admin.post(`/api/v1/institutions/${co.id}/assessments`, {
        checklist: 'mobiliser_supervision',
        assessed_on: '2026-01-10',
        answers: {},
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.checklist, r.text);
    });

    test('a visit with a scored checklist and actions followed to closure', async () => {
      const answers = {
        plan_followed: 2,
        diary_kept: 1,
        records_complete: 2,
        registers_kept: 1,
        facilitation: 2,
        community_rapport: 1,
      };
      const body = {
        id: randomUUID(),
        area_id: uc.id,
        visited_on: day(-1),
        staff_id: mob.user.id,
        checklist: 'mobiliser_supervision',
        answers,
        observations: 'Two CO meetings observed',
        strengths: 'Good rapport with women members',
        feedback: 'Keep the diary daily',
        actions: [
          { what: 'Update the CO register', assignee_id: mob.user.id, due_on: day(5) },
          { what: 'Send the meeting minutes', assignee_id: mob.user.id, due_on: day(-1) },
        ],
      };
      // Only supervisors record visits.
      let r = await mob.post('/api/v1/supervision-visits', body);
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.area_id, r.text);
      r = await officer.post('/api/v1/supervision-visits', body);
      assert.equal(r.status, 201, r.text);
      const visit = r.json;
      assert.equal(visit.id, body.id);
      assert.equal(visit.score, 75); // 9 of 12 points
      assert.equal(visit.grade, 'good');
      assert.equal(visit.staff_name, mob.user.full_name);
      assert.equal(visit.supervisor_id, officer.user.id);
      assert.deepEqual(visit.answers, answers);
      assert.equal(visit.actions.length, 2);
      const [late, onTime] = [...visit.actions].sort((a, b) => a.due_on.localeCompare(b.due_on));
      assert.equal(late.status, 'open');
      assert.equal(late.overdue, true, 'due yesterday and not done');
      assert.equal(onTime.overdue, false);

      // Overdue actions show for both people: the assignee and the supervisor.
      for (const who of [mob, officer]) {
        r = await who.get('/api/v1/supervision-actions?mine=true&overdue=true');
        assert.equal(r.status, 200, r.text);
        assert.ok(
          r.json.items.some((a) => a.id === late.id),
          'overdue on the home screen',
        );
        assert.ok(!r.json.items.some((a) => a.id === onTime.id));
      }
      // Someone of another province sees nothing of it.
      r = await mob2.get(`/api/v1/supervision-visits/${visit.id}`);
      assert.equal(r.status, 404);
      r = await mob2.get('/api/v1/supervision-actions?mine=true');
      assert.ok(!r.json.items.some((a) => a.id === late.id));

      // The assignee marks it done with a note; they may not close it.
      r = await mob.post(`/api/v1/supervision-actions/${onTime.id}/done`, {
        version: onTime.version,
      });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.field_codes.note.code, 'required');
      r = await mob.post(`/api/v1/supervision-actions/${onTime.id}/done`, {
        version: onTime.version,
        note: 'Register updated with 3 new members',
      });
      assert.equal(r.status, 200, r.text);
      let action = r.json;
      assert.equal(action.status, 'done');
      assert.equal(action.done_on, day());
      r = await mob.post(`/api/v1/supervision-actions/${onTime.id}/close`, {
        version: action.version,
      });
      assert.equal(r.status, 403);
      // A stale version is refused with the current action.
      r = await officer.post(`/api/v1/supervision-actions/${onTime.id}/close`, {
        version: onTime.version,
      });
      assert.equal(r.status, 409);
      r = await officer.post(`/api/v1/supervision-actions/${onTime.id}/close`, {
        version: action.version,
      });
      assert.equal(r.status, 200, r.text);
      action = r.json;
      assert.equal(action.status, 'closed');
      assert.equal(action.closed_on, day());

      // A closed action is not edited until reopened.
      r = await officer.patch(`/api/v1/supervision-actions/${onTime.id}`, {
        version: action.version,
        due_on: day(9),
      });
      assert.equal(r.status, 409, r.text);
      r = await officer.post(`/api/v1/supervision-actions/${onTime.id}/reopen`, {
        version: action.version,
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.note);
      r = await officer.post(`/api/v1/supervision-actions/${onTime.id}/reopen`, {
        version: action.version,
        note: 'Two members still missing',
      });
      assert.equal(r.status, 200, r.text);
      action = r.json;
      assert.equal(action.status, 'open');
      assert.equal(action.reopened, 1);
      assert.equal(action.reopen_reason, 'Two members still missing');
      assert.equal(action.done_on, null);
      r = await officer.patch(`/api/v1/supervision-actions/${onTime.id}`, {
        version: action.version,
        due_on: day(9),
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.due_on, day(9));
      // Moves the table does not have.
      r = await officer.post(`/api/v1/supervision-actions/${onTime.id}/close`, {
        version: r.json.version,
      });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.field_codes.status.code, 'cannot_go_from_to');

      // Every change is audited.
      r = await admin.get(`/api/v1/audit?entity_id=${onTime.id}&limit=20`);
      const actions = r.json.items.map((e) => e.action).sort();
      assert.deepEqual(actions, ['close', 'create', 'done', 'reopen', 'update']);
    });

    test('bad input names the field and writes nothing', async () => {
      const before = (await officer.get(`/api/v1/supervision-visits?area=${uc.id}`)).json.total;
      let r = await officer.post('/api/v1/supervision-visits', {
        area_id: uc.id,
        visited_on: day(3),
        staff_id: mob2.user.id,
        checklist: 'co_grading',
        answers: { meetings: 1 },
        actions: [
          { what: '', assignee_id: mob.user.id, due_on: '2026-02-30' },
          { what: 'x', assignee_id: mob2.user.id, due_on: day(1) },
        ],
      });
      assert.equal(r.status, 400);
      const f = r.json.error.fields;
      for (const k of [
        'visited_on',
        'staff_id',
        'checklist',
        'actions[0].what',
        'actions[0].due_on',
        'actions[1].assignee_id',
      ])
        assert.ok(f[k], `${k}: ${r.text}`);
      r = await officer.post('/api/v1/supervision-visits', {
        area_id: uc.id,
        visited_on: day(-2),
        checklist: 'mobiliser_supervision',
        answers: { plan_followed: 3, unknown_item: 1 },
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields['answers.plan_followed']);
      assert.ok(r.json.error.fields['answers.unknown_item']);
      assert.ok(r.json.error.fields['answers.diary_kept']);
      const after = (await officer.get(`/api/v1/supervision-visits?area=${uc.id}`)).json.total;
      assert.equal(after, before);
    });

    test('a visit is edited with its version; actions are added later', async () => {
      let r = await officer.post('/api/v1/supervision-visits', {
        area_id: village.id,
        visited_on: day(-3),
        observations: 'Village meeting',
      });
      assert.equal(r.status, 201, r.text);
      const v = r.json;
      assert.equal(v.score, null);
      r = await officer.patch(`/api/v1/supervision-visits/${v.id}`, {
        version: v.version,
        feedback: 'Invite the women too',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.version, v.version + 1);
      assert.equal(r.json.feedback, 'Invite the women too');
      r = await officer.patch(`/api/v1/supervision-visits/${v.id}`, {
        version: v.version,
        feedback: 'stale',
      });
      assert.equal(r.status, 409);
      r = await mob.post(`/api/v1/supervision-visits/${v.id}/actions`, {
        what: 'x',
        assignee_id: mob.user.id,
        due_on: day(2),
      });
      assert.equal(r.status, 403);
      r = await officer.post(`/api/v1/supervision-visits/${v.id}/actions`, {
        what: 'Hold a women-only meeting',
        assignee_id: mob.user.id,
        due_on: day(7),
      });
      assert.equal(r.status, 201, r.text);
      r = await mob.get(`/api/v1/supervision-visits/${v.id}`);
      assert.equal(r.status, 200);
      assert.equal(r.json.actions.length, 1);
      assert.equal(r.json.actions[0].supervisor_name, officer.user.full_name);
    });

    test('a review meeting with attendees, minutes and action points followed up', async () => {
      const body = {
        id: randomUUID(),
        area_id: uc.id,
        held_on: day(-1),
        kind: 'weekly',
        attendee_ids: [mob.user.id, officer.user.id],
        agenda: '1. Last week; 2. Next week',
        minutes: 'Three COs formed; two trainings held',
        decisions: 'Night halts in V1 next week',
        actions: [{ what: 'Plan the V1 night halts', assignee_id: mob.user.id, due_on: day(-1) }],
      };
      // Bad input names each field and writes nothing.
      const before = (await officer.get(`/api/v1/review-meetings?area=${uc.id}`)).json.total;
      let r = await officer.post('/api/v1/review-meetings', {
        ...body,
        id: undefined,
        held_on: day(2),
        kind: 'daily',
        attendee_ids: [mob.user.id, mob2.user.id, mob.user.id],
        actions: [{ what: '', assignee_id: mob.user.id, due_on: 'soon' }],
      });
      assert.equal(r.status, 400);
      for (const k of [
        'held_on',
        'kind',
        'attendee_ids[1]',
        'attendee_ids[2]',
        'actions[0].what',
        'actions[0].due_on',
      ])
        assert.ok(r.json.error.fields[k], `${k}: ${r.text}`);
      // Only a supervisor of the area records one.
      r = await mob.post('/api/v1/review-meetings', { ...body, id: randomUUID() });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.area_id, r.text);
      assert.equal((await officer.get(`/api/v1/review-meetings?area=${uc.id}`)).json.total, before);

      r = await officer.post('/api/v1/review-meetings', body);
      assert.equal(r.status, 201, r.text);
      const m = r.json;
      assert.equal(m.id, body.id);
      assert.equal(m.kind, 'weekly');
      assert.equal(m.chair_id, officer.user.id);
      assert.deepEqual([...m.attendee_ids].sort(), [mob.user.id, officer.user.id].sort());
      assert.ok(m.attendee_names.includes(mob.user.full_name));
      assert.equal(m.decisions, body.decisions);
      assert.equal(m.actions.length, 1);
      const point = m.actions[0];
      assert.equal(point.meeting_id, m.id);
      assert.equal(point.visit_id, null);
      assert.equal(point.overdue, true);
      // The action point is followed up as a visit's action, and shows as overdue for both.
      for (const who of [mob, officer]) {
        r = await who.get('/api/v1/supervision-actions?mine=true&overdue=true');
        assert.ok(r.json.items.some((a) => a.id === point.id));
      }
      r = await officer.get(`/api/v1/supervision-actions?meeting=${m.id}`);
      assert.deepEqual(
        r.json.items.map((a) => a.id),
        [point.id],
      );
      r = await mob.post(`/api/v1/supervision-actions/${point.id}/done`, {
        version: point.version,
        note: 'Halts planned in V1 and V2',
      });
      assert.equal(r.status, 200, r.text);
      r = await officer.post(`/api/v1/supervision-actions/${point.id}/close`, {
        version: r.json.version,
      });
      assert.equal(r.status, 200, r.text);
      // A closed point is not edited without reopening.
      r = await officer.patch(`/api/v1/supervision-actions/${point.id}`, {
        version: r.json.version,
        what: 'Changed',
      });
      assert.equal(r.status, 409);
      // One more point later; the mobiliser may not add one.
      const more = { what: 'Share the minutes', assignee_id: mob.user.id, due_on: day(3) };
      r = await mob.post(`/api/v1/review-meetings/${m.id}/actions`, more);
      assert.equal(r.status, 403);
      r = await officer.post(`/api/v1/review-meetings/${m.id}/actions`, more);
      assert.equal(r.status, 201, r.text);
      // The minutes are edited with the version; attendees replaced.
      r = await officer.patch(`/api/v1/review-meetings/${m.id}`, {
        version: m.version,
        minutes: 'Three COs formed; two trainings held; one CO meeting postponed',
        attendee_ids: [mob.user.id],
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.version, m.version + 1);
      assert.deepEqual(r.json.attendee_ids, [mob.user.id]);
      assert.equal(r.json.actions.length, 2);
      r = await officer.patch(`/api/v1/review-meetings/${m.id}`, {
        version: m.version,
        agenda: 'x',
      });
      assert.equal(r.status, 409);
      // Read in scope; not outside it.
      r = await mob.get(`/api/v1/review-meetings/${m.id}`);
      assert.equal(r.status, 200);
      r = await mob2.get(`/api/v1/review-meetings/${m.id}`);
      assert.equal(r.status, 404);
      r = await mob2.get('/api/v1/review-meetings');
      assert.ok(!r.json.items.some((x) => x.id === m.id));
    });

    // Hand-worked figures. In the latest past month of 31 days: visit A on its 1st (staff: the
    // mobiliser, 9 of 12 points = 75 %), visit B on its 31st (staff: the mobiliser, 6 of 12 =
    // 50 %), visit C of no one in particular on the 1st of the next month (outside). Actions at A:
    // a1 due today and closed today (on time), a2 due yesterday and closed today (a day late),
    // a3 due yesterday and left open (overdue); at B: b1 done, closed, reopened (open, due in a
    // week: not overdue). At C: c1 (outside the period). So: 2 visits; the mobiliser 2 visits,
    // average 62.5 %; plan_followed (2 + 1) / 2 = 1.5 points = 75 %; 4 actions agreed, 2
    // closed (a1, a2), 1 closed on time (a1), 1 overdue (a3), 1 reopened (b1). A review meeting
    // on the 31st: 1 meeting held (its action point is not a visit's action).
    test('the supervision report of a period and area (golden)', async () => {
      const now = new Date();
      let y = now.getUTCFullYear(),
        m = now.getUTCMonth(); // 0-based: the month before the current one
      const days = (yy, mm) => new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
      for (m -= 1; ; m -= 1) {
        if (m < 0) ((m = 11), (y -= 1));
        if (days(y, m) === 31) break;
      }
      const ym = `${y}-${String(m + 1).padStart(2, '0')}`;
      const next = new Date(Date.UTC(y, m + 1, 1)).toISOString().slice(0, 10);
      const scored = (p) => ({
        plan_followed: p[0],
        diary_kept: p[1],
        records_complete: p[2],
        registers_kept: p[3],
        facilitation: p[4],
        community_rapport: p[5],
      });
      const visit = async (visited_on, extra) => {
        const r = await officer.post('/api/v1/supervision-visits', {
          area_id: otherUc.id,
          visited_on,
          ...extra,
        });
        assert.equal(r.status, 201, r.text);
        return r.json;
      };
      const act = (what, due_on) => ({ what, assignee_id: mob.user.id, due_on });
      const a = await visit(`${ym}-01`, {
        staff_id: mob.user.id,
        checklist: 'mobiliser_supervision',
        answers: scored([2, 1, 2, 1, 2, 1]),
        actions: [act('a1', day()), act('a2', day(-1)), act('a3', day(-1))],
      });
      const b = await visit(`${ym}-31`, {
        staff_id: mob.user.id,
        checklist: 'mobiliser_supervision',
        answers: scored([1, 1, 1, 1, 1, 1]),
        actions: [act('b1', day(7))],
      });
      await visit(next, { actions: [act('c1', day(-1))] });
      // A review meeting on the month's 31st counts as a meeting; its action point (overdue) is
      // not one of the visits' actions. One on the 1st of the next month is outside.
      for (const held_on of [`${ym}-31`, next]) {
        const r = await officer.post('/api/v1/review-meetings', {
          area_id: otherUc.id,
          held_on,
          kind: 'monthly',
          actions: [act('m1', day(-1))],
        });
        assert.equal(r.status, 201, r.text);
      }
      const step = async (x, s, note) => {
        const r = await officer.post(`/api/v1/supervision-actions/${x.id}/${s}`, {
          version: x.version,
          ...(note ? { note } : {}),
        });
        assert.equal(r.status, 200, r.text);
        return r.json;
      };
      const byWhat = (v, w) => v.actions.find((x) => x.what === w);
      for (const w of ['a1', 'a2']) {
        const done = await step(byWhat(a, w), 'done', 'done');
        await step(done, 'close');
      }
      let b1 = await step(byWhat(b, 'b1'), 'done', 'done');
      b1 = await step(b1, 'close');
      await step(b1, 'reopen', 'not finished');

      const r = await officer.get(
        `/api/v1/supervision-report?area=${otherUc.id}&from=${ym}-01&to=${ym}-31`,
      );
      assert.equal(r.status, 200, r.text);
      const rep = r.json;
      assert.equal(rep.visits, 2);
      assert.equal(rep.meetings, 1);
      assert.equal(rep.area_name, otherUc.name);
      assert.deepEqual(
        rep.people.map((p) => [p.staff_id, p.visits, p.average_score]),
        [[mob.user.id, 2, 62.5]],
      );
      const item = rep.items.find((i) => i.item === 'plan_followed');
      assert.deepEqual([item.visits, item.average, item.average_percent], [2, 1.5, 75]);
      assert.equal(item.section, 'Planning');
      assert.equal(rep.items.length, 6);
      assert.deepEqual(
        [
          rep.actions_agreed,
          rep.actions_closed,
          rep.actions_closed_on_time,
          rep.actions_overdue,
          rep.actions_reopened,
        ],
        [4, 2, 1, 1, 1],
      );
      // The same as a file.
      const q = `area=${otherUc.id}&from=${ym}-01&to=${ym}-31`;
      let file = await officer.get(`/api/v1/supervision-report/export?${q}&format=pdf`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'application/pdf');
      assert.ok(file.text.startsWith('%PDF'));
      file = await officer.get(`/api/v1/supervision-report/export?${q}&format=csv`);
      assert.equal(file.status, 200, file.text);
      assert.match(file.text, /"?Closed on time"?,1\r?\n/);
      assert.match(file.text, /"?Review meetings held"?,1\r?\n/);
      file = await officer.get(`/api/v1/supervision-report/export?${q}&format=xlsx`);
      assert.equal(file.status, 200);
      assert.match(file.headers.get('content-disposition'), /\.xlsx/);
      file = await officer.get(`/api/v1/supervision-report/export?${q}&format=dhis2`);
      assert.equal(file.status, 400);
      // The period is required, in order.
      let bad = await officer.get(`/api/v1/supervision-report?area=${otherUc.id}&from=${ym}-31`);
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.fields.to);
      bad = await officer.get(`/api/v1/supervision-report?from=${ym}-31&to=${ym}-01`);
      assert.equal(bad.status, 400);
      // Outside the area: not found, nothing told.
      bad = await mob2.get(
        `/api/v1/supervision-report?area=${otherUc.id}&from=${ym}-01&to=${ym}-31`,
      );
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.fields.area, bad.text);
    });
  });
