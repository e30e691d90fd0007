// Walks EVERY route the server has (from its OpenAPI document) as users whose areas do not
// include province P1, aiming each at P1's records, and checks that nothing of P1 is returned
// and nothing of P1 changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode } from './support.mjs';

let srv,
  admin,
  p1,
  p1d1,
  p1user,
  p1village,
  p1household,
  p1institution,
  p1membership,
  p1feedback,
  p1activity,
  p1file;
let p1training, p1need, p1plan, p1followup, p1workplan, p1diary;
let p1meeting, p1loan, p1entry;
let p1visit, p1action, p1review, p1risk;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
  p1 = await areaByCode(admin, 'P1');
  p1d1 = await areaByCode(admin, 'P1-D1');
  p1user = (await admin.get('/api/v1/users?q=mobiliser.u1')).json.items[0];
  p1village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
  p1household = (
    await admin.post('/api/v1/households', {
      area_id: p1village.id,
      code: 'P1-HH-PROBE',
      head_name: 'Probe Head',
      people: [{ name: 'Probe Head', sex: 'f', relation: 'head', age: 40 }],
    })
  ).json;
  p1institution = (
    await admin.post('/api/v1/institutions', {
      area_id: p1village.id,
      code: 'P1-CO-PROBE',
      type: 'CO',
      name: 'Probe CO',
      sex_composition: 'women',
      formed_on: '2024-01-01',
    })
  ).json;
  p1membership = (
    await admin.post(`/api/v1/institutions/${p1institution.id}/members`, {
      household_id: p1household.id,
      role: 'member',
      joined_on: '2024-01-02',
    })
  ).json;
  p1feedback = (
    await admin.post('/api/v1/feedback', {
      area_id: p1village.id,
      channel: 'hotline',
      category: 'suggestion',
      description: 'Probe feedback',
      person_name: 'Probe Person',
    })
  ).json;
  p1activity = (
    await admin.post('/api/v1/activities', {
      type: 'home_visit',
      held_on: '2026-01-10',
      area_id: p1village.id,
      title: 'Probe visit',
      counts: [{ sex: 'f', age_band: '18-59', count: 3 }],
    })
  ).json;
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
    'hex',
  );
  p1file = (
    await admin.request(
      'POST',
      `/api/v1/activities/${p1activity.id}/files?filename=probe.png`,
      png,
      { raw: true, headers: { 'content-type': 'image/png' } },
    )
  ).json;
  // A training with a trainee's scores and a follow-up, a training need and a plan in P1.
  const course = (
    await admin.post('/api/v1/courses', {
      code: 'PROBE-C',
      title: 'Probe course',
      audience: 'community',
      duration_hours: 1,
      test_max: 10,
    })
  ).json;
  p1training = (
    await admin.post('/api/v1/activities', {
      type: 'training',
      course_id: course.id,
      held_on: '2026-01-10',
      area_id: p1village.id,
      attendance: [{ person_id: p1household.head_person_id, pre_score: 2, post_score: 6 }],
    })
  ).json;
  p1followup = (
    await admin.post(`/api/v1/trainings/${p1training.id}/followups`, {
      person_id: p1household.head_person_id,
      followed_on: '2026-02-01',
      applies: 'yes',
    })
  ).json;
  p1need = (
    await admin.post('/api/v1/training-needs', {
      area_id: p1village.id,
      institution_id: p1institution.id,
      need: 'Probe need',
      priority: 'high',
      assessed_on: '2026-01-01',
    })
  ).json;
  p1plan = (
    await admin.post('/api/v1/training-plans', {
      course_id: course.id,
      area_id: p1village.id,
      period: '2026Q1',
      planned_events: 1,
      planned_participants: 5,
    })
  ).json;
  assert.ok(
    p1household.id &&
      p1institution.id &&
      p1membership.id &&
      p1feedback.id &&
      p1activity.id &&
      p1file.id,
    'P1 records created',
  );
  assert.ok(
    p1training.id && p1followup.id && p1need.id && p1plan.id,
    'P1 training records created',
  );
  // The probe CO's books: a meeting with a saving and a loan.
  p1meeting = (
    await admin.post(`/api/v1/institutions/${p1institution.id}/meetings`, {
      held_on: '2026-01-10',
      opening_cash: 0,
      closing_cash: 100,
      members: [
        {
          membership_id: p1membership.id,
          present: true,
          compulsory_saving: 500,
          new_loan: {
            purpose: 'livestock',
            principal: 400,
            instalments: 2,
            interest_rule: 'flat',
            interest_bp: 100,
          },
        },
      ],
    })
  ).json;
  const p1books = (await admin.get(`/api/v1/institutions/${p1institution.id}/books`)).json;
  p1loan = p1books.loans[0];
  p1entry = (await admin.get(`/api/v1/institutions/${p1institution.id}/ledger`)).json.items[0];
  assert.ok(p1meeting.id && p1loan.id && p1entry.id, 'P1 books created');
  // A P1 mobiliser's own month plan and diary.
  const p1mob = await login(srv.base, 'mobiliser.u1');
  p1workplan = (
    await p1mob.post('/api/v1/work-plans', {
      kind: 'month',
      period: '2026-01',
      items: [{ day: '2026-01-05', area_id: p1village.id, purpose: 'visit', note: 'Probe plan' }],
    })
  ).json;
  p1diary = (
    await p1mob.post('/api/v1/diaries', {
      day: '2026-01-05',
      area_ids: [p1village.id],
      text: 'Probe diary',
    })
  ).json;
  assert.ok(p1workplan.id && p1diary.id, 'P1 plan and diary created');
  // A supervision visit of a P1 mobiliser with an agreed action.
  p1visit = (
    await admin.post('/api/v1/supervision-visits', {
      area_id: p1village.id,
      visited_on: '2026-01-12',
      staff_id: p1user.id,
      observations: 'Probe observations',
      actions: [{ what: 'Probe action', assignee_id: p1user.id, due_on: '2026-01-20' }],
    })
  ).json;
  p1action = p1visit.actions?.[0];
  // A review meeting of the P1 team with an action point.
  p1review = (
    await admin.post('/api/v1/review-meetings', {
      area_id: p1village.id,
      held_on: '2026-01-13',
      kind: 'weekly',
      attendee_ids: [p1user.id],
      minutes: 'Probe minutes',
      actions: [{ what: 'Probe point', assignee_id: p1user.id, due_on: '2026-01-20' }],
    })
  ).json;
  assert.ok(p1visit.id && p1action?.id && p1review?.id, 'P1 supervision records created');
  p1risk = (
    await admin.post('/api/v1/risks', {
      area_id: p1village.id,
      category: 'safety',
      description: 'Probe risk',
      likelihood: 2,
      impact: 3,
      trend: 'stable',
      next_review_on: '2026-01-01',
    })
  ).json;
  const profile = await admin.post(`/api/v1/areas/${p1d1.id}/profile`, {
    as_of: '2026-01-01',
    hazards: ['Probe hazard'],
  });
  assert.ok(p1risk.id && profile.status === 201, 'P1 risk and profile created');
});
after(async () => {
  await srv?.stop();
});

