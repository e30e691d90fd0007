// GET /api/v1/sync: a device's working set of its user's scope and the changes to it, against
// the real server on SQLite and PostgreSQL. A small "device" here applies pages as the web app
// does (reset drops the set; upserts replace; deletes remove) so that each test states what a
// phone would hold afterwards.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { startServer, login, areaByCode, uniq, freshPgDatabase, rawGet } from './support.mjs';

const ENTITIES = [
  'areas',
  'courses',
  'institutions',
  'households',
  'memberships',
  'activities',
  'feedback',
];

class Device {
  constructor(client) {
    this.client = client;
    this.cursor = null;
    this.sets = Object.fromEntries(ENTITIES.map((e) => [e, new Map()]));
    this.resets = 0;
    this.pages = [];
  }
  has(entity, id) {
    return this.sets[entity].has(id);
  }
  get(entity, id) {
    return this.sets[entity].get(id);
  }
  ids(entity) {
    return [...this.sets[entity].keys()].sort();
  }
  // Pages until `more` is false; returns the pages of this sync.
  async sync(limit) {
    const pages = [];
    for (let i = 0; i < 5000; i++) {
      const q = new URLSearchParams();
      if (this.cursor) q.set('cursor', this.cursor);
      if (limit) q.set('limit', String(limit));
      const r = await this.client.get(`/api/v1/sync?${q}`);
      assert.equal(r.status, 200, r.text);
      const page = r.json;
      pages.push(page);
      if (page.reset) {
        this.resets++;
        for (const e of ENTITIES) this.sets[e].clear();
      }
      let last = -1;
      for (const c of page.changes) {
        const at = ENTITIES.indexOf(c.entity);
        assert.ok(at > last, `entities in contract order: ${page.changes.map((x) => x.entity)}`);
        last = at;
        for (const u of c.upserts) this.sets[c.entity].set(u.id ?? u.area?.id, u);
        for (const id of c.deletes) this.sets[c.entity].delete(id);
      }
      this.cursor = page.cursor;
      if (!page.more) break;
    }
    this.pages.push(...pages);
    return pages;
  }
}

