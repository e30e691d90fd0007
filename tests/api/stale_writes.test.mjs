// A write based on an old version answers 409 `conflict` with the record as it is now in
// `error.current` (docs/api.md, "Updates"), on every versioned PATCH: here indicators, users and
// reports, which answered without it before -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

// Applies `change` at `version` twice: the first succeeds, the second is stale and must answer
// 409 with the record after the first change.
async function expectStale(client, path, version, change) {
  const ok = await client.patch(path, { version, ...change });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.version, version + 1);
  const stale = await client.patch(path, { version, ...change });
  assert.equal(stale.status, 409, stale.text);
  assert.equal(stale.json.error.code, 'conflict');
  assert.match(stale.json.error.fields.version, /^stale: current version is \d+$/);
  assert.deepEqual(stale.json.error.current, ok.json);
  return stale.json.error.current;
}

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

    test('a stale indicator PATCH carries the indicator as it is now', async () => {
      const code = `STALE_${uniq().toUpperCase()}`;
      const r = await admin.post('/api/v1/indicators', {
        code,
        name: 'Sessions held',
        record: 'activity',
        measure: 'count',
      });
      assert.equal(r.status, 201, r.text);
      const current = await expectStale(admin, `/api/v1/indicators/${code}`, r.json.version, {
        name: 'Sessions held (renamed)',
      });
      assert.equal(current.code, code);
      assert.equal(current.name, 'Sessions held (renamed)');
    });

    test('a stale user PATCH carries the user as they are now', async () => {
      const t1 = await areaByCode(admin, 'P1-D1-T1');
      const r = await admin.post('/api/v1/users', {
        username: `stale${uniq()}`,
        full_name: 'Before',
        password: 'stale-pass-1',
        roles: [{ role: 'mobiliser', area_id: t1.id }],
      });
      assert.equal(r.status, 201, r.text);
      const current = await expectStale(admin, `/api/v1/users/${r.json.id}`, r.json.version, {
        full_name: 'After',
      });
      assert.equal(current.full_name, 'After');
      assert.equal(current.pw_hash, undefined);
    });

    test('a stale report PATCH carries the report as it is now', async () => {
      const t1 = await areaByCode(admin, 'P1-D1-T1');
      const r = await admin.post('/api/v1/reports', {
        template_code: 'MPR',
        area_id: t1.id,
        period: '2025-09',
      });
      assert.equal(r.status, 201, r.text);
      const current = await expectStale(admin, `/api/v1/reports/${r.json.id}`, r.json.version, {
        achievements: 'Two sessions held.',
      });
      assert.equal(current.achievements, 'Two sessions held.');
      assert.equal(current.status, 'draft');
    });
  });
