// The crash window of idempotent creates: the server dies (SIGKILL, through the test hook
// MOBILISE_TEST_ABORT_AFTER_COMMIT=1) after a create has committed and before its answer is kept.
// The key was written in the record's own transaction, so the retry sent to a restarted server on
// the same database is a replay (201, `Idempotent-Replayed: true`) read from the record, not a
// 409, and there is exactly one record. Both databases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  startServer,
  freshPgDatabase,
  freshSqliteDatabase,
  login,
  areaByCode,
} from './support.mjs';

const count = (r) => {
  assert.equal(r.status, 200, r.text);
  return r.json.total ?? r.json.items.length;
};

// POSTs `body` to a server that kills itself after the commit: the request gets no answer.
async function postIntoTheCrash(client, path, body) {
  await assert.rejects(client.post(path, body), 'the server answered instead of dying');
}

async function waitForExit(srv) {
  for (let i = 0; i < 100 && srv.exitSignal() === undefined; i++) await sleep(50);
  assert.equal(srv.exitSignal(), 'SIGKILL');
}

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    test('a create whose server died after the commit is replayed from the record', async () => {
      const sqlite = backend === 'sqlite' ? freshSqliteDatabase() : null;
      const database = sqlite ? sqlite.url : freshPgDatabase();
      const env = { MOBILISE_TEST_ABORT_AFTER_COMMIT: '1' };
      let srv = await startServer({ database, env });
      try {
        let admin = await login(srv.base, 'admin');
        const village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
        const households = `/api/v1/households?area=${village.id}&limit=1`;
        const before = count(await admin.get(households));
        const id = randomUUID();
        const body = {
          id,
          area_id: village.id,
          head_name: 'Crash Head',
          people: [{ name: 'Crash Head', sex: 'f', relation: 'head', age: 35 }],
        };
        await postIntoTheCrash(admin, '/api/v1/households', body);
        await waitForExit(srv);
        await srv.stop();

        srv = await startServer({ database, seed: false });
        admin = await login(srv.base, 'admin');
        assert.equal(count(await admin.get(households)), before + 1, 'the record was committed');
        const retry = await admin.post('/api/v1/households', body);
        assert.equal(retry.status, 201, retry.text);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.equal(retry.json.id, id);
        assert.equal(retry.json.head_name, 'Crash Head');
        assert.equal(count(await admin.get(households)), before + 1, 'exactly one record');
        // The replay answered from the record has not made the key a different request's.
        const other = await admin.post('/api/v1/households', { ...body, head_name: 'Other' });
        assert.equal(other.status, 409);
        assert.equal(other.json.error.fields.id, 'already used for a different record');
        // Once answered, the answer is kept: the next retry is the same answer again.
        const again = await admin.post('/api/v1/households', body);
        assert.equal(again.status, 201);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(again.json, retry.json);
      } finally {
        await srv.stop();
        if (sqlite) rmSync(sqlite.dir, { recursive: true, force: true });
      }
    });

    test('a create without a detail route is replayed with its id', async () => {
      const sqlite = backend === 'sqlite' ? freshSqliteDatabase() : null;
      const database = sqlite ? sqlite.url : freshPgDatabase();
      let srv = await startServer({ database });
      try {
        let admin = await login(srv.base, 'admin');
        const village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
        const made = await admin.post('/api/v1/households', {
          area_id: village.id,
          head_name: 'Crash Parent',
          people: [{ name: 'Crash Parent', sex: 'm', relation: 'head', age: 50 }],
        });
        assert.equal(made.status, 201, made.text);
        await srv.stop();
        srv = await startServer({
          database,
          seed: false,
          env: { MOBILISE_TEST_ABORT_AFTER_COMMIT: '1' },
        });
        admin = await login(srv.base, 'admin');
        const path = `/api/v1/households/${made.json.id}/people`;
        const id = randomUUID();
        const body = { id, name: 'Crash Child', sex: 'f', relation: 'daughter', age: 6 };
        await postIntoTheCrash(admin, path, body);
        await waitForExit(srv);
        await srv.stop();

        srv = await startServer({ database, seed: false });
        admin = await login(srv.base, 'admin');
        const retry = await admin.post(path, body);
        assert.equal(retry.status, 201, retry.text);
        assert.equal(retry.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(retry.json, { id });
        const people = (await admin.get(path)).json.items;
        assert.equal(people.filter((p) => p.id === id).length, 1);
        assert.equal(people.filter((p) => p.name === 'Crash Child').length, 1);
      } finally {
        await srv.stop();
        if (sqlite) rmSync(sqlite.dir, { recursive: true, force: true });
      }
    });
  });