// Every id of a list, through its pages.
async function listIds(client, path) {
  const ids = [];
  for (let offset = 0; ; offset += 500) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await client.get(`${path}${sep}limit=500&offset=${offset}`);
    assert.equal(r.status, 200, r.text);
    ids.push(...r.json.items.map((x) => x.id));
    if (offset + 500 >= r.json.total) break;
  }
  return ids.sort();
}

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv,
      admin,
      mob1,
      mob2,
      focal,
      officer,
      uc1,
      uc2,
      village1,
      village2,
      otherUcVillage,
      p2village;

    const newHousehold = async (client, area, extra = {}) => {
      const r = await client.post('/api/v1/households', {
        area_id: area.id,
        head_name: `Head ${uniq()}`,
        people: [{ name: `Head ${uniq()}`, sex: 'f', relation: 'head', age: 35 }],
        ...extra,
      });
      assert.equal(r.status, 201, r.text);
      return r.json;
    };

    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob1 = await login(srv.base, 'mobiliser.u1');
      mob2 = await login(srv.base, 'mobiliser.u2');
      focal = await login(srv.base, 'focal.d1');
      officer = await login(srv.base, 'officer.t1');
      uc1 = await areaByCode(admin, 'P1-D1-T1-U1');
      uc2 = await areaByCode(admin, 'P1-D1-T1-U2');
      village1 = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      village2 = await areaByCode(admin, 'P1-D1-T1-U1-V2');
      otherUcVillage = await areaByCode(admin, 'P1-D1-T1-U2-V1');
      p2village = await areaByCode(admin, 'P2-D1-T1-U1-V1');
    });
    after(async () => {
      await srv?.stop();
    });

    test('a first sync gets exactly the scope, in contract order, with people embedded', async () => {
      const d = new Device(mob1);
      const pages = await d.sync();
      assert.equal(pages[0].reset, false);
      assert.ok(d.ids('households').length > 0);
      assert.deepEqual(
        d.ids('households'),
        await listIds(mob1, `/api/v1/households?area=${uc1.id}`),
      );
      assert.deepEqual(
        d.ids('institutions'),
        await listIds(mob1, `/api/v1/institutions?area=${uc1.id}`),
      );
      // Not another province's records.
      const other = new Device(mob2);
      await other.sync();
      for (const id of other.ids('households')) assert.ok(!d.has('households', id));
      // Areas: the union council and its villages; not those above it (as the detail GET).
      for (const a of [uc1, village1, village2]) assert.ok(d.has('areas', a.id), a.code);
      assert.ok(!d.has('areas', (await areaByCode(admin, 'P1')).id), 'P1 is above the scope');
      assert.ok(!d.has('areas', otherUcVillage.id), 'a village of another union council');
      // Each upsert is the detail GET's JSON.
      const [hid] = d.ids('households');
      assert.deepEqual(
        d.get('households', hid),
        (await mob1.get(`/api/v1/households/${hid}`)).json,
      );
      assert.ok(Array.isArray(d.get('households', hid).people));
      const last = pages.at(-1);
      assert.equal(last.more, false);
      assert.equal(last.progress.done, last.progress.total);
      // Nothing changed: the next sync is empty.
      const again = await d.sync();
      assert.equal(again.length, 1);
      assert.deepEqual(again[0].changes, []);
      assert.equal(again[0].reset, false);
    });

    test('incremental sync sends creates, updates and deletes in scope only', async () => {
      const d = new Device(mob1);
      await d.sync();
      const created = await newHousehold(admin, village1);
      const elsewhere = await newHousehold(admin, p2village);
      const updated = await newHousehold(admin, village2);
      const gone = await newHousehold(admin, village2);
      await d.sync();
      assert.ok(d.has('households', updated.id) && d.has('households', gone.id));
      let r = await admin.patch(`/api/v1/households/${updated.id}`, {
        version: updated.version,
        head_name: 'Renamed head',
      });
      assert.equal(r.status, 200, r.text);
      r = await admin.post(`/api/v1/households/${updated.id}/people`, {
        name: 'New baby',
        sex: 'm',
        relation: 'son',
        age: 0,
      });
      assert.equal(r.status, 201, r.text);
      r = await admin.del(`/api/v1/households/${gone.id}`);
      assert.equal(r.status, 204, r.text);
      const pages = await d.sync();
      assert.ok(d.has('households', created.id));
      assert.ok(!d.has('households', elsewhere.id), 'another province');
      assert.equal(d.get('households', updated.id).head_name, 'Renamed head');
      assert.ok(d.get('households', updated.id).people.some((p) => p.name === 'New baby'));
      assert.ok(!d.has('households', gone.id));
      const sent = pages.flatMap((p) => p.changes).find((c) => c.entity === 'households');
      assert.deepEqual(sent.deletes, [gone.id]);
      assert.deepEqual(
        sent.upserts.map((h) => h.id),
        [updated.id],
        'each record once',
      );
    });

    test('a sync with nothing new keeps the cursor; one after a change sends it', async () => {
      const d = new Device(mob1);
      await d.sync();
      const at = d.cursor;
      let [page] = await d.sync();
      assert.deepEqual(
        page.changes.flatMap((c) => [...c.upserts, ...c.deletes]),
        [],
      );
      assert.equal(page.more, false);
      assert.equal(page.reset, false);
      assert.equal(page.cursor, at, 'nothing written: the same cursor');
      await newHousehold(admin, p2village); // out of scope: the feed moves, the device gets none
      [page] = await d.sync();
      assert.deepEqual(
        page.changes.flatMap((c) => [...c.upserts, ...c.deletes]),
        [],
      );
      assert.notEqual(page.cursor, at);
      const created = await newHousehold(admin, village1);
      await d.sync();
      assert.ok(d.has('households', created.id));
    });

    test('an ended membership disappears; the household follows its memberships', async () => {
      const d = new Device(mob1);
      const inst = await admin.post('/api/v1/institutions', {
        type: 'CO',
        area_id: village1.id,
        name: `CO ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2024-02-01',
      });
      assert.equal(inst.status, 201, inst.text);
      const h = await newHousehold(admin, village1);
      await d.sync();
      const m = await admin.post(`/api/v1/institutions/${inst.json.id}/members`, {
        household_id: h.id,
        role: 'member',
        joined_on: '2024-03-01',
      });
      assert.equal(m.status, 201, m.text);
      await d.sync();
      assert.ok(d.has('memberships', m.json.id));
      assert.equal(d.get('households', h.id).memberships.length, 1);
      const ended = await admin.patch(`/api/v1/institutions/${inst.json.id}/members/${m.json.id}`, {
        left_on: new Date().toISOString().slice(0, 10),
        left_reason: 'moved away',
      });
      assert.equal(ended.status, 200, ended.text);
      await d.sync();
      assert.ok(!d.has('memberships', m.json.id));
    });

    test('a household moved out of scope arrives as a delete; the new scope gets it', async () => {
      const d = new Device(mob1);
      const up = new Device(officer);
      const h = await newHousehold(admin, village1);
      await d.sync();
      await up.sync();
      assert.ok(d.has('households', h.id));
      const r = await admin.patch(`/api/v1/households/${h.id}`, {
        version: h.version,
        area_id: otherUcVillage.id,
      });
      assert.equal(r.status, 200, r.text);
      const pages = await d.sync();
      assert.ok(!d.has('households', h.id));
      assert.equal(pages[0].reset, false, 'a record that moves is no reset');
      await up.sync();
      assert.ok(up.has('households', h.id), 'still in the officer scope');
      assert.equal(up.get('households', h.id).area_id, otherUcVillage.id);
    });

    test('a user moved to another union council is reset to the new scope', async () => {
      const username = `mob.${uniq()}`;
      let r = await admin.post('/api/v1/users', {
        username,
        full_name: 'Moving mobiliser',
        password: 'field-pass-1',
        locale: 'en',
        roles: [{ role: 'mobiliser', area_id: uc1.id }],
      });
      assert.equal(r.status, 201, r.text);
      const user = r.json;
      const client = await login(srv.base, username, 'field-pass-1');
      const d = new Device(client);
      await d.sync();
      const before = d.ids('households');
      assert.ok(before.length > 0);
      r = await admin.patch(`/api/v1/users/${user.id}`, {
        version: user.version,
        roles: [{ role: 'mobiliser', area_id: uc2.id }],
      });
      assert.equal(r.status, 200, r.text);
      const pages = await d.sync();
      assert.equal(pages[0].reset, true);
      const now = d.ids('households');
      assert.deepEqual(now, await listIds(client, `/api/v1/households?area=${uc2.id}`));
      for (const id of before) assert.ok(!now.includes(id), 'no record of the first union council');
      assert.ok(d.has('areas', uc2.id) && !d.has('areas', uc1.id));
    });

    test('sensitive feedback reaches the focal point only', async () => {
      const mobDevice = new Device(mob1);
      const focalDevice = new Device(focal);
      await mobDevice.sync();
      await focalDevice.sync();
      const secret = `A distributor asked for favours ${uniq()}`;
      const log = (category, description) =>
        mob1.post('/api/v1/feedback', {
          area_id: uc1.id,
          channel: 'cefc_walk_in',
          category,
          description,
          person_name: 'Gul Bibi',
          person_sex: 'f',
          person_age_band: '18-59',
        });
      const sensitive = await log('sensitive_sea', secret);
      assert.equal(sensitive.status, 201, sensitive.text);
      const ordinary = await log('complaint_service', `Broken pump ${uniq()}`);
      assert.equal(ordinary.status, 201, ordinary.text);
      const pages = await mobDevice.sync();
      assert.ok(mobDevice.has('feedback', ordinary.json.id));
      assert.ok(!mobDevice.has('feedback', sensitive.json.id));
      assert.ok(!JSON.stringify(pages).includes(secret));
      await focalDevice.sync();
      assert.ok(focalDevice.has('feedback', sensitive.json.id));
      // A first sync of each agrees.
      const fresh = new Device(mob1);
      await fresh.sync();
      assert.ok(!fresh.has('feedback', sensitive.json.id));
      assert.ok(fresh.has('feedback', ordinary.json.id));
      const freshFocal = new Device(focal);
      await freshFocal.sync();
      assert.ok(freshFocal.has('feedback', sensitive.json.id));
    });

    test('paging with limit=2 sends every record exactly once', async () => {
      const whole = new Device(mob1);
      await whole.sync();
      const paged = new Device(mob1);
      const pages = await paged.sync(2);
      assert.ok(pages.length > 10);
      const seen = new Map();
      for (const p of pages) {
        assert.ok(p.changes.reduce((n, c) => n + c.upserts.length + c.deletes.length, 0) <= 2);
        for (const c of p.changes)
          for (const u of c.upserts) {
            const key = `${c.entity}:${u.id ?? u.area?.id}`;
            seen.set(key, (seen.get(key) ?? 0) + 1);
          }
      }
      assert.deepEqual(
        [...seen.values()].filter((n) => n !== 1),
        [],
      );
      for (const e of ENTITIES) assert.deepEqual(paged.ids(e), whole.ids(e), e);
      const progress = pages.map((p) => p.progress.done);
      assert.deepEqual(
        progress,
        [...progress].sort((a, b) => a - b),
        'progress only grows',
      );
    });

    test('a bad cursor or limit is a 400 that names it', async () => {
      for (const cursor of ['garbage!', 'AAAA', 'MS5pLnh4LjEuMC4w']) {
        const r = await mob1.get(`/api/v1/sync?cursor=${encodeURIComponent(cursor)}`);
        assert.equal(r.status, 400, cursor);
        assert.equal(r.json.error.code, 'validation');
        assert.ok(r.json.error.fields.cursor);
      }
      for (const limit of ['0', '5001', 'ten']) {
        const r = await mob1.get(`/api/v1/sync?limit=${limit}`);
        assert.equal(r.status, 400, limit);
        assert.ok(r.json.error.fields.limit);
      }
      const anon = await rawGet(srv.base, '/api/v1/sync', {});
      assert.equal(anon.status, 401);
    });

    test('the answer is gzip-compressed when the client accepts it', async () => {
      const headers = { cookie: mob1.cookie };
      const zipped = await rawGet(srv.base, '/api/v1/sync', {
        ...headers,
        'accept-encoding': 'gzip',
      });
      assert.equal(zipped.status, 200);
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      const plain = await rawGet(srv.base, '/api/v1/sync', headers);
      assert.equal(plain.headers['content-encoding'], undefined);
      const unzipped = JSON.parse(gunzipSync(zipped.body).toString('utf8'));
      const json = JSON.parse(plain.body.toString('utf8'));
      assert.deepEqual(unzipped.changes, json.changes);
      assert.ok(
        zipped.body.length * 4 < plain.body.length,
        `${zipped.body.length} vs ${plain.body.length}`,
      );
    });
  });