// Everything of P1 an outsider must neither see nor change.
async function snapshotP1() {
  const areas = [];
  for (let offset = 0; ; offset += 500) {
    const r = (await admin.get(`/api/v1/areas?q=P1&limit=500&offset=${offset}`)).json;
    areas.push(...r.items);
    if (areas.length >= r.total) break;
  }
  const users = (await admin.get(`/api/v1/users?area=${p1.id}&limit=500`)).json.items;
  const households = (await admin.get(`/api/v1/households?area=${p1.id}&limit=500`)).json;
  const institutions = (await admin.get(`/api/v1/institutions?area=${p1.id}&limit=500`)).json;
  const household = (await admin.get(`/api/v1/households/${p1household.id}`)).json;
  const members = (await admin.get(`/api/v1/institutions/${p1institution.id}/members?all=true`))
    .json;
  const feedback = (await admin.get(`/api/v1/feedback/${p1feedback.id}`)).json;
  const activity = (await admin.get(`/api/v1/activities/${p1activity.id}`)).json;
  const files = (await admin.get(`/api/v1/activities/${p1activity.id}/files`)).json;
  const training = (await admin.get(`/api/v1/activities/${p1training.id}`)).json;
  const trainees = (await admin.get(`/api/v1/trainings/${p1training.id}/trainees`)).json;
  const followups = (await admin.get(`/api/v1/trainings/${p1training.id}/followups`)).json;
  const needs = (await admin.get(`/api/v1/training-needs?area=${p1.id}&limit=500`)).json;
  const plans = (await admin.get(`/api/v1/training-plans?area=${p1.id}&limit=500`)).json;
  const books = (await admin.get(`/api/v1/institutions/${p1institution.id}/books`)).json;
  const ledger = (await admin.get(`/api/v1/institutions/${p1institution.id}/ledger`)).json;
  const workplan = (await admin.get(`/api/v1/work-plans/${p1workplan.id}`)).json;
  const diary = (await admin.get(`/api/v1/diaries/${p1diary.id}`)).json;
  const visit = (await admin.get(`/api/v1/supervision-visits/${p1visit.id}`)).json;
  const meeting = (await admin.get(`/api/v1/review-meetings/${p1review.id}`)).json;
  const risk = (await admin.get(`/api/v1/risks/${p1risk.id}`)).json;
  const profile = (await admin.get(`/api/v1/areas/${p1d1.id}/profile`)).json;
  return JSON.stringify({
    books,
    ledger,
    workplan,
    diary,
    visit,
    meeting,
    areas: areas.sort((a, b) => a.id.localeCompare(b.id)),
    users,
    households,
    institutions,
    household,
    members,
    feedback,
    activity,
    files,
    training,
    trainees,
    followups,
    needs,
    plans,
    risk,
    profile,
  });
}

