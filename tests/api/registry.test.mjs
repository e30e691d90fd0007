// The registry: households and people, institutions, memberships, assessments, duplicates,
// merge, roll-ups, imports, configuration — against the real server.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
function xlsx(rows) {
  const out = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'households.xlsx');
  execFileSync('python3', [join(here, 'fixtures', 'make_xlsx.py'), out], {
    input: JSON.stringify(rows),
  });
  return readFileSync(out);
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let srv, admin, mob, village, village2, uc;

const today = new Date().toISOString().slice(0, 10);
const person = (extra = {}) => ({
  name: `P ${uniq()}`,
  sex: 'f',
  relation: 'daughter',
  age: 20,
  ...extra,
});

async function household(client, extra = {}) {
  const r = await client.post('/api/v1/households', {
    area_id: village.id,
    head_name: `Head ${uniq()}`,
    head_father_name: `Father ${uniq()}`,
    psc_score: 14.5,
    psc_date: '2024-05-01',
    psc_source: 'NSER',
    people: [
      person({ relation: 'head', sex: 'f', age: 40 }),
      person({ sex: 'm', relation: 'son', age: 12 }),
    ],
    ...extra,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      village2 = await areaByCode(admin, 'P1-D1-T1-U1-V2');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
    });
    after(async () => {
      await srv?.stop();
    });
    test('a household with people: band, flags, disability, age, head', async () => {
      const h = await household(mob, {
        people: [
          { name: 'Old Head', relation: 'head', sex: 'f', birth_date: '1950-02-03' },
          person({
            sex: 'm',
            relation: 'son',
            age: 30,
            displacement: 'idp',
            wg: {
              seeing: 1,
              hearing: 1,
              mobility: 3,
              cognition: 1,
              self_care: 1,
              communication: 1,
            },
          }),
        ],
      });
      assert.equal(h.poverty_band, 'chronically_poor');
      assert.equal(h.poor, true);
      assert.deepEqual([...h.flags].sort(), [
        'disability',
        'displaced',
        'elderly_headed',
        'female_headed',
      ]);
      assert.equal(h.person_count, 2);
      assert.equal(h.people.length, 2);
      const head = h.people.find((p) => p.relation === 'head');
      assert.equal(h.head_person_id, head.id);
      const son = h.people.find((p) => p.relation === 'son');
      assert.equal(son.disability, true);
      assert.equal(son.age, 30);
      assert.equal(son.birth_date_estimated, true);
      const list = await mob.get(
        `/api/v1/households?area=${uc.id}&band=chronically_poor&flag=disability&limit=500`,
      );
      assert.equal(list.status, 200);
      assert.ok(list.json.items.some((x) => x.id === h.id));
      const detail = await mob.get(`/api/v1/households/${h.id}`);
      assert.equal(detail.json.people.length, 2);
    });

    test('bad input is named field by field and nothing is written', async () => {
      const before = (await admin.get(`/api/v1/households?area=${village.id}`)).json.total;
      const r = await admin.post('/api/v1/households', {
        area_id: village.id,
        head_name: 'X',
        psc_score: 120,
        psc_date: '2999-01-01',
        flags: ['nope'],
        people: [
          person({
            sex: 'q',
            wg: {
              seeing: 5,
              hearing: 1,
              mobility: 1,
              cognition: 1,
              self_care: 1,
              communication: 1,
            },
          }),
          person({ age: -3 }),
        ],
      });
      assert.equal(r.status, 400, r.text);
      const f = r.json.error.fields;
      assert.ok(f.psc_score && f.psc_date && f.flags, r.text);
      assert.ok(f['people[0].sex'] && f['people[0].wg.seeing'] && f['people[1].age'], r.text);
      const missing = await admin.post('/api/v1/households', {
        area_id: village.id,
        people: [{ name: 'a', sex: 'f', relation: 'head', wg: { seeing: 1 } }],
      });
      assert.equal(missing.status, 400);
      assert.ok(missing.json.error.fields['people[0].wg.hearing'], missing.text);
      assert.equal((await admin.get(`/api/v1/households?area=${village.id}`)).json.total, before);
    });

    test('national IDs: masked for a mobiliser, whole for an officer; duplicate needs confirmation', async () => {
      const nid = `${Date.now()}`.slice(-13);
      const h = await household(mob, { national_id: `${nid.slice(0, 5)}-${nid.slice(5)}` });
      assert.equal(h.national_id_masked, true);
      assert.match(h.national_id, /^\*+\d{4}$/);
      const officer = await login(srv.base, 'officer.t1');
      const seen = (await officer.get(`/api/v1/households/${h.id}`)).json;
      assert.equal(seen.national_id, nid);
      assert.equal(seen.national_id_masked, false);
      const dup = await mob.post('/api/v1/households', {
        area_id: village2.id,
        head_name: 'Someone',
        national_id: nid,
      });
      assert.equal(dup.status, 409, dup.text);
      assert.ok(dup.json.error.fields.national_id);
      const ok = await mob.post('/api/v1/households', {
        area_id: village2.id,
        head_name: 'Someone',
        national_id: nid,
        allow_duplicate: true,
      });
      assert.equal(ok.status, 201, ok.text);
      const pairs = (await admin.get(`/api/v1/households/duplicates?area=${uc.id}&limit=500`)).json;
      assert.ok(
        pairs.items.some((p) => p.reason === 'national_id' && [p.a.id, p.b.id].includes(h.id)),
        JSON.stringify(pairs).slice(0, 500),
      );
    });

    test('similar names in one village warn, appear for review, and merge keeps people and history', async () => {
      const a = await household(mob, {
        head_name: 'Gul Bibi Khan',
        head_father_name: 'Sher Muhammad',
      });
      const b = await household(mob, {
        head_name: 'Gul Bibi Kahn',
        head_father_name: 'Sher Mohammad',
      });
      assert.ok(
        b.warnings.some((w) => w.code === 'possible_duplicate' && w.household_id === a.id),
        JSON.stringify(b.warnings),
      );
      const pairs = (await mob.get(`/api/v1/households/duplicates?area=${village.id}&limit=500`))
        .json;
      assert.ok(
        pairs.items.some(
          (p) =>
            p.reason === 'similar_names' &&
            [p.a.id, p.b.id].includes(a.id) &&
            [p.a.id, p.b.id].includes(b.id),
        ),
      );
      const merged = await mob.post(`/api/v1/households/${a.id}/merge`, {
        other_id: b.id,
        version: a.version,
      });
      assert.equal(merged.status, 200, merged.text);
      assert.equal(merged.json.people.length, 4);
      assert.equal(merged.json.people.filter((p) => p.relation === 'head').length, 1);
      assert.equal((await mob.get(`/api/v1/households/${b.id}`)).status, 404);
      const audit = (await admin.get(`/api/v1/audit?entity=household&entity_id=${b.id}`)).json;
      assert.ok(audit.items.some((e) => e.action === 'merge'));
    });

    test('institutions: federation rules, members, size warnings, exclusivity, assessments, history', async () => {
      const vo = await admin.post('/api/v1/institutions', {
        type: 'VO',
        area_id: village.id,
        name: `VO ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2024-01-10',
        status: 'active',
      });
      assert.equal(vo.status, 201, vo.text);
      const lso = await admin.post('/api/v1/institutions', {
        type: 'LSO',
        area_id: uc.id,
        name: `LSO ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2024-01-01',
      });
      assert.equal(lso.status, 201, lso.text);
      // A CO cannot federate into an LSO; unknown types and future dates are refused.
      let r = await mob.post('/api/v1/institutions', {
        type: 'CO',
        area_id: village.id,
        name: 'x',
        sex_composition: 'women',
        parent_id: lso.json.id,
      });
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.parent_id, /cannot federate into a LSO/);
      r = await mob.post('/api/v1/institutions', {
        type: 'ZZ',
        area_id: village.id,
        name: 'x',
        sex_composition: 'women',
        formed_on: '2999-01-01',
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.type && r.json.error.fields.formed_on);
      const co = await mob.post('/api/v1/institutions', {
        type: 'CO',
        area_id: village.id,
        name: `CO ${uniq()}`,
        sex_composition: 'women',
        parent_id: vo.json.id,
        formed_on: '2024-02-01',
        status: 'active',
        meeting_frequency: 'monthly',
      });
      assert.equal(co.status, 201, co.text);
      assert.equal(co.json.parent_name, vo.json.name);
      assert.equal(co.json.tier, 1);
      // Cycle: the VO cannot federate into the CO (and not into itself).
      r = await admin.patch(`/api/v1/institutions/${vo.json.id}`, {
        version: vo.json.version,
        parent_id: co.json.id,
      });
      assert.equal(r.status, 400);
      const h1 = await household(mob);
      const h2 = await household(mob);
      const m1 = await mob.post(`/api/v1/institutions/${co.json.id}/members`, {
        household_id: h1.id,
        role: 'president',
        joined_on: '2024-02-01',
      });
      assert.equal(m1.status, 201, m1.text);
      assert.equal(m1.json.person_id, h1.head_person_id);
      assert.ok(m1.json.warnings.some((w) => w.code === 'size'));
      // The same household in a second CO at the same time is refused.
      const co2 = await mob.post('/api/v1/institutions', {
        type: 'CO',
        area_id: village.id,
        name: `CO ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2024-02-01',
      });
      r = await mob.post(`/api/v1/institutions/${co2.json.id}/members`, {
        household_id: h1.id,
        role: 'member',
        joined_on: '2024-03-01',
      });
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.household_id, /already a current member/);
      await mob.post(`/api/v1/institutions/${co.json.id}/members`, {
        household_id: h2.id,
        role: 'member',
        joined_on: '2024-02-01',
      });
      const hh = (await mob.get(`/api/v1/households/${h1.id}`)).json;
      assert.equal(hh.organised, true);
      assert.equal(hh.memberships[0].institution_id, co.json.id);
      // The CO joins the VO through a representative who is a member of the CO.
      r = await admin.post(`/api/v1/institutions/${vo.json.id}/members`, {
        member_institution_id: co.json.id,
        person_id: h1.head_person_id,
        role: 'member',
        joined_on: '2024-03-01',
      });
      assert.equal(r.status, 201, r.text);
      r = await admin.post(`/api/v1/institutions/${vo.json.id}/members`, {
        member_institution_id: co2.json.id,
        person_id: h1.head_person_id,
        role: 'member',
        joined_on: '2024-03-01',
      });
      assert.equal(r.status, 400);
      // Leaving keeps history.
      const left = await mob.patch(`/api/v1/institutions/${co.json.id}/members/${m1.json.id}`, {
        left_on: today,
        left_reason: 'moved away',
      });
      assert.equal(left.status, 200, left.text);
      assert.equal((await mob.get(`/api/v1/institutions/${co.json.id}/members`)).json.total, 1);
      assert.equal(
        (await mob.get(`/api/v1/institutions/${co.json.id}/members?all=true`)).json.total,
        2,
      );
      r = await mob.post(`/api/v1/institutions/${co2.json.id}/members`, {
        household_id: h1.id,
        role: 'member',
        joined_on: today,
      });
      assert.equal(r.status, 201, r.text);
      // Assessment: every item within 0..max, percentage and grade; latest grade on the record.
      r = await mob.post(`/api/v1/institutions/${co.json.id}/assessments`, {
        checklist: 'co_grading',
        assessed_on: today,
        answers: { meetings: 11 },
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields['answers.meetings'] && r.json.error.fields['answers.records']);
      const answers = {
        meetings: 9,
        attendance: 9,
        participation: 8,
        savings: 9,
        rules: 8,
        lending: 8,
        repayment: 9,
        records: 8,
        homogeneity: 9,
        poverty: 9,
      };
      r = await mob.post(`/api/v1/institutions/${co.json.id}/assessments`, {
        checklist: 'co_grading',
        assessed_on: today,
        answers,
      });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.score, 86);
      assert.equal(r.json.grade, 'A');
      r = await mob.post(`/api/v1/institutions/${co.json.id}/assessments`, {
        checklist: 'panchasutra',
        assessed_on: today,
        answers: {},
      });
      assert.match(r.json.error.fields.checklist, /does not apply/);
      // Status lifecycle with history.
      const cur = (await mob.get(`/api/v1/institutions/${co.json.id}`)).json;
      assert.equal(cur.latest_grade, 'A');
      r = await mob.patch(`/api/v1/institutions/${co.json.id}`, {
        version: cur.version,
        status: 'dissolved',
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.status_reason);
      r = await mob.patch(`/api/v1/institutions/${co.json.id}`, {
        version: cur.version,
        status: 'dormant',
        status_on: today,
        status_reason: 'no meetings',
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.json.status_history.map((s) => s.status),
        ['active', 'dormant'],
      );
      r = await mob.patch(`/api/v1/institutions/${co.json.id}`, {
        version: cur.version,
        name: 'stale',
      });
      assert.equal(r.status, 409);
      assert.equal(r.json.error.current.status, 'dormant');
      const list = await mob.get(`/api/v1/institutions?area=${uc.id}&type=CO&status=dormant`);
      assert.ok(list.json.items.some((i) => i.id === co.json.id));
      assert.equal(
        (await mob.get(`/api/v1/institutions?area=${uc.id}&tier=3`)).json.items.every(
          (i) => i.type === 'LSO' || i.type === 'CLF',
        ),
        true,
      );
    });

    test('roll-up summary of an area', async () => {
      const s = await admin.get(`/api/v1/registry/summary?area=${uc.id}`);
      assert.equal(s.status, 200, s.text);
      const h = s.json.households;
      assert.ok(h.registered > 0 && h.organised > 0 && h.poor_registered > 0);
      assert.equal(
        h.by_band.reduce((a, b) => a + b.registered, 0),
        h.registered,
      );
      assert.ok(s.json.institutions.some((i) => i.type === 'CO'));
      assert.ok(s.json.members.some((m) => m.sex === 'f'));
      assert.ok(s.json.children.some((c) => c.area_id === village.id && c.organised > 0));
      const other = await login(srv.base, 'mobiliser.u2');
      assert.equal((await other.get(`/api/v1/registry/summary?area=${uc.id}`)).status, 404);
    });

    test('roll-up figures of a small fresh area, worked out by hand', async () => {
      const t1 = await areaByCode(admin, 'P1-D1-T1');
      const newUc = (
        await admin.post('/api/v1/areas', {
          parent_id: t1.id,
          code: `UC${uniq()}`,
          name: 'Golden UC',
        })
      ).json;
      const va = (
        await admin.post('/api/v1/areas', {
          parent_id: newUc.id,
          code: `VA${uniq()}`,
          name: 'Golden A',
        })
      ).json;
      const vb = (
        await admin.post('/api/v1/areas', {
          parent_id: newUc.id,
          code: `VB${uniq()}`,
          name: 'Golden B',
        })
      ).json;
      const mk = async (area, score, people) =>
        (
          await admin.post('/api/v1/households', {
            area_id: area.id,
            head_name: `G ${uniq()}`,
            ...(score === null ? {} : { psc_score: score, psc_date: '2024-01-01' }),
            people,
          })
        ).json;
      const adult = (sex, relation, extra = {}) => ({
        name: `N ${uniq()}`,
        sex,
        relation,
        birth_date: '1990-06-01',
        ...extra,
      });
      const wgYes = {
        seeing: 1,
        hearing: 1,
        mobility: 4,
        cognition: 1,
        self_care: 1,
        communication: 1,
      };
      // A: two poor (5 and 23.99), one non-poor (24); B: one unscored, one poor (11.99).
      const a1 = await mk(va, 5, [adult('f', 'head')]);
      const a2 = await mk(va, 23.99, [adult('m', 'head'), adult('f', 'spouse', { wg: wgYes })]);
      const a3 = await mk(va, 24, [adult('f', 'head', { birth_date: '1950-01-01' })]);
      await mk(vb, null, [adult('m', 'head')]);
      const b2 = await mk(vb, 11.99, [adult('f', 'head', { birth_date: '2015-01-01' })]);
      const co = (
        await admin.post('/api/v1/institutions', {
          type: 'CO',
          area_id: va.id,
          name: 'Golden CO',
          sex_composition: 'women',
          formed_on: '2024-01-01',
          status: 'active',
        })
      ).json;
      const spouse = a2.people.find((p) => p.relation === 'spouse');
      for (const [h, person] of [
        [a1, a1.head_person_id],
        [a2, spouse.id],
        [a3, a3.head_person_id],
      ])
        assert.equal(
          (
            await admin.post(`/api/v1/institutions/${co.id}/members`, {
              household_id: h.id,
              person_id: person,
              role: 'member',
              joined_on: '2024-01-02',
            })
          ).status,
          201,
        );
      const cbo = (
        await admin.post('/api/v1/institutions', {
          type: 'CBO',
          area_id: vb.id,
          name: 'Golden CBO',
          sex_composition: 'mixed',
          formed_on: '2024-01-01',
        })
      ).json;
      const m = (
        await admin.post(`/api/v1/institutions/${cbo.id}/members`, {
          household_id: b2.id,
          role: 'member',
          joined_on: '2024-01-02',
        })
      ).json;
      // b2 leaves again: not organised any more.
      assert.equal(
        (
          await admin.patch(`/api/v1/institutions/${cbo.id}/members/${m.id}`, {
            left_on: '2024-02-01',
          })
        ).status,
        200,
      );
      const s = (await admin.get(`/api/v1/registry/summary?area=${newUc.id}`)).json;
      assert.deepEqual(s.households, {
        registered: 5,
        organised: 3,
        poor_registered: 3,
        poor_organised: 2,
        by_band: [
          { band: null, poor: false, registered: 1, organised: 0 },
          { band: 'chronically_poor', poor: true, registered: 0, organised: 0 },
          { band: 'extremely_poor', poor: true, registered: 2, organised: 1 },
          { band: 'non_poor', poor: false, registered: 1, organised: 1 },
          { band: 'transitory_poor', poor: true, registered: 1, organised: 1 },
        ].filter((b) => b.registered > 0),
      });
      const members = Object.fromEntries(
        s.members.map((x) => [`${x.sex}/${x.age_band}/${x.disability}`, x.count]),
      );
      assert.deepEqual(members, { 'f/18-59/false': 1, 'f/18-59/true': 1, 'f/60+/false': 1 });
      assert.deepEqual(s.institutions.map((i) => `${i.type}:${i.status}:${i.count}`).sort(), [
        'CBO:forming:1',
        'CO:active:1',
      ]);
      const byName = Object.fromEntries(s.children.map((c) => [c.name, c]));
      assert.deepEqual(byName['Golden A'], {
        area_id: va.id,
        name: 'Golden A',
        households: 3,
        organised: 3,
        poor: 2,
        poor_organised: 2,
        institutions: 1,
      });
      assert.deepEqual(byName['Golden B'], {
        area_id: vb.id,
        name: 'Golden B',
        households: 2,
        organised: 0,
        poor: 1,
        poor_organised: 0,
        institutions: 1,
      });
    });

    test('household import: dry run reports every bad row; a clean file loads all or nothing', async () => {
      const code = `HH${uniq()}`;
      const header =
        'household_code,area_code,head_name,psc_score,psc_date,person_name,sex,age,relation,wg_seeing,wg_hearing,wg_mobility,wg_cognition,wg_self_care,wg_communication';
      const bad = [
        header,
        `${code}A,P1-D1-T1-U1-V1,Amina,12,2024-01-01,Amina,f,35,head,1,1,1,1,1,1`,
        `${code}A,,,,,Bilal,m,9,son,5,1,1,1,1,1`,
        `${code}B,NOPE,Zar,150,2024-01-01,Zar,f,30,head,,,,,,`,
        `${code}C,P1-D1-T1-U1-V1,=cmd(),10,2024-01-01,,,,,,,,,,`,
      ].join('\n');
      let r = await mob.post('/api/v1/households/import?dry_run=false', bad, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.ok, false);
      assert.equal(r.json.created, 0);
      const cols = r.json.errors.map((e) => `${e.row}:${e.column}`);
      for (const want of ['3:wg_seeing', '4:area_code', '4:psc_score', '5:head_name'])
        assert.ok(cols.includes(want), cols.join(' '));
      const good = [
        header,
        `${code}D,P1-D1-T1-U1-V2,Amina,12,2024-01-01,Amina,f,35,head,1,1,1,1,1,1`,
        `${code}D,,,,,Bilal,m,9,son,1,1,3,1,1,1`,
        `${code}E,P1-D1-T1-U1-V2,Zar,30,2024-01-01,Zar,f,30,head,,,,,,`,
      ].join('\n');
      r = await mob.post('/api/v1/households/import?dry_run=true', good, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.json.ok, true, r.text);
      assert.equal(r.json.created, 0);
      r = await mob.post('/api/v1/households/import?dry_run=false', good, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.json.created, 2, r.text);
      assert.equal(r.json.people, 3);
      const list = (await mob.get(`/api/v1/households?q=${code}D`)).json;
      assert.equal(list.items.length, 1);
      assert.ok(list.items[0].flags.includes('disability'));
      r = await mob.post('/api/v1/households/import?dry_run=false', good, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.ok(
        r.json.errors.some((e) => e.column === 'household_code'),
        'second load refused: codes exist',
      );
      r = await mob.post('/api/v1/households/import', 'nonsense,header\n1,2', {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.status, 400);
    });

    test('household import from XLSX, in Pashto script; formulas refused by row; too large refused', async () => {
      const code = `HX${uniq()}`;
      const head = [
        'household_code',
        'area_code',
        'head_name',
        'psc_score',
        'psc_date',
        'person_name',
        'sex',
        'age',
        'relation',
      ];
      let r = await mob.post(
        '/api/v1/households/import?dry_run=false',
        xlsx([
          head,
          [
            `${code}A`,
            'P1-D1-T1-U1-V1',
            'ګل بی بی',
            '9.5',
            '2024-01-01',
            'ګل بی بی',
            'f',
            '40',
            'head',
          ],
          [`${code}B`, 'P1-D1-T1-U1-V1', '=HYPERLINK("x")', '9', '2024-01-01', '', '', '', ''],
        ]),
        { raw: true, headers: { 'content-type': XLSX } },
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.created, 0);
      assert.deepEqual(
        r.json.errors.map((e) => [e.row, e.column, e.code]),
        [[3, 'head_name', 'formula']],
      );
      r = await mob.post(
        '/api/v1/households/import?dry_run=false',
        xlsx([
          head,
          [
            `${code}A`,
            'P1-D1-T1-U1-V1',
            'ګل بی بی',
            '9.5',
            '2024-01-01',
            'ګل بی بی',
            'f',
            '40',
            'head',
          ],
        ]),
        { raw: true, headers: { 'content-type': XLSX } },
      );
      assert.equal(r.json.created, 1, r.text);
      const h = (await mob.get(`/api/v1/households?q=${code}A`)).json.items[0];
      assert.equal(h.head_name, 'ګل بی بی');
      assert.equal(h.poverty_band, 'extremely_poor');
      const big = Buffer.alloc(51 * 1024 * 1024, 'a');
      r = await mob.post('/api/v1/households/import?dry_run=true', big, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.status, 413);
      r = await mob.post(
        '/api/v1/households/import?dry_run=true',
        Buffer.from([0xff, 0xfe, 0x41, 0x00]),
        { raw: true, headers: { 'content-type': 'text/csv' } },
      );
      assert.equal(r.status, 400, r.text);
    });

    test('institution import with memberships', async () => {
      const code = `I${uniq()}`;
      const hh = await household(mob, { code: `HH${uniq()}`, area_id: village2.id });
      const csv = [
        'code,type,area_code,name,parent_code,formed_on,sex_composition,status,member_household_code,role,joined_on',
        `${code}V,VO,P1-D1-T1-U1-V2,Village org,,2024-01-01,women,active,,,`,
        `${code}C,CO,P1-D1-T1-U1-V2,Gul CO,${code}V,2024-02-01,women,active,${hh.code},president,2024-02-02`,
        `${code}X,CO,P1-D1-T1-U1-V2,Bad CO,${code}NOPE,2024-02-01,women,,,,`,
      ].join('\n');
      let r = await mob.post('/api/v1/institutions/import?dry_run=true', csv, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        r.json.errors.map((e) => e.column),
        ['parent_code'],
      );
      r = await mob.post(
        '/api/v1/institutions/import?dry_run=false',
        csv.split('\n').slice(0, 3).join('\n'),
        { raw: true, headers: { 'content-type': 'text/csv' } },
      );
      assert.equal(r.json.created, 2, r.text);
      assert.equal(r.json.memberships, 1);
      const co = (await mob.get(`/api/v1/institutions?q=${code}C`)).json.items[0];
      assert.equal(co.member_count, 1);
      assert.equal(co.parent_name, 'Village org');
    });

    test('configuration: only a programme administrator changes it; new bands re-derive households', async () => {
      const cfg = (await mob.get('/api/v1/registry/config')).json;
      assert.ok(cfg.institution_types.find((t) => t.code === 'CO').parent_types.includes('VO'));
      assert.equal(cfg.poverty_band_sets[0].bands.length, 4);
      let r = await mob.request('PUT', '/api/v1/institution-types/CO', {
        name: 'x',
        tier: 1,
        parent_types: [],
        member_kind: 'household',
      });
      assert.equal(r.status, 403);
      r = await admin.request('PUT', '/api/v1/institution-types/WUA', {
        name: 'Water users association',
        tier: 1,
        parent_types: ['LSO'],
        member_kind: 'household',
        size_min: 10,
        size_max: 40,
      });
      assert.equal(r.status, 200, r.text);
      r = await admin.request('PUT', '/api/v1/institution-types/BAD', {
        name: 'x',
        tier: 3,
        parent_types: ['CO'],
        member_kind: 'goats',
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.member_kind);
      r = await admin.request('PUT', '/api/v1/institution-types/BAD', {
        name: 'x',
        tier: 3,
        parent_types: ['CO'],
        member_kind: 'person',
      });
      assert.match(r.json.error.fields.parent_types, /not a higher tier/);
      const h = await household(mob, { psc_score: 30, psc_date: today });
      assert.equal(h.poverty_band, 'non_poor');
      r = await admin.request('PUT', `/api/v1/poverty-bands/${today}`, {
        source: 'NSER 2026',
        bands: [
          { code: 'poor', name: 'Poor (0-32)', lower_bound: 0, poor: true },
          { code: 'non_poor', name: 'Non-poor', lower_bound: 32.5, poor: false },
        ],
      });
      assert.equal(r.status, 204, r.text);
      assert.equal((await mob.get(`/api/v1/households/${h.id}`)).json.poverty_band, 'poor');
      r = await admin.request('PUT', '/api/v1/poverty-bands/2026-13-01', {
        bands: [{ code: 'x', name: 'x', lower_bound: 5, poor: true }],
      });
      assert.equal(r.status, 400);
    });
  });
