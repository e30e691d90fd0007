// Bad input that used to slip through (issue 15), on both databases: list dates that are no
// calendar day, LIKE wildcards in a word filter, and a key given twice in one JSON object.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, freshPgDatabase, uniq } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
    });
    after(async () => {
      await srv?.stop();
    });

    test('list dates must be days of the calendar, on every list that takes them', async () => {
      for (const list of [
        '/api/v1/activities',
        '/api/v1/activities/summary',
        '/api/v1/feedback',
        '/api/v1/feedback/summary',
      ]) {
        for (const bad of ['2026-02-30', 'garbage', '2026-13-01', "2026-01-01' OR 1=1 --"]) {
          for (const key of ['from', 'to']) {
            const r = await admin.get(`${list}?${key}=${encodeURIComponent(bad)}`);
            assert.equal(r.status, 400, `${list}?${key}=${bad}: ${r.text}`);
            assert.equal(r.json.error.field_codes[key].code, 'not_a_date', r.text);
          }
        }
        const ok = await admin.get(`${list}?from=2024-02-29&to=2026-12-31`);
        assert.equal(ok.status, 200, `${list}: ${ok.text}`);
      }
    });

    test('% and _ in a flag filter are the characters, not LIKE wildcards', async () => {
      const config = (await admin.get('/api/v1/registry/config')).json;
      const flag = config.vulnerability_flags[0].code;
      const village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      const made = await admin.post('/api/v1/households', {
        area_id: village.id,
        code: `FLAG-${uniq()}`,
        head_name: 'Flagged Head',
        flags: [flag],
      });
      assert.equal(made.status, 201, made.text);
      const total = async (f) =>
        (await admin.get(`/api/v1/households?area=${village.id}&flag=${encodeURIComponent(f)}`))
          .json.total;
      assert.ok((await total(flag)) >= 1);
      for (const wild of ['%', '_%', '%_', flag.slice(0, 1) + '%', '_'.repeat(flag.length)])
        assert.equal(await total(wild), 0, `flag=${wild}`);
    });

    test('a key given twice in one JSON object is refused, naming the key', async () => {
      const raw = (path, body) =>
        admin.request('POST', path, body, {
          raw: true,
          headers: { 'content-type': 'application/json' },
        });
      let r = await raw(
        '/api/v1/session',
        '{"username":"admin","password":"x","username":"admin"}',
      );
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.field_codes.username.code, 'given_twice');
      const village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      const before = (await admin.get(`/api/v1/activities?area=${village.id}`)).json.total;
      r = await raw(
        '/api/v1/activities',
        `{"type":"home_visit","held_on":"2026-01-10","area_id":"${village.id}",` +
          '"counts":[{"sex":"f","age_band":"18-59","count":1},' +
          '{"sex":"m","age_band":"18-59","count":1,"count":500}]}',
      );
      assert.equal(r.status, 400, r.text);
      assert.deepEqual(Object.keys(r.json.error.fields), ['counts[1].count']);
      assert.equal((await admin.get(`/api/v1/activities?area=${village.id}`)).json.total, before);
      // The same key in two objects is no repetition.
      r = await raw(
        '/api/v1/activities',
        `{"type":"home_visit","held_on":"2026-01-10","area_id":"${village.id}",` +
          '"counts":[{"sex":"f","age_band":"18-59","count":1},' +
          '{"sex":"m","age_band":"18-59","count":2}]}',
      );
      assert.equal(r.status, 201, r.text);
    });
  });