function bodyFor(method, pattern) {
  if (pattern === '/api/v1/session' && method === 'post')
    return { username: 'mobiliser.u1', password: 'wrong-password' };
  if (pattern.startsWith('/api/v1/session/password'))
    return { current_password: 'wrong-password', new_password: 'whatever-123' };
  if (pattern.startsWith('/api/v1/tokens')) return { name: 'probe' };
  if (pattern.startsWith('/api/v1/users'))
    return method === 'post'
      ? {
          username: 'probe.user',
          full_name: 'Probe',
          password: 'probe-pass-1',
          roles: [{ role: 'admin', area_id: p1.id }],
        }
      : {
          version: p1user.version,
          full_name: 'Changed',
          roles: [{ role: 'admin', area_id: p1.id }],
        };
  if (pattern === '/api/v1/institutions')
    return { type: 'CO', area_id: p1village.id, name: 'Probe', sex_composition: 'women' };
  if (pattern === '/api/v1/institutions/{id}')
    return { version: p1institution.version, name: 'Changed' };
  if (pattern.endsWith('/members'))
    return { household_id: p1household.id, role: 'member', joined_on: '2024-02-01' };
  if (pattern.endsWith('/members/{membership_id}')) return { left_on: '2024-03-01' };
  if (pattern.endsWith('/assessments'))
    return { checklist: 'co_grading', assessed_on: '2024-03-01', answers: { meetings: 1 } };
  if (pattern === '/api/v1/households') return { area_id: p1village.id, head_name: 'Probe' };
  if (pattern === '/api/v1/households/{id}')
    return { version: p1household.version, head_name: 'Changed' };
  if (pattern.endsWith('/people')) return { name: 'Probe', sex: 'f', relation: 'daughter' };
  if (pattern.endsWith('/people/{person_id}')) return { version: 1, name: 'Changed' };
  if (pattern.endsWith('/merge')) return { other_id: p1household.id, version: p1household.version };
  if (pattern.startsWith('/api/v1/institution-types'))
    return { name: 'Probe', tier: 1, parent_types: [], member_kind: 'household' };
  if (pattern.startsWith('/api/v1/poverty-bands'))
    return { bands: [{ code: 'all', name: 'All', lower_bound: 0, poor: true }] };
  if (pattern.startsWith('/api/v1/checklists'))
    return {
      name: 'Probe',
      institution_types: ['CO'],
      items: [{ code: 'a', name: 'a', max_score: 1 }],
      grades: [{ grade: 'A', min_percent: 0 }],
    };
  if (pattern.startsWith('/api/v1/registry-options')) return [{ code: 'member', name: 'Member' }];
  if (pattern === '/api/v1/feedback')
    return {
      area_id: p1village.id,
      channel: 'hotline',
      category: 'suggestion',
      description: 'Probe',
    };
  if (pattern === '/api/v1/feedback/{id}') return { version: 1, description: 'Changed' };
  if (pattern.startsWith('/api/v1/feedback/{id}/'))
    return {
      version: 1,
      assigned_to: p1user.id,
      referred_to: 'x',
      response: 'x',
      loop_closed_by: 'phone',
    };
  if (pattern === '/api/v1/activities')
    return {
      type: 'home_visit',
      held_on: '2026-01-10',
      area_id: p1village.id,
      counts: [{ sex: 'f', age_band: '18-59', count: 1 }],
    };
  if (pattern === '/api/v1/activities/{id}')
    return { version: 1, title: 'Changed', correction_reason: 'x' };
  if (pattern.startsWith('/api/v1/activities/{id}/')) return { version: 1, comment: 'x' };
  if (pattern === '/api/v1/trainings/{id}/trainees')
    return {
      version: p1training.version,
      correction_reason: 'x',
      trainees: [{ person_id: p1household.head_person_id, pre_score: 1, post_score: 1 }],
    };
  if (pattern.startsWith('/api/v1/trainings/{id}/followups'))
    return method === 'post'
      ? { person_id: p1household.head_person_id, followed_on: '2026-02-02', applies: 'no' }
      : { version: 1, applies: 'no' };
  if (pattern.startsWith('/api/v1/training-needs'))
    return method === 'post'
      ? {
          area_id: p1village.id,
          institution_id: p1institution.id,
          need: 'x',
          priority: 'low',
          assessed_on: '2026-01-01',
        }
      : { version: 1, priority: 'low' };
  if (pattern.startsWith('/api/v1/training-plans'))
    return method === 'post'
      ? {
          course_id: p1plan.course_id,
          area_id: p1village.id,
          period: '2026Q1',
          planned_events: 9,
          planned_participants: 9,
        }
      : { version: 1, planned_events: 9 };
  if (pattern.startsWith('/api/v1/work-plans'))
    return method === 'post' && pattern === '/api/v1/work-plans'
      ? {
          owner_id: p1user.id,
          kind: 'month',
          period: '2026-02',
          items: [{ day: '2026-02-05', area_id: p1village.id, purpose: 'visit' }],
        }
      : {
          version: 1,
          comment: 'x',
          reason: 'x',
          items: [{ day: '2026-01-06', area_id: p1village.id, purpose: 'visit' }],
        };
  if (pattern.startsWith('/api/v1/diaries'))
    return {
      version: 1,
      user_id: p1user.id,
      day: '2026-01-07',
      area_ids: [p1village.id],
      accept: true,
      comment: 'x',
    };
  if (pattern === '/api/v1/courses/{id}') return { version: 1, title: 'Changed' };
  if (pattern.endsWith('/meetings'))
    return {
      held_on: '2026-02-10',
      opening_cash: 100,
      closing_cash: 200,
      members: [{ membership_id: p1membership.id, compulsory_saving: 100 }],
    };
  if (pattern.endsWith('/book-rules'))
    return {
      effective_from: '2026-01-01',
      saving_amount: 100,
      saving_frequency: 'monthly',
      interest_rule: 'flat',
      interest_bp: 100,
    };
  if (pattern.startsWith('/api/v1/member-loans/'))
    return { version: p1loan.version, reason: 'probe', instalments: 2, first_due_on: '2099-01-01' };
  if (pattern.startsWith('/api/v1/ledger-entries/')) return { reason: 'probe' };
  if (pattern === '/api/v1/supervision-visits')
    return { area_id: p1village.id, visited_on: '2026-01-12', staff_id: p1user.id };
  if (pattern === '/api/v1/supervision-visits/{id}') return { version: 1, feedback: 'Changed' };
  if (pattern.startsWith('/api/v1/supervision-visits/{id}/actions'))
    return { what: 'x', assignee_id: p1user.id, due_on: '2026-02-01' };
  if (pattern === '/api/v1/review-meetings')
    return { area_id: p1village.id, held_on: '2026-01-13', kind: 'weekly' };
  if (pattern === '/api/v1/review-meetings/{id}') return { version: 1, minutes: 'Changed' };
  if (pattern.startsWith('/api/v1/review-meetings/{id}/actions'))
    return { what: 'x', assignee_id: p1user.id, due_on: '2026-02-01' };
  if (pattern === '/api/v1/supervision-actions/{id}') return { version: 1, what: 'Changed' };
  if (pattern.startsWith('/api/v1/supervision-actions/{id}/')) return { version: 1, note: 'x' };
  if (pattern === '/api/v1/areas/{id}/profile')
    return { as_of: '2026-01-02', hazards: ['Changed'], strengths: ['Changed'] };
  if (pattern === '/api/v1/risks')
    return {
      area_id: p1village.id,
      category: 'safety',
      description: 'Changed',
      likelihood: 5,
      impact: 5,
      trend: 'rising',
      next_review_on: '2026-02-01',
    };
  if (pattern === '/api/v1/risks/{id}') return { version: 1, likelihood: 5, impact: 5 };
  if (pattern.startsWith('/api/v1/areas'))
    return method === 'post'
      ? { parent_id: p1.id, code: 'PROBE-1', name: 'Probe' }
      : { version: p1d1.version, name: 'Changed', parent_id: p1.id };
  return {};
}

