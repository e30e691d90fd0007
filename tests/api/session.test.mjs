// Sign-in, cookie + CSRF, bearer tokens, throttling, password change, security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, login, areaByCode, uniq } from './support.mjs';

let srv;
before(async () => {
  srv = await startServer();
});
after(async () => {
  await srv?.stop();
});

async function newUser(admin, role = 'mobiliser', area = 'P1-D1') {
  const a = await areaByCode(admin, area);
  const username = `u${uniq()}`;
  const r = await admin.post('/api/v1/users', {
    username,
    full_name: 'Test User',
    password: 'secret-pass-1',
    roles: [{ role, area_id: a.id }],
  });
  assert.equal(r.status, 201, r.text);
  return { username, password: 'secret-pass-1', id: r.json.id };
}

test('login returns the user, roles and a CSRF token, and sets an HttpOnly cookie', async () => {
  const c = new Client(srv.base);
  const r = await c.post('/api/v1/session', { username: 'admin', password: 'admin-demo-pass' });
  assert.equal(r.status, 200);
  assert.equal(r.json.user.username, 'admin');
  assert.equal(r.json.user.roles[0].role, 'admin');
  assert.match(r.json.csrf_token, /^[0-9a-f]{32}$/);
  const cookie = r.headers.get('set-cookie');
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const me = await c.get('/api/v1/session');
  assert.equal(me.status, 200);
  assert.equal(me.json.user.username, 'admin');
  assert.equal(me.json.csrf_token, r.json.csrf_token);
});

test('wrong password, unknown user: 401 with the same message', async () => {
  const c = new Client(srv.base);
  const a = await c.post('/api/v1/session', { username: 'admin', password: 'nope-nope' });
  const b = await c.post('/api/v1/session', { username: 'nobody-here', password: 'nope-nope' });
  assert.equal(a.status, 401);
  assert.equal(b.status, 401);
  assert.equal(a.json.error.code, 'unauthenticated');
  assert.equal(a.json.error.message, b.json.error.message);
});

test('login body is validated strictly', async () => {
  const c = new Client(srv.base);
  let r = await c.post('/api/v1/session', { username: 'admin' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.fields.password, 'is required');
  r = await c.post('/api/v1/session', { username: 'admin', password: 'x', extra: 1 });
  assert.equal(r.json.error.fields.extra, 'unknown field');
  r = await c.post('/api/v1/session', { username: 5, password: 'x' });
  assert.equal(r.json.error.fields.username, 'must be a string');
  r = await c.post('/api/v1/session', '{"username":', {
    raw: true,
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(r.status, 400);
  r = await c.post('/api/v1/session', 'username=admin', {
    raw: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(r.status, 415);
});

test('five failures from one address hold that address back, even with the right password', async () => {
  const admin = await login(srv.base, 'admin');
  const u = await newUser(admin);
  const c = new Client(srv.base);
  for (let i = 0; i < 5; i++) {
    const r = await c.post('/api/v1/session', { username: u.username, password: 'wrong-pass' });
    assert.equal(r.status, 401);
  }
  const r = await c.post('/api/v1/session', { username: u.username, password: u.password });
  assert.equal(r.status, 429);
  assert.equal(r.json.error.code, 'rate_limited');
  assert.ok(r.headers.get('retry-after'));
});

test('cookie writes need the CSRF token; bearer tokens do not', async () => {
  const admin = await login(srv.base, 'admin');
  const root = await areaByCode(admin, 'P1');
  const noCsrf = new Client(srv.base);
  noCsrf.cookie = admin.cookie;
  let r = await noCsrf.post('/api/v1/areas', { parent_id: root.id, code: `X${uniq()}`, name: 'X' });
  assert.equal(r.status, 403);
  assert.match(r.json.error.message, /csrf/i);

  r = await admin.post('/api/v1/tokens', { name: 'script', expires_in_days: 7 });
  assert.equal(r.status, 201);
  assert.match(r.json.token, /^[0-9a-f]{64}$/);
  const script = new Client(srv.base);
  script.bearer = r.json.token;
  r = await script.post('/api/v1/areas', {
    parent_id: root.id,
    code: `T${uniq()}`,
    name: 'By token',
  });
  assert.equal(r.status, 201, r.text);
  r = await admin.post('/api/v1/tokens', { name: 'x', expires_in_days: 9999 });
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.expires_in_days);
});

test('no credentials: 401 on every API read', async () => {
  const c = new Client(srv.base);
  for (const p of ['/api/v1/areas', '/api/v1/users', '/api/v1/audit', '/api/v1/session']) {
    const r = await c.get(p);
    assert.equal(r.status, 401, p);
  }
});

test('logout ends the session', async () => {
  const c = await login(srv.base, 'admin');
  const old = c.cookie;
  assert.equal((await c.del('/api/v1/session')).status, 204);
  assert.equal(c.cookie, null);
  c.cookie = old;
  assert.equal((await c.get('/api/v1/areas')).status, 401);
});

test('password change keeps this session, ends the others, and the old password stops working', async () => {
  const admin = await login(srv.base, 'admin');
  const u = await newUser(admin);
  const a = await login(srv.base, u.username, u.password);
  const b = await login(srv.base, u.username, u.password);
  let r = await a.post('/api/v1/session/password', {
    current_password: 'wrong',
    new_password: 'new-secret-2',
  });
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.current_password);
  r = await a.post('/api/v1/session/password', {
    current_password: u.password,
    new_password: 'short',
  });
  assert.equal(r.status, 400);
  r = await a.post('/api/v1/session/password', {
    current_password: u.password,
    new_password: 'new-secret-2',
  });
  assert.equal(r.status, 204);
  assert.equal((await a.get('/api/v1/session')).status, 200);
  assert.equal((await b.get('/api/v1/session')).status, 401);
  assert.equal(
    (
      await new Client(srv.base).post('/api/v1/session', {
        username: u.username,
        password: u.password,
      })
    ).status,
    401,
  );
  await login(srv.base, u.username, 'new-secret-2');
});

test('a disabled user cannot sign in and loses their sessions', async () => {
  const admin = await login(srv.base, 'admin');
  const u = await newUser(admin);
  const s = await login(srv.base, u.username, u.password);
  const cur = await admin.get(`/api/v1/users/${u.id}`);
  const r = await admin.patch(`/api/v1/users/${u.id}`, {
    version: cur.json.version,
    disabled: true,
  });
  assert.equal(r.status, 200, r.text);
  assert.equal((await s.get('/api/v1/areas')).status, 401);
  const again = await new Client(srv.base).post('/api/v1/session', {
    username: u.username,
    password: u.password,
  });
  assert.equal(again.status, 401);
});

test('security headers, health and metrics', async () => {
  const r = await fetch(srv.base + '/healthz');
  assert.equal(r.status, 200);
  const health = await r.json();
  assert.equal(health.status, 'ok');
  assert.equal(health.database, 'ok');
  assert.equal(health.disk.status, 'ok');
  assert.ok(health.disk.free_bytes > 0);
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(r.headers.get('x-frame-options'), 'DENY');
  assert.ok(r.headers.get('content-security-policy'));
  const m = await (await fetch(srv.base + '/metrics')).text();
  assert.match(m, /mobilise_http_requests_total\{route="GET \/healthz",status="200"\} \d+/);
  assert.match(m, /mobilise_http_request_duration_seconds_bucket/);
  assert.match(m, /mobilise_db_pool_connections\{state="open"\}/);
  const o = await (await fetch(srv.base + '/api/v1/openapi.json')).json();
  assert.ok(o.paths['/api/v1/areas/{id}'].patch);
});
