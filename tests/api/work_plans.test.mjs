// The team's own work (issue 17) on both backends: the reporting line (set by an administrator,
// no loops, the team tree), a month plan written, submitted, approved by the supervisor chain,
// frozen and revised with a reason, compared with what was recorded (done / moved / missed /
// unplanned), copied to the next month; a daily diary (one a day, a night halt needs a place, not
// in the future, its day's records linked, reviewed and locked); the month's field-day tally.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, freshPgDatabase, uniq } from './support.mjs';

const newId = () => {
  // A UUIDv7-shaped client id: 48 bits of time, then random.
  const hex = Date.now().toString(16).padStart(12, '0');
  const r = () => Math.floor(Math.random() * 16).toString(16);
  const rand = (n) => Array.from({ length: n }, r).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-7${rand(3)}-8${rand(3)}-${rand(12)}`;
};

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, officer, manager, outsider, users, v1, v2, u1;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      officer = await login(srv.base, 'officer.t1');
      manager = await login(srv.base, 'manager.d1');
      outsider = await login(srv.base, 'mobiliser.u2');
      v1 = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      v2 = await areaByCode(admin, 'P1-D1-T1-U1-V2');
      u1 = await areaByCode(admin, 'P1-D1-T1-U1');
      users = {};
      for (const name of ['mobiliser.u1', 'officer.t1', 'manager.d1', 'mobiliser.u2'])
        users[name] = (await admin.get(`/api/v1/users?q=${name}`)).json.items[0];
    });
    after(async () => {
      await srv?.stop();
    });

    async function reportsTo(who, to) {
      const u = (await admin.get(`/api/v1/users/${users[who].id}`)).json;
      return admin.patch(`/api/v1/users/${u.id}`, {
        version: u.version,
        supervisor_id: to ? users[to].id : null,
      });
    }

    test('the reporting line: set, no loops, in scope, the team tree', async () => {
      let r = await reportsTo('mobiliser.u1', 'officer.t1');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.supervisor_id, users['officer.t1'].id);
      assert.equal(r.json.supervisor_name, users['officer.t1'].full_name);
      assert.equal((await reportsTo('officer.t1', 'manager.d1')).status, 200);
      r = await reportsTo('manager.d1', 'mobiliser.u1');
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field_codes.supervisor_id.code, 'supervisor_cycle');
      // An administrator of P2 cannot name a P1 supervisor (nor see P1's users at all).
      const p2admin = await login(srv.base, 'admin.p2');
      const u2 = (await p2admin.get(`/api/v1/users/${users['mobiliser.u2'].id}`)).json;
      r = await p2admin.patch(`/api/v1/users/${u2.id}`, {
        version: u2.version,
        supervisor_id: users['officer.t1'].id,
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field_codes.supervisor_id.code, 'no_such_in_scope');
      r = await manager.get('/api/v1/team');
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.json.items.map((m) => [m.user.username, m.depth]),
        [
          ['manager.d1', 0],
          ['officer.t1', 1],
          ['mobiliser.u1', 2],
        ],
      );
      assert.equal((await mob.get('/api/v1/team')).json.items.length, 1);
      r = await mob.get(`/api/v1/team?user=${users['manager.d1'].id}`);
      assert.equal(r.status, 404, 'a member does not read the team above them');
    });

    test('a month plan: written, submitted, approved, frozen, revised; plan against actual', async () => {
      // A new mobiliser of U1 who reports to officer.t1 (the demo's have activities of their own).
      const name = `mob.${uniq()}`;
      const made = await admin.post('/api/v1/users', {
        username: name,
        full_name: 'Fresh Mobiliser',
        password: 'long-enough-pass',
        roles: [{ role: 'mobiliser', area_id: u1.id }],
        supervisor_id: users['officer.t1'].id,
      });
      assert.equal(made.status, 201, made.text);
      assert.equal(made.json.supervisor_id, users['officer.t1'].id);
      users.fresh = made.json;
      mob = await login(srv.base, name, 'long-enough-pass');
      const month = {
        kind: 'month',
        period: '2026-01',
        items: [
          { day: '2026-01-05', area_id: v1.id, purpose: 'meeting', note: 'VO meeting' },
          { week: '2026-W01', area_id: v1.id, purpose: 'visit' },
          { day: '2026-01-20', area_id: v1.id, purpose: 'training' },
        ],
      };
      let r = await mob.post('/api/v1/work-plans', {
        ...month,
        items: [
          { day: '2026-02-01', area_id: v1.id, purpose: 'dance' },
          { area_id: v1.id, purpose: 'visit' },
        ],
      });
      assert.equal(r.status, 400, r.text);
      const codes = r.json.error.field_codes;
      assert.equal(codes['items[0].day'].code, 'outside_plan_period');
      assert.equal(codes['items[0].purpose'].code, 'one_of');
      assert.equal(codes['items[1].day'].code, 'day_or_week');
      r = await outsider.post('/api/v1/work-plans', {
        ...month,
        owner_id: users['mobiliser.u1'].id,
      });
      assert.equal(r.status, 400, 'an outsider cannot name a P1 owner');
      const id = newId();
      r = await mob.post('/api/v1/work-plans', { ...month, id });
      assert.equal(r.status, 201, r.text);
      let plan = r.json;
      assert.equal(plan.status, 'draft');
      assert.equal(plan.starts_on, '2026-01-01');
      assert.equal(plan.items[1].starts_on, '2025-12-29', 'week 1 of 2026 starts in December');
      r = await mob.post('/api/v1/work-plans', { ...month, id });
      assert.equal(r.status, 201, 'a retried create answers as the first time');
      assert.equal(r.json.id, plan.id);
      r = await mob.post('/api/v1/work-plans', month);
      assert.equal(r.status, 409, 'one plan per person, kind and period');
      assert.equal((await outsider.get(`/api/v1/work-plans/${plan.id}`)).status, 404);

      r = await mob.post(`/api/v1/work-plans/${plan.id}/approve`, { version: plan.version });
      assert.equal(r.status, 403, 'the owner does not approve their own plan');
      r = await mob.post(`/api/v1/work-plans/${plan.id}/submit`, { version: plan.version });
      assert.equal(r.status, 200, r.text);
      plan = r.json;
      r = await officer.post(`/api/v1/work-plans/${plan.id}/return`, { version: plan.version });
      assert.equal(r.status, 400, 'a return needs a comment');
      r = await officer.post(`/api/v1/work-plans/${plan.id}/approve`, { version: plan.version });
      assert.equal(r.status, 200, r.text);
      plan = r.json;
      assert.equal(plan.status, 'approved');
      assert.equal(plan.reviewed_by, users['officer.t1'].id);
      r = await mob.patch(`/api/v1/work-plans/${plan.id}`, {
        version: plan.version,
        items: month.items,
      });
      assert.equal(r.status, 400, 'an approved plan changes only with a reason');
      assert.equal(r.json.error.field_codes.reason.code, 'required');
      r = await mob.patch(`/api/v1/work-plans/${plan.id}`, {
        version: plan.version,
        items: month.items,
        reason: 'The training moved to the 20th',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.revision, 2);
      assert.equal(r.json.status, 'draft');
      const audit = (await admin.get(`/api/v1/audit?entity_id=${plan.id}`)).json.items;
      assert.deepEqual(audit.map((e) => e.action).sort(), [
        'approve',
        'create',
        'revise',
        'submit',
      ]);

      // What the mobiliser recorded: a meeting two days late (moved), a home visit in V1 in the
      // week that spans December and January (the visit done), a dialogue in V2 (unplanned).
      for (const [type, held_on, area] of [
        ['institution_meeting', '2026-01-07', v1],
        ['home_visit', '2025-12-30', v1],
        ['community_dialogue', '2026-01-12', v2],
      ]) {
        r = await mob.post('/api/v1/activities', {
          type,
          held_on,
          area_id: area.id,
          counts: [{ sex: 'f', age_band: '18-59', count: 2 }],
        });
        assert.equal(r.status, 201, r.text);
      }
      r = await officer.get(`/api/v1/work-plans/${plan.id}/actual`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.json.items.map((i) => i.outcome),
        ['moved', 'done', 'missed'],
      );
      assert.deepEqual(r.json.totals, {
        planned: 3,
        done: 1,
        moved: 1,
        missed: 1,
        unplanned: 1,
        percent: 66.7,
      });
      r = await manager.get('/api/v1/team/achievement?month=2026-01');
      assert.equal(r.status, 200, r.text);
      const row = r.json.staff.find((s) => s.user_id === users.fresh.id);
      assert.equal(row.achievement.percent, 66.7);
      assert.equal(r.json.team.planned, 3);
      assert.equal((await manager.get('/api/v1/team/achievement?month=2026-13')).status, 400);

      r = await officer.post('/api/v1/work-plans', {
        owner_id: users.fresh.id,
        kind: 'month',
        period: '2026-02',
        copy_previous: true,
      });
      assert.equal(r.status, 201, 'the supervisor copies last month’s plan: ' + r.text);
      assert.deepEqual(
        r.json.items.map((i) => i.day ?? i.week),
        ['2026-02-05', '2026-W06', '2026-02-20'],
      );
      r = await mob.post('/api/v1/work-plans', {
        owner_id: users['mobiliser.u1'].id,
        kind: 'week',
        period: '2026-W10',
      });
      assert.equal(r.status, 403, 'a colleague in the same area does not write the plan');
    });

    test('a daily diary: one a day, a night halt needs a place, linked records, review locks', async () => {
      const day = {
        day: '2025-12-30',
        field_day: true,
        area_ids: [v1.id],
        text: 'Home visits in V1',
        travel_mode: 'motorbike',
        travel_km: 34,
        night_halt: true,
        next_day_plan: 'VO meeting',
      };
      let r = await mob.post('/api/v1/diaries', day);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field_codes.night_halt_place.code, 'required');
      r = await mob.post('/api/v1/diaries', { ...day, day: '2099-01-01', night_halt_place: 'V1' });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.day);
      r = await mob.post('/api/v1/diaries', { ...day, night_halt_place: 'V1 guest house' });
      assert.equal(r.status, 201, r.text);
      let diary = r.json;
      r = await mob.post('/api/v1/diaries', { ...day, night_halt_place: 'again' });
      assert.equal(r.status, 409, 'one diary per person per day');
      assert.ok(r.json.error.fields.day);
      r = await mob.get(`/api/v1/diaries/${diary.id}`);
      assert.deepEqual(
        r.json.records.map((x) => x.type),
        ['home_visit'],
        'the day’s records are linked',
      );
      assert.equal((await outsider.get(`/api/v1/diaries/${diary.id}`)).status, 404);
      r = await mob.post(`/api/v1/diaries/${diary.id}/review`, {
        version: diary.version,
        accept: true,
      });
      assert.equal(r.status, 403, 'the writer does not accept their own diary');
      r = await officer.post(`/api/v1/diaries/${diary.id}/review`, {
        version: diary.version,
        comment: 'Good',
        accept: true,
      });
      assert.equal(r.status, 200, r.text);
      diary = r.json;
      assert.equal(diary.accepted, true);
      r = await mob.patch(`/api/v1/diaries/${diary.id}`, { ...day, version: diary.version });
      assert.equal(r.status, 400, 'an accepted diary is locked');
      assert.equal(r.json.error.field_codes.accepted.code, 'closed_cannot_change');
      r = await mob.post('/api/v1/diaries', {
        day: '2025-12-31',
        field_day: false,
        text: 'Office: monthly report',
      });
      assert.equal(r.status, 201, r.text);

      r = await officer.get('/api/v1/team/tally?month=2025-12');
      assert.equal(r.status, 200, r.text);
      const row = r.json.staff.find((s) => s.user_id === users.fresh.id);
      assert.equal(row.field_days, 1);
      assert.equal(row.office_days, 1);
      assert.deepEqual(row.night_halts_list, ['2025-12-30']);
      assert.equal(row.norm_field_days, 22);
      assert.equal(row.field_days_met, false);
    });
  });