function pathFor(pattern) {
  // The P1 record each parameterised route is aimed at, by the route's prefix.
  const probes = [
    ['/api/v1/users', p1user.id],
    ['/api/v1/households', p1household.id],
    ['/api/v1/feedback', p1feedback.id],
    ['/api/v1/activities', p1activity.id],
    ['/api/v1/files', p1file.id],
    ['/api/v1/trainings/', p1training.id],
    ['/api/v1/training-needs/', p1need.id],
    ['/api/v1/training-plans/', p1plan.id],
    ['/api/v1/work-plans/', p1workplan.id],
    ['/api/v1/diaries/', p1diary.id],
    ['/api/v1/institutions/', p1institution.id],
    ['/api/v1/book-meetings/', p1meeting.id],
    ['/api/v1/member-loans/', p1loan.id],
    ['/api/v1/ledger-entries/', p1entry.id],
    ['/api/v1/supervision-visits/', p1visit.id],
    ['/api/v1/review-meetings/', p1review.id],
    ['/api/v1/supervision-actions/', p1action.id],
    ['/api/v1/risks/', p1risk.id],
  ];
  const id = (probes.find(([prefix]) => pattern.startsWith(prefix)) ?? [null, p1d1.id])[1];
  if (pattern === '/api/v1/book-report-card') return `${pattern}?area=${p1d1.id}&month=2026-01`;
  if (pattern === '/api/v1/institutions/{id}/report-card')
    return `/api/v1/institutions/${p1institution.id}/report-card?month=2026-01`;
  if (pattern.startsWith('/api/v1/indicators/{code}/'))
    // a real indicator, aimed at P1's area
    return pattern.replace('{code}', 'REACH') + `?area=${p1d1.id}&period=2026`;
  return pattern
    .replace('{membership_id}', p1membership.id)
    .replace('{person_id}', p1household.head_person_id)
    .replace('{followup_id}', p1followup.id)
    .replace('{code}', 'CO')
    .replace('{effective_from}', '2000-01-01')
    .replace('{list}', 'member_role')
    .replace(/\{[^}]+\}/g, id);
}

