// Idempotent creates (docs/api.md "Idempotent creates"): every POST route of the OpenAPI document
// is either listed below as not a create or has a body here; each create is posted twice with the
// same client id (one record, the second answer the first replayed), then with other content (409
// fields.id), then with a malformed id (400 fields.id). A POST route added without a body here
// fails the walk. On SQLite and PostgreSQL.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, login, areaByCode, uniq, freshPgDatabase, pngOf } from './support.mjs';

// POST routes that create no record of their own (sign-in, state changes of a record, imports
// that load files of many rows, a merge), and the token route, whose answer holds a secret that
// must not be kept for a replay.
const NOT_CREATES = new Set([
  '/api/v1/session',
  '/api/v1/session/password',
  '/api/v1/tokens',
  '/api/v1/areas/import',
  '/api/v1/households/import',
  '/api/v1/institutions/import',
  '/api/v1/training-plans/import',
  '/api/v1/targets/import',
  '/api/v1/users/import',
  '/api/v1/activities/{id}/submit',
  '/api/v1/activities/{id}/verify',
  '/api/v1/activities/{id}/return',
  '/api/v1/feedback/{id}/assign',
  '/api/v1/feedback/{id}/refer',
  '/api/v1/feedback/{id}/respond',
  '/api/v1/feedback/{id}/close',
  '/api/v1/households/{id}/merge',
  '/api/v1/reports/{id}/submit',
  '/api/v1/reports/{id}/approve',
  '/api/v1/reports/{id}/return',
  // Group books: a supervisor's decisions on a loan or an entry (each checked against a version
  // or refused when repeated: an entry is reversed once).
  '/api/v1/member-loans/{id}/reschedule',
  '/api/v1/member-loans/{id}/write-off',
  '/api/v1/ledger-entries/{id}/reverse',
  // Work plans and diaries: the reviews of a record (each checked against its version).
  '/api/v1/work-plans/{id}/submit',
  '/api/v1/work-plans/{id}/approve',
  '/api/v1/work-plans/{id}/return',
  '/api/v1/diaries/{id}/review',
  '/api/v1/supervision-actions/{id}/done',
  '/api/v1/supervision-actions/{id}/close',
  '/api/v1/supervision-actions/{id}/reopen',
  // Collect (docs/openrosa.md): a device's answer holds its token (a secret, never kept for a
  // replay); a form is keyed by its xml_form_id and version; a submission by its instanceID.
  '/api/v1/devices',
  '/api/v1/forms',
  '/api/v1/forms/{id}/publish',
  // A form's media file is keyed by its version and name: sent again, it replaces the file.
  '/api/v1/forms/{id}/media',
  '/openrosa/submission',
  '/openrosa/key/{token}/submission',
]);

// Records named by their code, not their id: `id` names the request only.
const CODE_KEYED = new Set(['/api/v1/indicators', '/api/v1/report-templates']);

