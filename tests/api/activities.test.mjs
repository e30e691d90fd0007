// Field activities: recording with counted and named participants, submit -> verify/return by a
// supervisor, corrections of verified records, files as means of verification -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer,
  login,
  areaByCode,
  firstPeople,
  uniq,
  freshPgDatabase,
  pngOf,
} from './support.mjs';

// A 1x1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, officer, outsider, uc, people;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      officer = await login(srv.base, 'officer.t1');
      outsider = await login(srv.base, 'mobiliser.u2');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
      people = await firstPeople(mob, uc.id, 2);
      assert.equal(people.length, 2);
    });
    after(async () => {
      await srv?.stop();
    });

    const session = (extra = {}) => ({
      type: 'awareness_session',
      title: `Hand washing ${uniq()}`,
      held_on: '2026-01-15',
      start_time: '10:00',
      end_time: '11:30',
      area_id: uc.id,
      place: 'Girls school',
      topics: ['wash', 'health'],
      facilitators: [{ name: 'Lady health worker' }, { user_id: mob.user.id }],
      counts: [
        { sex: 'f', age_band: '18-59', disability: false, count: 12 },
        { sex: 'm', age_band: '18-59', disability: true, count: 1 },
        { sex: 'f', age_band: '60+', disability: false, count: 2 },
      ],
      participants_total: 15,
      attendance: people.map((p) => ({ person_id: p.id })),
      decisions: 'Build a hand-washing station',
      follow_up: 'Visit in two weeks',
      ...extra,
    });

    test('bad participant figures and fields are named; nothing written', async () => {
      const before = (await mob.get('/api/v1/activities?mine=true')).json.total;
      let r = await mob.post('/api/v1/activities', session({ participants_total: 14 }));
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.participants_total, /add up to 15/);
      r = await mob.post(
        '/api/v1/activities',
        session({
          type: 'party',
          topics: ['gossip'],
          held_on: '2999-01-01',
          end_time: '09:00',
          counts: [{ sex: 'f', age_band: '18-59', count: -3 }],
          participants_total: undefined,
        }),
      );
      assert.equal(r.status, 400);
      for (const f of ['type', 'topics', 'held_on', 'end_time', 'counts[0].count'])
        assert.ok(r.json.error.fields[f], `${f}: ${r.text}`);
      r = await mob.post(
        '/api/v1/activities',
        session({ counts: [{ sex: 'f', age_band: '18-59', count: 1 }], participants_total: 1 }),
      );
      assert.equal(r.status, 400, 'fewer counted than named');
      assert.equal((await mob.get('/api/v1/activities?mine=true')).json.total, before);
    });

    test('draft -> submitted -> returned -> resubmitted -> verified; locked but for a logged correction', async () => {
      let r = await mob.post('/api/v1/activities', session());
      assert.equal(r.status, 201, r.text);
      let a = r.json;
      assert.equal(a.status, 'draft');
      assert.equal(a.counted_total, 15);
      assert.equal(a.named_total, 2);
      assert.deepEqual(a.topics, ['health', 'wash']);
      assert.deepEqual(
        a.facilitators.map((f) => f.name),
        ['Lady health worker', mob.user.full_name],
      );
      r = await officer.post(`/api/v1/activities/${a.id}/verify`, { version: a.version });
      assert.equal(r.status, 409, 'not submitted yet');
      r = await mob.post(`/api/v1/activities/${a.id}/submit`, { version: a.version });
      assert.equal(r.status, 200, r.text);
      a = r.json;
      r = await mob.post(`/api/v1/activities/${a.id}/verify`, { version: a.version });
      assert.equal(r.status, 403, 'the author does not verify');
      assert.equal(
        (await outsider.post(`/api/v1/activities/${a.id}/verify`, { version: a.version })).status,
        404,
      );
      const queue = (await officer.get('/api/v1/activities?queue=true&limit=500')).json;
      assert.ok(queue.items.some((x) => x.id === a.id));
      r = await officer.post(`/api/v1/activities/${a.id}/return`, { version: a.version });
      assert.equal(r.status, 400, 'a return needs a comment');
      r = await officer.post(`/api/v1/activities/${a.id}/return`, {
        version: a.version,
        comment: 'Add the attendance sheet photo',
      });
      assert.equal(r.json.status, 'returned');
      r = await mob.patch(`/api/v1/activities/${a.id}`, {
        version: r.json.version,
        notes: 'photo added',
      });
      assert.equal(r.status, 200, r.text);
      r = await mob.post(`/api/v1/activities/${a.id}/submit`, { version: r.json.version });
      r = await officer.post(`/api/v1/activities/${a.id}/verify`, { version: r.json.version });
      assert.equal(r.status, 200, r.text);
      a = r.json;
      assert.equal(a.status, 'verified');
      assert.equal(
        a.verified_by_name,
        (await admin.get('/api/v1/users?q=officer.t1')).json.items[0].full_name,
      );
      assert.equal(
        (await mob.patch(`/api/v1/activities/${a.id}`, { version: a.version, notes: 'x' })).status,
        403,
      );
      r = await officer.patch(`/api/v1/activities/${a.id}`, {
        version: a.version,
        place: 'Mosque',
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.correction_reason);
      r = await officer.patch(`/api/v1/activities/${a.id}`, {
        version: a.version,
        place: 'Mosque',
        correction_reason: 'Place mistyped',
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.status, 'verified');
      const audit = (
        await admin.get(`/api/v1/audit?entity=activity&entity_id=${a.id}`)
      ).json.items.map((e) => e.action);
      for (const want of ['create', 'submit', 'return', 'update', 'verify', 'correct'])
        assert.ok(audit.includes(want), audit.join());
      assert.equal((await outsider.get(`/api/v1/activities/${a.id}`)).status, 404);
      // Monthly counts by type x topic x sex count verified records: this one in January.
      const sum = (
        await officer.get(`/api/v1/activities/summary?area=${uc.id}&from=2026-01-15&to=2026-01-15`)
      ).json.items;
      const row = (topic, sex) =>
        sum.find(
          (x) =>
            x.month === '2026-01' &&
            x.type === 'awareness_session' &&
            x.topic === topic &&
            x.sex === sex,
        );
      assert.ok(
        row('wash', 'f').participants >= 14 && row('health', 'm').participants >= 1,
        JSON.stringify(sum),
      );
      assert.equal((await outsider.get(`/api/v1/activities/summary?area=${uc.id}`)).status, 400);
    });

    test('files: photos and PDFs by their bytes, downloads authorised like the record, size limit', async () => {
      const a = (await mob.post('/api/v1/activities', session())).json;
      let r = await mob.request(
        'POST',
        `/api/v1/activities/${a.id}/files?filename=sheet.png`,
        PNG,
        { raw: true, headers: { 'content-type': 'image/png' } },
      );
      assert.equal(r.status, 201, r.text);
      const file = r.json;
      assert.equal(file.mime, 'image/png');
      const got = await fetch(srv.base + file.url, { headers: { cookie: mob.cookie } });
      assert.equal(got.status, 200);
      assert.equal(got.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), PNG);
      assert.equal((await outsider.get(file.url)).status, 404);
      // A thumbnail: a JPEG, decodable, for whoever may see the file and nobody else.
      r = await mob.request(
        'POST',
        `/api/v1/activities/${a.id}/files?filename=photo.png`,
        pngOf(120, 80),
        { raw: true, headers: { 'content-type': 'image/png' } },
      );
      assert.equal(r.status, 201, r.text);
      const photo = r.json;
      const thumb = await fetch(`${srv.base}${photo.url}?thumb=64`, {
        headers: { cookie: mob.cookie },
      });
      assert.equal(thumb.status, 200);
      assert.equal(thumb.headers.get('content-type'), 'image/jpeg');
      const jpeg = Buffer.from(await thumb.arrayBuffer());
      assert.deepEqual([...jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
      assert.equal((await mob.get(`${photo.url}?thumb=5000`)).status, 400);
      assert.equal((await mob.get(`${photo.url}?thumb=64px`)).status, 400, 'a size in digits only');
      assert.equal((await outsider.get(`${photo.url}?thumb=64`)).status, 404);
      r = await mob.request(
        'POST',
        `/api/v1/activities/${a.id}/files?filename=x.png`,
        Buffer.from('<script>alert(1)</script>'),
        { raw: true, headers: { 'content-type': 'image/png' } },
      );
      assert.equal(r.status, 400);
      r = await mob.request('POST', `/api/v1/activities/${a.id}/files?filename=x.jpg`, PNG, {
        raw: true,
        headers: { 'content-type': 'image/jpeg' },
      });
      assert.equal(r.status, 400);
      const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
      r = await mob.request('POST', `/api/v1/activities/${a.id}/files?filename=big.png`, big, {
        raw: true,
        headers: { 'content-type': 'image/png' },
      });
      assert.equal(r.status, 413);
      const list = (await mob.get(`/api/v1/activities/${a.id}/files`)).json;
      assert.equal(list.total, 2, 'the sheet and the photo');
      assert.equal(
        (await mob.del(`/api/v1/activities/${a.id}`)).status,
        409,
        'a record with files stays',
      );
    });

    test('summary: counted participants, else the named ones by their sex; topic-less under topic null', async () => {
      // A month of its own, older than the demo's year of activities.
      const at = (extra) => ({ area_id: uc.id, held_on: '2024-06-10', ...extra });
      const verify = async (body) => {
        let r = await mob.post('/api/v1/activities', body);
        assert.equal(r.status, 201, r.text);
        r = await mob.post(`/api/v1/activities/${r.json.id}/submit`, { version: r.json.version });
        assert.equal(r.status, 200, r.text);
        r = await officer.post(`/api/v1/activities/${r.json.id}/verify`, {
          version: r.json.version,
        });
        assert.equal(r.status, 200, r.text);
        return r.json;
      };
      // Named only: the two attended people, by their sex in the registry; no topic.
      await verify(
        at({ type: 'home_visit', attendance: people.map((p) => ({ person_id: p.id })) }),
      );
      // Counted (the named one among them) on one topic.
      await verify(
        at({
          type: 'awareness_session',
          topics: ['wash'],
          attendance: [{ person_id: people[0].id }],
          counts: [
            { sex: 'f', age_band: '18-59', count: 4 },
            { sex: 'm', age_band: '60+', count: 2 },
          ],
        }),
      );
      // Submitted, not verified: only with include_unverified.
      let r = await mob.post(
        '/api/v1/activities',
        at({ type: 'awareness_session', counts: [{ sex: 'x', age_band: '18-59', count: 1 }] }),
      );
      await mob.post(`/api/v1/activities/${r.json.id}/submit`, { version: r.json.version });

      const bySex = {};
      for (const p of people) bySex[p.sex] = (bySex[p.sex] ?? 0) + 1;
      const want = [
        ...Object.entries(bySex).map(([sex, n]) => ({
          month: '2024-06',
          type: 'home_visit',
          topic: null,
          sex,
          activities: 1,
          participants: n,
        })),
        {
          month: '2024-06',
          type: 'awareness_session',
          topic: 'wash',
          sex: 'f',
          activities: 1,
          participants: 4,
        },
        {
          month: '2024-06',
          type: 'awareness_session',
          topic: 'wash',
          sex: 'm',
          activities: 1,
          participants: 2,
        },
      ];
      const key = (x) => `${x.type} ${x.topic} ${x.sex}`;
      const sorted = (items) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
      // The whole month (from the roll-up), part of it (from the rows), and the district above.
      const district = (await admin.get(`/api/v1/areas/${uc.id}`)).json.ancestors.find(
        (a) => a.level === 2,
      );
      for (const q of [
        `area=${uc.id}&from=2024-06-01&to=2024-06-30`,
        `area=${uc.id}&from=2024-06-05&to=2024-06-20`,
        `area=${district.id}&from=2024-05-20&to=2024-06-30`,
      ]) {
        const sum = await admin.get(`/api/v1/activities/summary?${q}`);
        assert.equal(sum.status, 200, sum.text);
        assert.deepEqual(sorted(sum.json.items), sorted(want), q);
      }
      const all = (
        await officer.get(
          `/api/v1/activities/summary?area=${uc.id}&from=2024-06-01&to=2024-06-30&include_unverified=true`,
        )
      ).json.items;
      assert.deepEqual(
        sorted(all),
        sorted([
          ...want,
          {
            month: '2024-06',
            type: 'awareness_session',
            topic: null,
            sex: 'x',
            activities: 1,
            participants: 1,
          },
        ]),
      );
    });
  });