// A file aimed under P1 for each import route.
function importFor(pattern) {
  if (pattern.startsWith('/api/v1/households'))
    return 'household_code,area_code,head_name\nPROBE-HH,P1-D1-T1-U1-V1,Probe\n';
  if (pattern.startsWith('/api/v1/institutions'))
    return 'code,type,area_code,name,sex_composition\nPROBE-CO,CO,P1-D1-T1-U1-V1,Probe,women\n';
  if (pattern.startsWith('/api/v1/users'))
    // a P1 user given a role and a P1 supervisor; a new user with a P1 role
    return (
      'username,full_name,role,area_code,supervisor\n' +
      'mobiliser.u1,Probe Person,mobiliser,P1-D1,officer.t1\n' +
      'probe.user,Probe Person,mobiliser,P1-D1,\n'
    );
  return 'code,name,parent_code\nPROBE-9,Probe,P1-D1\n';
}

const p1Codes = (text) =>
  /"code":"P1[-"]/.test(text) ||
  /"code":"PK"/.test(text) ||
  /Probe (Head|CO|feedback|Person|visit|need|plan|diary|observations|action|risk|hazard)/.test(
    text,
  );

for (const outsider of ['mobiliser.u2', 'admin.p2']) {
  test(`every route, as ${outsider}: nothing of P1 returned or changed`, async () => {
    const c = await login(srv.base, outsider);
    const doc = (await c.get('/api/v1/openapi.json')).json;
    const before = await snapshotP1();
    let checked = 0;
    for (const [pattern, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        if (pattern === '/api/v1/session' && method === 'delete') continue; // would end our own session
        if (pattern.startsWith('/openrosa/')) continue; // device keys: openrosa_conformance.test.mjs
        const path = pathFor(pattern);
        let r;
        if (pattern.endsWith('/import')) {
          // a file aimed under P1
          r = await c.request('POST', `${path}?dry_run=false`, importFor(pattern), {
            raw: true,
            headers: { 'content-type': 'text/csv' },
          });
          if (r.status === 200) {
            assert.equal(r.json.created, 0, r.text);
            assert.equal(r.json.ok, false, r.text);
          }
        } else {
          const body = method === 'get' ? undefined : bodyFor(method, pattern);
          r = await c.request(method.toUpperCase(), path, body);
        }
        checked++;
        const where = `${method.toUpperCase()} ${pattern} -> ${r.status}`;
        assert.ok(r.status < 500, where);
        if (method !== 'get') {
          if (pattern === '/api/v1/tokens')
            assert.equal(r.status, 201, where); // their own token
          else if (!pattern.endsWith('/import') || r.status !== 200)
            assert.ok([400, 401, 403, 404].includes(r.status), `${where}: ${r.text}`);
        } else if (pattern.includes('{')) {
          assert.equal(r.status, 404, where);
        }
        assert.ok(!p1Codes(r.text), `${where} leaked P1: ${r.text.slice(0, 300)}`);
        assert.ok(
          ![
            p1d1.id,
            p1user.id,
            p1household.id,
            p1institution.id,
            p1village.id,
            p1feedback.id,
            p1activity.id,
            p1file.id,
            p1training.id,
            p1need.id,
            p1plan.id,
            p1followup.id,
            p1meeting.id,
            p1loan.id,
            p1entry.id,
            p1workplan.id,
            p1diary.id,
            p1visit.id,
            p1action.id,
            p1review.id,
            p1risk.id,
          ].some((x) => r.text.includes(x)),
          `${where} leaked an id`,
        );
      }
    }
    assert.ok(checked >= 15, `only ${checked} routes found`);
    // Filters aimed at P1 answer nothing.
    assert.equal((await c.get(`/api/v1/areas?parent=${p1.id}`)).status, 404);
    assert.equal((await c.get('/api/v1/areas?q=P1-')).json.total, 0);
    const u = await c.get(`/api/v1/users?area=${p1.id}`);
    assert.ok([400, 403].includes(u.status));
    const audit = await c.get(`/api/v1/audit?entity_id=${p1d1.id}`);
    assert.ok(audit.status === 403 || audit.json.total === 0);
    assert.equal(await snapshotP1(), before, 'P1 changed');
  });
}

