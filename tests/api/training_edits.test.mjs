// Trainings, second part: trainees' scores set through PUT /trainings/{id}/trainees (author on a
// draft, a supervisor's correction with a reason once submitted), corrections shown on the
// activity, the staff list for picking a need's subject, and changing and deleting training
// needs, plans, follow-ups and courses -- both backends. Every refusal leaves the record as it was.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, firstPeople, uniq, freshPgDatabase } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, mob2, officer, manager, outsider, uc, people, inst;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      officer = await login(srv.base, 'officer.t1');
      manager = await login(srv.base, 'manager.d1');
      outsider = await login(srv.base, 'mobiliser.u2');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
      // A second mobiliser of the same union council: in scope, but neither author nor supervisor.
      const name = `mob.${uniq()}`;
      const r = await admin.post('/api/v1/users', {
        username: name,
        full_name: 'Second Mobiliser',
        password: 'second-pass-1',
        roles: [{ role: 'mobiliser', area_id: uc.id }],
      });
      assert.equal(r.status, 201, r.text);
      mob2 = await login(srv.base, name, 'second-pass-1');
      people = await firstPeople(mob, uc.id, 3);
      inst = (await mob.get(`/api/v1/institutions?area=${uc.id}&limit=1`)).json.items[0];
      assert.ok(people.length === 3 && inst, 'demo records in the union council');
    });
    after(async () => {
      await srv?.stop();
    });

    const newCourse = async (extra = {}) => {
      const r = await manager.post('/api/v1/courses', {
        code: `C-${uniq()}`,
        title: 'Course',
        audience: 'community',
        duration_hours: 2,
        test_max: 20,
        ...extra,
      });
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    const newTraining = async (course, attendance) => {
      const r = await mob.post('/api/v1/activities', {
        type: 'training',
        course_id: course.id,
        held_on: '2026-02-10',
        area_id: uc.id,
        attendance: attendance ?? people.map((p) => ({ person_id: p.id })),
      });
      assert.equal(r.status, 201, r.text);
      return r.json;
    };
    const trainees = async (client, id) =>
      (await client.get(`/api/v1/trainings/${id}/trainees`)).json;
    const put = (client, id, body) =>
      client.request('PUT', `/api/v1/trainings/${id}/trainees`, body);

    test('scores: the author on a draft, null for not tested, every bad row named, nothing written on error', async () => {
      const course = await newCourse();
      const tr = await newTraining(course);
      let t = await trainees(mob, tr.id);
      assert.equal(t.status, 'draft');
      assert.equal(t.version, tr.version);

      let r = await put(mob, tr.id, {
        version: t.version,
        trainees: [{ person_id: people[0].id, pre_score: 5, post_score: null }],
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.version, t.version + 1);
      const row0 = r.json.items.find((x) => x.person_id === people[0].id);
      assert.deepEqual(
        [row0.pre_score, row0.post_score, row0.gain],
        [5, null, null],
        'null: not tested',
      );
      t = r.json;

      // Above the maximum, below zero, a stranger: each named; nothing written.
      r = await put(mob, tr.id, {
        version: t.version,
        trainees: [
          { person_id: people[0].id, pre_score: 5, post_score: 12 },
          { person_id: people[1].id, pre_score: -1, post_score: 21 },
          { person_id: outsider.user.id, pre_score: 1, post_score: 2 },
        ],
      });
      assert.equal(r.status, 400, r.text);
      let f = r.json.error.fields;
      assert.deepEqual(
        Object.keys(f).sort(),
        ['trainees[1].post_score', 'trainees[1].pre_score', 'trainees[2].person_id'],
        r.text,
      );
      assert.match(f['trainees[1].post_score'], /test maximum 20/);
      assert.match(f['trainees[1].pre_score'], /between 0/);
      assert.match(f['trainees[2].person_id'], /not a trainee/);
      // A missing score, a string, an unknown field: named before anything is looked at.
      r = await put(mob, tr.id, {
        version: t.version,
        extra: 1,
        trainees: [
          { person_id: people[0].id, pre_score: 'ten', post_score: null },
          { person_id: people[2].id, pre_score: 3 },
        ],
      });
      assert.equal(r.status, 400);
      f = r.json.error.fields;
      assert.deepEqual(
        Object.keys(f).sort(),
        ['extra', 'trainees[0].pre_score', 'trainees[1].post_score'],
        r.text,
      );
      assert.match(f['trainees[1].post_score'], /required \(null when not tested\)/);
      assert.equal(
        (await put(mob, tr.id, { version: t.version, trainees: [] })).json.error.fields.trainees,
        'list the trainees to score',
      );
      assert.deepEqual(await trainees(mob, tr.id), t, 'nothing written');

      r = await put(mob, tr.id, {
        version: t.version - 1,
        trainees: [{ person_id: people[0].id, pre_score: 6, post_score: 7 }],
      });
      assert.equal(r.status, 409, 'a stale version');
      assert.equal(
        r.json.error.current.version,
        t.version,
        'the 409 carries the scores as they are now',
      );
      r = await put(mob, tr.id, {
        version: t.version,
        correction_reason: 'x',
        trainees: [{ person_id: people[0].id, pre_score: 6, post_score: 7 }],
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.correction_reason, 'no correction of a draft');
      assert.equal(
        (
          await put(mob2, tr.id, {
            version: t.version,
            trainees: [{ person_id: people[0].id, pre_score: 6, post_score: 7 }],
          })
        ).status,
        403,
        'another mobiliser of the area does not score the draft',
      );
      assert.equal(
        (
          await put(outsider, tr.id, {
            version: t.version,
            trainees: [{ person_id: people[0].id, pre_score: 6, post_score: 7 }],
          })
        ).status,
        404,
      );
      assert.deepEqual(await trainees(mob, tr.id), t, 'nothing written');

      // PATCH of the activity takes null scores too.
      const act = (await mob.get(`/api/v1/activities/${tr.id}`)).json;
      r = await mob.patch(`/api/v1/activities/${tr.id}`, {
        version: act.version,
        attendance: people.map((p, i) => ({
          person_id: p.id,
          pre_score: i === 0 ? 4 : null,
          post_score: null,
        })),
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.corrections, [], 'no corrections of a draft');
    });

    test('scores of a submitted and a verified training: a supervisor corrects with a reason; corrections on the activity', async () => {
      const course = await newCourse();
      const tr = await newTraining(course);
      let r = await mob.post(`/api/v1/activities/${tr.id}/submit`, { version: tr.version });
      assert.equal(r.status, 200, r.text);
      let t = await trainees(officer, tr.id);
      const scores = [
        { person_id: people[0].id, pre_score: 8, post_score: 16 },
        { person_id: people[1].id, pre_score: 10, post_score: 20 },
      ];

      r = await put(mob, tr.id, {
        version: t.version,
        correction_reason: 'late sheet',
        trainees: scores,
      });
      assert.equal(r.status, 403, 'the author waits for the supervisor');
      r = await put(officer, tr.id, { version: t.version, trainees: scores });
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.correction_reason, /required/);
      r = await put(officer, tr.id, {
        version: t.version,
        correction_reason: 'Scores from the attendance sheet',
        trainees: scores,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'submitted');
      assert.equal(r.json.items.find((x) => x.person_id === people[0].id).normalised_gain, 8 / 12);
      assert.equal(r.json.average_gain, 9);

      r = await officer.post(`/api/v1/activities/${tr.id}/verify`, { version: r.json.version });
      assert.equal(r.status, 200, r.text);
      t = await trainees(manager, tr.id);
      r = await put(manager, tr.id, {
        version: t.version,
        correction_reason: 'Post-test re-marked',
        trainees: [{ person_id: people[0].id, pre_score: 8, post_score: 25 }],
      });
      assert.equal(r.status, 400, 'above the maximum, even in a correction');
      assert.match(r.json.error.fields['trainees[0].post_score'], /test maximum 20/);
      assert.deepEqual(await trainees(manager, tr.id), t, 'nothing written');
      r = await put(manager, tr.id, {
        version: t.version,
        correction_reason: 'Post-test re-marked',
        trainees: [{ person_id: people[0].id, pre_score: 8, post_score: 18 }],
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'verified');

      // Whoever may see the activity sees who corrected it, when and why -- not what changed.
      for (const client of [mob, officer, mob2]) {
        const a = (await client.get(`/api/v1/activities/${tr.id}`)).json;
        assert.deepEqual(
          a.corrections.map((c) => c.reason),
          ['Scores from the attendance sheet', 'Post-test re-marked'],
        );
        assert.deepEqual(
          a.corrections.map((c) => c.by),
          [officer.user.id, manager.user.id],
        );
        assert.equal(a.corrections[0].by_name, officer.user.full_name);
        for (const c of a.corrections)
          assert.deepEqual(Object.keys(c).sort(), ['at', 'by', 'by_name', 'reason']);
      }
      assert.equal((await outsider.get(`/api/v1/activities/${tr.id}`)).status, 404);
      // A correction through PATCH is listed too, and the audit keeps the scores before and after.
      let a = (await officer.get(`/api/v1/activities/${tr.id}`)).json;
      r = await officer.patch(`/api/v1/activities/${tr.id}`, {
        version: a.version,
        place: 'School',
        correction_reason: 'Place was missing',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.corrections.length, 3);
      const audit = (await admin.get(`/api/v1/audit?entity_id=${tr.id}&action=correct`)).json.items;
      assert.equal(audit.length, 3);
      assert.ok(
        audit.some(
          (e) =>
            e.after?.[`score ${people[0].id}`] === '8 / 18' &&
            e.before?.[`score ${people[0].id}`] === '8 / 16',
        ),
        JSON.stringify(audit),
      );
    });

    test('courses: the test maximum changed, cleared only without scores; a course in use is not deleted', async () => {
      const course = await newCourse({ test_max: 10 });
      let r = await manager.patch(`/api/v1/courses/${course.id}`, {
        version: course.version,
        test_max: null,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.test_max, null, 'no test any more');
      r = await manager.patch(`/api/v1/courses/${course.id}`, {
        version: r.json.version,
        test_max: 10,
      });
      assert.equal(r.status, 200, r.text);
      const c = r.json;
      await newTraining(c, [{ person_id: people[0].id, pre_score: 3, post_score: 8 }]);
      r = await manager.patch(`/api/v1/courses/${c.id}`, { version: c.version, test_max: 5 });
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.test_max, /scores up to 8/);
      r = await manager.patch(`/api/v1/courses/${c.id}`, { version: c.version, test_max: null });
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.test_max, /clear them/);
      r = await manager.patch(`/api/v1/courses/${c.id}`, {
        version: c.version - 1,
        title: 'Stale',
      });
      assert.equal(r.status, 409);
      assert.equal(r.json.error.current.version, c.version);
      assert.deepEqual((await manager.get(`/api/v1/courses/${c.id}`)).json, c, 'nothing written');

      r = await manager.del(`/api/v1/courses/${c.id}`);
      assert.equal(r.status, 409);
      assert.match(r.json.error.message, /used by 1 training event/);
      const planned = await newCourse();
      assert.equal(
        (
          await officer.post('/api/v1/training-plans', {
            course_id: planned.id,
            area_id: uc.id,
            period: '2026Q3',
            planned_events: 1,
            planned_participants: 9,
          })
        ).status,
        201,
      );
      r = await manager.del(`/api/v1/courses/${planned.id}`);
      assert.equal(r.status, 409);
      assert.match(r.json.error.message, /used by 1 training plan/);

      const unused = await newCourse();
      assert.equal((await mob.del(`/api/v1/courses/${unused.id}`)).status, 403);
      assert.equal((await manager.del(`/api/v1/courses/${unused.id}`)).status, 204);
      assert.equal((await manager.get(`/api/v1/courses/${unused.id}`)).status, 404);
      assert.equal((await manager.del(`/api/v1/courses/${unused.id}`)).status, 404);
      const audit = (
        await admin.get(`/api/v1/audit?entity=course&entity_id=${unused.id}&action=delete`)
      ).json;
      assert.equal(audit.total, 1);
    });

    test("staff to pick: enabled users with a role in the caller's areas, without contact details", async () => {
      let r = await mob.get('/api/v1/staff');
      assert.equal(r.status, 200, r.text);
      const ids = r.json.items.map((x) => x.id);
      assert.ok(ids.includes(mob.user.id) && ids.includes(mob2.user.id), r.text);
      assert.ok(!ids.includes(officer.user.id), "the officer's role is above the union council");
      for (const x of r.json.items) {
        assert.deepEqual(Object.keys(x).sort(), ['full_name', 'id', 'roles']);
        for (const g of x.roles)
          assert.deepEqual(Object.keys(g).sort(), ['area_id', 'area_name', 'role']);
      }
      r = await manager.get(`/api/v1/staff?q=${encodeURIComponent('Second Mob')}`);
      assert.deepEqual(
        r.json.items.map((x) => x.id),
        [mob2.user.id],
      );
      assert.deepEqual(
        r.json.items[0].roles.map((g) => [g.role, g.area_id]),
        [['mobiliser', uc.id]],
      );
      assert.ok(
        (await manager.get('/api/v1/staff?limit=500')).json.items.some(
          (x) => x.id === officer.user.id,
        ),
      );
      // For a village: the staff whose role is there or above it, within the caller's areas.
      const village = (await mob.get(`/api/v1/areas?parent=${uc.id}&limit=1`)).json.items[0];
      const here = (await mob.get(`/api/v1/staff?area=${village.id}`)).json.items.map((x) => x.id);
      assert.ok(
        here.includes(mob.user.id) &&
          here.includes(mob2.user.id) &&
          !here.includes(officer.user.id),
        JSON.stringify(here),
      );
      const forManager = (
        await manager.get(`/api/v1/staff?area=${village.id}&limit=500`)
      ).json.items.map((x) => x.id);
      assert.ok(
        forManager.includes(officer.user.id) &&
          forManager.includes(manager.user.id) &&
          forManager.includes(mob.user.id),
      );
      assert.ok(
        !(await outsider.get('/api/v1/staff?limit=500')).json.items.some(
          (x) => x.id === mob.user.id,
        ),
      );
      const p2 = await areaByCode(admin, 'P2');
      assert.equal((await mob.get(`/api/v1/staff?area=${p2.id}`)).status, 400);
      const me = await login(srv.base, 'me.p1');
      assert.equal((await me.get('/api/v1/staff')).status, 403, 'M&E officers do not record needs');
    });

    test('training needs: changed and deleted by whoever recorded them or a supervisor, with the version', async () => {
      const course = await newCourse();
      let r = await mob.post('/api/v1/training-needs', {
        area_id: uc.id,
        user_id: outsider.user.id,
        need: 'x',
        priority: 'high',
        assessed_on: '2026-01-05',
      });
      assert.equal(r.status, 400, "a staff member outside the caller's areas");
      assert.match(r.json.error.fields.user_id, /no such staff member/);
      r = await mob.post('/api/v1/training-needs', {
        area_id: uc.id,
        user_id: mob2.user.id,
        course_id: course.id,
        need: 'Facilitation skills',
        priority: 'high',
        assessed_on: '2026-01-05',
      });
      assert.equal(r.status, 201, r.text);
      const need = r.json;
      assert.equal(need.version, 1);
      assert.equal(need.area_name, uc.name, 'the area named, for a form that shows it');
      assert.deepEqual((await mob.get(`/api/v1/training-needs/${need.id}`)).json, {
        ...need,
        subject_name: 'Second Mobiliser',
      });

      r = await mob.patch(`/api/v1/training-needs/${need.id}`, {
        version: 1,
        priority: 'urgent',
        assessed_on: '2999-01-01',
        colour: 'red',
      });
      assert.equal(r.status, 400);
      assert.deepEqual(Object.keys(r.json.error.fields).sort(), ['colour']);
      r = await mob.patch(`/api/v1/training-needs/${need.id}`, {
        version: 1,
        priority: 'urgent',
        assessed_on: '2999-01-01',
      });
      assert.equal(r.status, 400);
      assert.deepEqual(Object.keys(r.json.error.fields).sort(), ['assessed_on', 'priority']);
      assert.equal(
        (await mob2.patch(`/api/v1/training-needs/${need.id}`, { version: 1, priority: 'low' }))
          .status,
        403,
        'not the recorder nor a supervisor',
      );
      assert.equal(
        (await outsider.patch(`/api/v1/training-needs/${need.id}`, { version: 1, priority: 'low' }))
          .status,
        404,
      );
      assert.equal((await outsider.get(`/api/v1/training-needs/${need.id}`)).status, 404);
      assert.equal(
        (await mob.get(`/api/v1/training-needs/${need.id}`)).json.version,
        1,
        'nothing written',
      );

      r = await mob.patch(`/api/v1/training-needs/${need.id}`, {
        version: 1,
        priority: 'low',
        need: 'Facilitation of dialogues',
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        [r.json.priority, r.json.need, r.json.version],
        ['low', 'Facilitation of dialogues', 2],
      );
      r = await mob.patch(`/api/v1/training-needs/${need.id}`, { version: 1, priority: 'medium' });
      assert.equal(r.status, 409, 'stale');
      assert.equal(r.json.error.current.priority, 'low');
      r = await officer.patch(`/api/v1/training-needs/${need.id}`, {
        version: 2,
        institution_id: inst.id,
        course_id: null,
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        [r.json.user_id, r.json.institution_id, r.json.course_id, r.json.subject_name],
        [null, inst.id, null, inst.name],
      );

      assert.equal((await mob2.del(`/api/v1/training-needs/${need.id}`)).status, 403);
      assert.equal((await outsider.del(`/api/v1/training-needs/${need.id}`)).status, 404);
      assert.equal((await mob.del(`/api/v1/training-needs/${need.id}`)).status, 204);
      assert.equal((await mob.get(`/api/v1/training-needs/${need.id}`)).status, 404);
      const audit = (
        await admin.get(`/api/v1/audit?entity=training_need&entity_id=${need.id}`)
      ).json.items.map((e) => e.action);
      assert.deepEqual(audit, ['delete', 'update', 'update', 'create']);
    });

    test('training plans: changed and deleted by supervisors of the area; one plan per course x area x period', async () => {
      const course = await newCourse();
      const plan = (p) =>
        officer.post('/api/v1/training-plans', {
          course_id: course.id,
          area_id: uc.id,
          period: p,
          planned_events: 2,
          planned_participants: 30,
        });
      const q1 = (await plan('2026Q1')).json;
      const q2 = (await plan('2026Q2')).json;
      assert.equal(q1.version, 1);
      let r = await plan('2026Q1');
      assert.deepEqual(
        [r.json.id, r.json.version],
        [q1.id, 2],
        'saving the same course x area x period again replaces that plan',
      );

      r = await officer.patch(`/api/v1/training-plans/${q2.id}`, { version: 1, period: '2026Q1' });
      assert.equal(r.status, 409);
      assert.match(r.json.error.message, /already a plan/);
      r = await officer.patch(`/api/v1/training-plans/${q2.id}`, {
        version: 1,
        period: '2026Q9',
        planned_events: -1,
      });
      assert.equal(r.status, 400);
      assert.deepEqual(Object.keys(r.json.error.fields).sort(), ['period', 'planned_events']);
      assert.equal(
        (await mob.patch(`/api/v1/training-plans/${q2.id}`, { version: 1, planned_events: 3 }))
          .status,
        403,
      );
      assert.equal(
        (await outsider.patch(`/api/v1/training-plans/${q2.id}`, { version: 1, planned_events: 3 }))
          .status,
        404,
      );
      r = await officer.patch(`/api/v1/training-plans/${q2.id}`, { version: 2, planned_events: 3 });
      assert.equal(r.status, 409);
      assert.equal(r.json.error.current.planned_events, 2);
      assert.deepEqual(
        (await officer.get(`/api/v1/training-plans/${q2.id}`)).json,
        q2,
        'nothing written',
      );
      r = await manager.patch(`/api/v1/training-plans/${q2.id}`, {
        version: 1,
        planned_events: 3,
        period: '2026Q3',
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        [r.json.planned_events, r.json.period, r.json.period_start, r.json.version],
        [3, '2026Q3', '2026-07-01', 2],
      );

      assert.equal((await mob.del(`/api/v1/training-plans/${q2.id}`)).status, 403);
      assert.equal((await officer.del(`/api/v1/training-plans/${q2.id}`)).status, 204);
      assert.equal((await officer.get(`/api/v1/training-plans/${q2.id}`)).status, 404);
      assert.deepEqual(
        (await officer.get(`/api/v1/training-plans?area=${uc.id}&period=2026`)).json.items
          .filter((p) => p.course_id === course.id)
          .map((p) => p.id),
        [q1.id],
      );
    });

    test('follow-ups: changed and deleted with the version, by whoever recorded them or a supervisor', async () => {
      const course = await newCourse();
      const tr = await newTraining(course);
      let r = await mob.post(`/api/v1/trainings/${tr.id}/followups`, {
        person_id: people[0].id,
        followed_on: '2026-03-01',
        applies: 'partly',
        notes: 'Some',
      });
      assert.equal(r.status, 201, r.text);
      const fu = r.json;
      const path = `/api/v1/trainings/${tr.id}/followups/${fu.id}`;
      r = await mob.patch(path, { version: 1, followed_on: '2026-01-01', applies: 'maybe' });
      assert.equal(r.status, 400);
      assert.deepEqual(Object.keys(r.json.error.fields).sort(), ['applies', 'followed_on']);
      assert.equal((await mob2.patch(path, { version: 1, applies: 'yes' })).status, 403);
      assert.equal((await outsider.patch(path, { version: 1, applies: 'yes' })).status, 404);
      const other = await newTraining(course);
      assert.equal(
        (
          await mob.patch(`/api/v1/trainings/${other.id}/followups/${fu.id}`, {
            version: 1,
            applies: 'yes',
          })
        ).status,
        404,
        'not a follow-up of that training',
      );
      r = await mob.patch(path, { version: 1, applies: 'yes', notes: null });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual([r.json.applies, r.json.notes, r.json.version], ['yes', null, 2]);
      r = await officer.patch(path, { version: 1, applies: 'no' });
      assert.equal(r.status, 409);
      assert.equal(r.json.error.current.applies, 'yes');
      assert.equal((await mob2.del(path)).status, 403);
      assert.equal((await officer.del(path)).status, 204);
      assert.deepEqual((await mob.get(`/api/v1/trainings/${tr.id}/followups`)).json.items, []);
    });
  });