const count = (r) => {
  assert.equal(r.status, 200, r.text);
  return r.json.total ?? r.json.items.length;
};

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, village, tehsil, household, institution, activity, training, books, visit;
    let meeting;
    const creates = {};

    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      tehsil = await areaByCode(admin, 'P1-D1-T1');
      const post = async (path, body) => {
        const r = await admin.post(path, body);
        assert.equal(r.status, 201, `${path}: ${r.text}`);
        return r.json;
      };
      household = await post('/api/v1/households', {
        area_id: village.id,
        head_name: 'Idem Head',
        people: [{ name: 'Idem Head', sex: 'f', relation: 'head', age: 40 }],
      });
      institution = await post('/api/v1/institutions', {
        area_id: village.id,
        type: 'CO',
        name: 'Idem CO',
        sex_composition: 'women',
        formed_on: '2024-01-01',
      });
      activity = await post('/api/v1/activities', {
        type: 'home_visit',
        held_on: '2026-01-10',
        area_id: village.id,
        counts: [{ sex: 'f', age_band: '18-59', count: 3 }],
      });
      const course = await post('/api/v1/courses', {
        code: `IDEM-${uniq()}`,
        title: 'Idem course',
        audience: 'community',
        duration_hours: 1,
        test_max: 10,
      });
      training = await post('/api/v1/activities', {
        type: 'training',
        course_id: course.id,
        held_on: '2026-01-10',
        area_id: village.id,
        attendance: [{ person_id: household.head_person_id, pre_score: 2, post_score: 6 }],
      });
      // A group keeping books: a CO with one member.
      const saver = await post('/api/v1/households', {
        area_id: village.id,
        head_name: 'Idem Saver',
        people: [{ name: 'Idem Saver', sex: 'f', relation: 'head', age: 35 }],
      });
      const group = await post('/api/v1/institutions', {
        area_id: village.id,
        type: 'CO',
        name: 'Idem books CO',
        sex_composition: 'women',
        formed_on: '2024-01-01',
      });
      const saverMember = await post(`/api/v1/institutions/${group.id}/members`, {
        household_id: saver.id,
        role: 'member',
        joined_on: '2024-01-01',
      });
      books = async (what) =>
        (await admin.get(`/api/v1/institutions/${group.id}/books`)).json[what].length;
      visit = await post('/api/v1/supervision-visits', {
        area_id: village.id,
        visited_on: '2026-01-11',
      });
      meeting = await post('/api/v1/review-meetings', {
        area_id: village.id,
        held_on: '2026-01-11',
        kind: 'monthly',
      });
      const g = (path) => async () => count(await admin.get(path));
      // Per create: a body made from `k` (same k, same content), and how many records its
      // collection holds.
      Object.assign(creates, {
        '/api/v1/areas': {
          body: (k) => ({ parent_id: village.id, code: `IDEM-A-${k}`, name: `Area ${k}` }),
          count: g(`/api/v1/areas/${village.id}/children?limit=500`),
        },
        '/api/v1/users': {
          body: (k) => ({
            username: `idem.${k}`,
            full_name: `Idem ${k}`,
            password: 'idem-pass-123',
            roles: [{ role: 'mobiliser', area_id: village.id }],
          }),
          count: g('/api/v1/users?limit=1'),
        },
        '/api/v1/institutions': {
          body: (k) => ({
            area_id: village.id,
            type: 'CO',
            name: `CO ${k}`,
            sex_composition: 'women',
            formed_on: '2024-01-01',
          }),
          count: g(`/api/v1/institutions?area=${village.id}&limit=1`),
        },
        '/api/v1/institutions/{id}/members': {
          path: () => `/api/v1/institutions/${institution.id}/members`,
          body: (k) => ({
            household_id: household.id,
            role: 'member',
            joined_on: `2024-01-${k.length > 6 ? '03' : '02'}`,
          }),
          count: g(`/api/v1/institutions/${institution.id}/members?all=true`),
        },
        '/api/v1/institutions/{id}/assessments': {
          path: () => `/api/v1/institutions/${institution.id}/assessments`,
          body: (k) => ({
            checklist: 'co_grading',
            assessed_on: '2026-01-05',
            notes: k,
            answers: Object.fromEntries(
              [
                'meetings',
                'attendance',
                'participation',
                'savings',
                'rules',
                'lending',
                'repayment',
                'records',
                'homogeneity',
                'poverty',
              ].map((q) => [q, 8]),
            ),
          }),
          count: g(`/api/v1/institutions/${institution.id}/assessments`),
        },
        '/api/v1/households': {
          body: (k, id) => ({
            area_id: village.id,
            head_name: `Head ${k}`,
            people: [
              { id: id && personIdOf(id), name: `Head ${k}`, sex: 'm', relation: 'head', age: 30 },
            ],
          }),
          count: g(`/api/v1/households?area=${village.id}&limit=1`),
        },
        '/api/v1/households/{id}/people': {
          path: () => `/api/v1/households/${household.id}/people`,
          body: (k) => ({ name: `Child ${k}`, sex: 'f', relation: 'daughter', age: 8 }),
          count: g(`/api/v1/households/${household.id}/people`),
        },
        '/api/v1/activities': {
          body: (k) => ({
            type: 'home_visit',
            held_on: '2026-01-11',
            area_id: village.id,
            title: `Visit ${k}`,
            counts: [{ sex: 'm', age_band: '18-59', count: 2 }],
          }),
          count: g(`/api/v1/activities?area=${village.id}&limit=1`),
        },
        '/api/v1/activities/{id}/files': {
          raw: true,
          path: (k) => `/api/v1/activities/${activity.id}/files?filename=sheet-${k}.png`,
          body: () => pngOf(4, 4),
          count: g(`/api/v1/activities/${activity.id}/files`),
        },
        '/api/v1/feedback': {
          body: (k) => ({
            area_id: village.id,
            channel: 'hotline',
            category: 'suggestion',
            description: `Feedback ${k}`,
          }),
          count: g(`/api/v1/feedback?area=${village.id}&limit=1`),
        },
        '/api/v1/courses': {
          body: (k) => ({
            code: `IDEM-C-${k}`,
            title: `Course ${k}`,
            audience: 'staff',
            duration_hours: 2,
          }),
          count: g('/api/v1/courses'),
        },
        '/api/v1/training-needs': {
          body: (k) => ({
            area_id: village.id,
            institution_id: institution.id,
            need: `Need ${k}`,
            priority: 'high',
            assessed_on: '2026-01-01',
          }),
          count: g(`/api/v1/training-needs?area=${village.id}&limit=1`),
        },
        '/api/v1/training-plans': {
          body: (k) => ({
            course_id: course.id,
            area_id: village.id,
            period: '2026Q2',
            planned_events: k.length,
            planned_participants: 5,
          }),
          count: g(`/api/v1/training-plans?area=${village.id}&limit=1`),
        },
        '/api/v1/trainings/{id}/followups': {
          path: () => `/api/v1/trainings/${training.id}/followups`,
          body: (k) => ({
            person_id: household.head_person_id,
            followed_on: '2026-02-01',
            applies: 'yes',
            notes: k,
          }),
          count: g(`/api/v1/trainings/${training.id}/followups`),
        },
        '/api/v1/supervision-visits': {
          body: (k) => ({ area_id: village.id, visited_on: '2026-01-12', observations: k }),
          count: g(`/api/v1/supervision-visits?area=${village.id}&limit=1`),
        },
        '/api/v1/supervision-visits/{id}/actions': {
          path: () => `/api/v1/supervision-visits/${visit.id}/actions`,
          body: (k) => ({ what: `Action ${k}`, assignee_id: admin.user.id, due_on: '2026-02-01' }),
          count: g(`/api/v1/supervision-actions?visit=${visit.id}&limit=1`),
        },
        '/api/v1/review-meetings': {
          body: (k) => ({ area_id: village.id, held_on: '2026-01-12', kind: 'weekly', agenda: k }),
          count: g(`/api/v1/review-meetings?area=${village.id}&limit=1`),
        },
        '/api/v1/review-meetings/{id}/actions': {
          path: () => `/api/v1/review-meetings/${meeting.id}/actions`,
          body: (k) => ({ what: `Point ${k}`, assignee_id: admin.user.id, due_on: '2026-02-01' }),
          count: g(`/api/v1/supervision-actions?meeting=${meeting.id}&limit=1`),
        },
        '/api/v1/indicators': {
          body: (k) => ({
            code: `IDEM_${k.toUpperCase()}`,
            name: `Idem ${k}`,
            record: 'activity',
            measure: 'count',
          }),
          count: g('/api/v1/indicators'),
        },
        '/api/v1/targets': {
          body: (k) => ({
            indicator_code: 'ACTIVITIES',
            area_id: village.id,
            period: '2026-03',
            value: k.length,
          }),
          count: g(`/api/v1/targets?area=${village.id}&limit=1`),
        },
        '/api/v1/report-templates': {
          body: (k) => ({
            code: `IDEM_T_${k.toUpperCase()}`,
            name: `Template ${k}`,
            period_kind: 'month',
            items: [{ section: 'Reach', indicator_code: 'ACTIVITIES', by: [] }],
          }),
          count: g('/api/v1/report-templates'),
        },
        '/api/v1/areas/{id}/profile': {
          path: () => `/api/v1/areas/${village.id}/profile`,
          body: (k) => ({ as_of: '2026-01-20', hazards: [`Hazard ${k}`] }),
          count: async () => {
            const r = await admin.get(`/api/v1/areas/${village.id}/profile`);
            assert.equal(r.status, 200, r.text);
            return r.json.versions.length;
          },
        },
        '/api/v1/risks': {
          body: (k) => ({
            area_id: village.id,
            category: 'social',
            description: `Risk ${k}`,
            likelihood: 2,
            impact: k.length % 5 || 1,
            trend: 'stable',
            next_review_on: '2026-12-31',
          }),
          count: g(`/api/v1/risks?area=${village.id}&limit=1`),
        },
        '/api/v1/reports': {
          body: (k) => ({
            template_code: 'MPR',
            area_id: tehsil.id,
            period: '2025-10',
            include_unverified: k.length > 6,
          }),
          count: g(`/api/v1/reports?area=${tehsil.id}&limit=1`),
        },
      });
      Object.assign(creates, {
        '/api/v1/institutions/{id}/book-rules': {
          path: () => `/api/v1/institutions/${group.id}/book-rules`,
          body: (k) => ({
            effective_from: '2025-01-01',
            saving_amount: 100 * k.length,
            saving_frequency: 'monthly',
            interest_rule: 'flat',
            interest_bp: 100,
          }),
          count: () => books('rules'),
        },
        '/api/v1/institutions/{id}/meetings': {
          path: () => `/api/v1/institutions/${group.id}/meetings`,
          body: (k) => ({
            held_on: '2026-01-05',
            opening_cash: 0,
            closing_cash: 100 * k.length,
            members: [
              { membership_id: saverMember.id, present: true, compulsory_saving: 100 * k.length },
            ],
          }),
          count: () => books('meetings'),
        },
      });
      Object.assign(creates, {
        '/api/v1/work-plans': {
          body: (k) => ({
            kind: 'month',
            period: '2027-03',
            items: [{ day: '2027-03-05', area_id: village.id, purpose: 'visit', note: k }],
          }),
          count: g('/api/v1/work-plans?limit=1'),
        },
        '/api/v1/diaries': {
          body: (k) => ({ day: '2025-11-03', field_day: false, text: `Office ${k}` }),
          count: g('/api/v1/diaries?limit=1'),
        },
      });
      for (const [pattern, spec] of Object.entries(creates)) spec.path ??= () => pattern;
    });
    after(async () => {
      await srv?.stop();
    });

    // The id a test gives the new household's head: derived from the household's, so a retry
    // sends the same body.
    const personIdOf = (id) => id.slice(0, -12) + 'aaaaaaaaaaaa';

    const send = (spec, k, id, extra = {}) => {
      const path = spec.path(k);
      if (spec.raw)
        return admin.request('POST', `${path}${id ? `&id=${id}` : ''}`, spec.body(k), {
          raw: true,
          headers: { 'content-type': 'image/png' },
        });
      return admin.post(path, { ...spec.body(k, id), ...(id ? { id } : {}), ...extra });
    };

    test('every POST route is a create with a body here or listed as not a create', async () => {
      const doc = (await admin.get('/api/v1/openapi.json')).json;
      for (const [pattern, ops] of Object.entries(doc.paths)) {
        if (!ops.post) continue;
        const create = !NOT_CREATES.has(pattern);
        assert.ok(!create || creates[pattern], `${pattern}: a create without a body in this test`);
        assert.equal(Boolean(ops.post.responses['409']), create, `${pattern}: 409 documented`);
        if (!create) continue;
        if (creates[pattern].raw)
          assert.ok(
            ops.post.parameters.some((p) => p.name === 'id' && p.in === 'query'),
            `${pattern}: ?id= documented`,
          );
        else
          assert.ok(
            ops.post.requestBody.content['application/json'].schema.properties.id,
            `${pattern}: id in the request schema`,
          );
      }
    });

    test('every create: a retry is answered as the first time, other content 409, a bad id 400', async () => {
      for (const [pattern, spec] of Object.entries(creates)) {
        const where = (s) => `${pattern}: ${s}`;
        const id = randomUUID();
        const k = uniq();
        const before = await spec.count();
        const first = await send(spec, k, id);
        assert.equal(first.status, 201, where(first.text));
        assert.equal(first.headers.get('idempotent-replayed'), null, where('first not replayed'));
        if (!CODE_KEYED.has(pattern)) assert.equal(first.json.id, id, where('the client id kept'));
        const again = await send(spec, k, id);
        assert.equal(again.status, 201, where(again.text));
        assert.equal(again.headers.get('idempotent-replayed'), 'true', where('replayed'));
        assert.deepEqual(again.json, first.json, where('the same answer'));
        assert.equal(await spec.count(), before + 1, where('exactly one record'));

        const other = await send(spec, k + 'x', id);
        assert.equal(other.status, 409, where(other.text));
        assert.equal(other.json.error.fields.id, 'already used for a different record');
        const elsewhere = await admin.post('/api/v1/courses', {
          ...creates['/api/v1/courses'].body(uniq()),
          id,
        });
        assert.equal(elsewhere.status, 409, where('another route'));
        for (const bad of ['not-a-uuid', id.toUpperCase()]) {
          const r = await send(spec, uniq(), bad);
          assert.equal(r.status, 400, where(r.text));
          assert.ok(r.json.error.fields.id, where(r.text));
        }
        assert.equal(await spec.count(), before + 1, where('nothing more made'));
      }
    });

    test('key order and layout of the body do not matter; another user gets 409', async () => {
      const id = randomUUID();
      const body = creates['/api/v1/courses'].body(uniq());
      const first = await admin.post('/api/v1/courses', { id, ...body });
      assert.equal(first.status, 201, first.text);
      const reordered = JSON.stringify(
        { ...Object.fromEntries(Object.entries(body).reverse()), id },
        null,
        2,
      );
      const again = await admin.request('POST', '/api/v1/courses', reordered, {
        raw: true,
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(again.status, 201, again.text);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      const manager = await login(srv.base, 'manager.d1');
      const r = await manager.post('/api/v1/courses', { id, ...body });
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.error.fields.id, 'already used for a different record');
    });

    test('two identical requests at once: one record, both answered alike', async () => {
      const spec = creates['/api/v1/households'];
      const before = await spec.count();
      const id = randomUUID();
      const k = uniq();
      const answers = await Promise.all([1, 2, 3].map(() => send(spec, k, id)));
      for (const r of answers) {
        assert.equal(r.status, 201, r.text);
        assert.deepEqual(r.json, answers[0].json);
      }
      assert.equal(answers.filter((r) => !r.headers.get('idempotent-replayed')).length, 1);
      assert.equal(await spec.count(), before + 1);
      const people = (await admin.get(`/api/v1/households/${id}/people`)).json.items;
      assert.deepEqual(
        people.map((p) => p.id),
        [personIdOf(id)],
      );
    });

    test("a child's id: kept, and a taken one refused with its field", async () => {
      const spec = creates['/api/v1/households'];
      const before = await spec.count();
      const taken = household.head_person_id;
      const r = await admin.post('/api/v1/households', {
        ...spec.body(uniq()),
        id: randomUUID(),
        people: [{ id: taken, name: 'Copy', sex: 'f', relation: 'head', age: 20 }],
      });
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.error.fields['people[0].id'], 'already used for a different record');
      const bad = await admin.post('/api/v1/households', {
        ...spec.body(uniq()),
        people: [{ id: 'nope', name: 'Bad', sex: 'f', relation: 'head', age: 20 }],
      });
      assert.equal(bad.status, 400, bad.text);
      assert.ok(bad.json.error.fields['people[0].id'], bad.text);
      assert.equal(await spec.count(), before);
    });

    test('a file upload repeated after a lost answer is one file', async () => {
      const spec = creates['/api/v1/activities/{id}/files'];
      const before = await spec.count();
      const id = randomUUID();
      const first = await send(spec, 'sheet', id);
      const again = await send(spec, 'sheet', id);
      assert.equal(first.status, 201, first.text);
      assert.equal(again.headers.get('idempotent-replayed'), 'true');
      assert.equal(await spec.count(), before + 1);
      const renamed = await send(spec, 'other', id);
      assert.equal(renamed.status, 409, renamed.text);
      const bytes = await fetch(`${srv.base}/api/v1/files/${id}`, {
        headers: { cookie: admin.cookie },
      });
      assert.deepEqual(Buffer.from(await bytes.arrayBuffer()), pngOf(4, 4));
    });
  });