// Every field that names a user (an activity's facilitators, a training need's staff member, a
// feedback case's assignee) takes only users in the caller's areas: a P1 user named from P2 is
// refused on that field, as "no such ... in your areas", and their name never comes back.
test('reference-to-user fields refuse users outside the caller’s areas', async () => {
  const p2village = await areaByCode(admin, 'P2-D1-T1-U1-V1');
  const p2u = await areaByCode(admin, 'P2-D1-T1-U1');
  const outsider = (await admin.get('/api/v1/users?q=mobiliser.u2')).json.items[0];
  // An officer of P2 (may assign feedback there).
  const officer = `officer.p2.${Date.now().toString(36)}`;
  const made = await admin.post('/api/v1/users', {
    username: officer,
    full_name: 'Probe Officer P2',
    password: 'probe-pass-1',
    roles: [{ role: 'officer', area_id: p2u.id }],
  });
  assert.equal(made.status, 201, made.text);
  const p1Full = (await admin.get(`/api/v1/users/${p1user.id}`)).json;
  const leaks = (text) => text.includes(p1Full.full_name) || text.includes(p1Full.username);

  const refused = (r, field, codes, where) => {
    assert.equal(r.status, 400, `${where}: ${r.text}`);
    assert.ok(r.json.error.fields[field], `${where} names ${field}: ${r.text}`);
    assert.ok(codes.includes(r.json.error.field_codes[field].code), `${where}: ${r.text}`);
    assert.ok(!leaks(r.text), `${where} leaked the user: ${r.text}`);
  };
  const activity = (facilitators) => ({
    type: 'home_visit',
    held_on: '2026-01-10',
    area_id: p2village.id,
    counts: [{ sex: 'f', age_band: '18-59', count: 1 }],
    facilitators,
  });

  for (const who of ['mobiliser.u2', 'admin.p2', officer]) {
    const c = await login(srv.base, who, who === officer ? 'probe-pass-1' : undefined);
    // Facilitators: on create and on change.
    let r = await c.post('/api/v1/activities', activity([{ user_id: p1user.id }]));
    refused(r, 'facilitators[0].user_id', ['no_such_in_scope'], `${who} POST facilitator`);
    const own = await c.post('/api/v1/activities', activity([{ user_id: outsider.id }]));
    assert.equal(own.status, 201, `${who}: a P2 facilitator is fine: ${own.text}`);
    r = await c.patch(`/api/v1/activities/${own.json.id}`, {
      version: own.json.version,
      facilitators: [{ name: 'Someone' }, { user_id: p1user.id }],
    });
    refused(r, 'facilitators[1].user_id', ['no_such_in_scope'], `${who} PATCH facilitator`);
    // The staff member a training need is about.
    r = await c.post('/api/v1/training-needs', {
      area_id: p2village.id,
      user_id: p1user.id,
      need: 'Probe',
      priority: 'low',
      assessed_on: '2026-01-01',
    });
    if (r.status !== 403)
      refused(r, 'user_id', ['no_such_in_scope'], `${who} POST training need staff`);
    // The assignee of a feedback case.
    const fb = await c.post('/api/v1/feedback', {
      area_id: p2village.id,
      channel: 'hotline',
      category: 'suggestion',
      description: 'Probe P2',
    });
    if (fb.status === 201) {
      r = await c.post(`/api/v1/feedback/${fb.json.id}/assign`, {
        version: fb.json.version,
        assigned_to: p1user.id,
      });
      if (r.status !== 403)
        refused(
          r,
          'assigned_to',
          ['must_be_feedback_staff', 'no_such_in_scope'],
          `${who} assign feedback`,
        );
    }
  }
});
