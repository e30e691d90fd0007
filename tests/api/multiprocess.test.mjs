// Two `mobilise serve` processes on one PostgreSQL behave as one system: sessions, login
// throttling and records are shared, nothing lives in one process's memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshPgDatabase, Client, login, areaByCode, uniq } from './support.mjs';

let a, b;
before(async () => {
  const database = freshPgDatabase();
  a = await startServer({ database });
  b = await startServer({ database, seed: false });
});
after(async () => {
  await a?.stop();
  await b?.stop();
});

test('a session made on one server works on the other, and logout ends it on both', async () => {
  const onA = await login(a.base, 'admin');
  const onB = new Client(b.base);
  onB.cookie = onA.cookie;
  onB.csrf = onA.csrf;
  assert.equal((await onB.get('/api/v1/session')).json.user.username, 'admin');
  assert.equal((await onA.del('/api/v1/session')).status, 204);
  assert.equal((await onB.get('/api/v1/areas')).status, 401);
});

test('records written through one server are read through the other', async () => {
  const onA = await login(a.base, 'admin');
  const onB = await login(b.base, 'admin');
  const d1 = await areaByCode(onA, 'P1-D1');
  const code = `MP${uniq()}`;
  const r = await onA.post('/api/v1/areas', { parent_id: d1.id, code, name: 'Made on A' });
  assert.equal(r.status, 201);
  assert.equal((await areaByCode(onB, code)).id, r.json.id);
  const u = await onB.patch(`/api/v1/areas/${r.json.id}`, { version: 1, name: 'Edited on B' });
  assert.equal(u.status, 200);
  assert.equal(
    (await onA.patch(`/api/v1/areas/${r.json.id}`, { version: 1, name: 'Stale on A' })).status,
    409,
  );
});

test('failed logins count across both servers', async () => {
  const admin = await login(a.base, 'admin');
  const t1 = await areaByCode(admin, 'P2-D1');
  const username = `mp${uniq()}`;
  await admin.post('/api/v1/users', {
    username,
    full_name: 'MP',
    password: 'right-pass-1',
    roles: [{ role: 'officer', area_id: t1.id }],
  });
  for (let i = 0; i < 5; i++) {
    const srv = i % 2 ? b : a;
    assert.equal(
      (await new Client(srv.base).post('/api/v1/session', { username, password: 'wrong-pass' }))
        .status,
      401,
    );
  }
  assert.equal(
    (await new Client(b.base).post('/api/v1/session', { username, password: 'right-pass-1' }))
      .status,
    429,
  );
  assert.equal(
    (await new Client(a.base).post('/api/v1/session', { username, password: 'right-pass-1' }))
      .status,
    429,
  );
});
