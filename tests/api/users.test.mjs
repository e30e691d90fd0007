// Users: create with roles in areas, list filters, edits, scope of administrators.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq, runCli } from './support.mjs';

let srv, admin;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
});
after(async () => {
  await srv?.stop();
});

test('roles catalogue', async () => {
  const r = (await admin.get('/api/v1/roles')).json;
  assert.deepEqual(
    r.map((x) => x.role),
    ['mobiliser', 'officer', 'manager', 'me', 'admin', 'focal_point'],
  );
});

test('create a user scoped to an area; they see only that subtree', async () => {
  const t1 = await areaByCode(admin, 'P1-D1-T1');
  const username = `mob${uniq()}`;
  let r = await admin.post('/api/v1/users', {
    username,
    full_name: 'زرغونه احمدي',
    password: 'field-pass-1',
    locale: 'ps',
    roles: [{ role: 'mobiliser', area_id: t1.id }],
  });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.json.roles[0].area_name, t1.name);
  assert.equal(r.json.full_name, 'زرغونه احمدي');
  assert.equal(r.json.pw_hash, undefined);
  const m = await login(srv.base, username, 'field-pass-1');
  const top = (await m.get('/api/v1/areas')).json.items;
  assert.deepEqual(
    top.map((a) => a.id),
    [t1.id],
  );
  const p2 = await areaByCode(admin, 'P2');
  assert.equal((await m.get(`/api/v1/areas/${p2.id}`)).status, 404);
  assert.equal((await m.get('/api/v1/areas?q=P2-')).json.total, 0);
  assert.equal((await m.get('/api/v1/users')).status, 403);
  assert.equal((await m.get('/api/v1/audit')).status, 403);
  r = await m.post('/api/v1/areas', { parent_id: t1.id, code: `M${uniq()}`, name: 'x' });
  assert.equal(r.status, 403);
});

test('user validation names every bad field; usernames are unique', async () => {
  let r = await admin.post('/api/v1/users', {
    username: 'A',
    full_name: '',
    password: 'short',
    locale: 'xx',
    roles: [{ role: 'king', area_id: 'nope' }, { role: 'admin' }],
  });
  assert.equal(r.status, 400);
  const f = r.json.error.fields;
  for (const k of [
    'username',
    'full_name',
    'password',
    'locale',
    'roles[0].role',
    'roles[1].area_id',
  ])
    assert.ok(f[k], k);
  const p1 = await areaByCode(admin, 'P1');
  r = await admin.post('/api/v1/users', {
    username: 'admin',
    full_name: 'x',
    password: 'long-enough',
    roles: [{ role: 'me', area_id: p1.id }],
  });
  assert.equal(r.status, 409);
});

test('a provincial admin manages only users of their province', async () => {
  const padmin = await login(srv.base, 'admin.p2');
  const p1 = await areaByCode(admin, 'P1');
  const p2d1 = await areaByCode(padmin, 'P2-D1');
  let r = await padmin.post('/api/v1/users', {
    username: `x${uniq()}`,
    full_name: 'x',
    password: 'long-enough',
    roles: [{ role: 'me', area_id: p1.id }],
  });
  assert.equal(r.status, 400); // P1 is not among their areas: the field is named
  assert.ok(r.json.error.fields['roles[0].area_id']);
  r = await padmin.post('/api/v1/users', {
    username: `x${uniq()}`,
    full_name: 'Officer',
    password: 'long-enough',
    roles: [{ role: 'officer', area_id: p2d1.id }],
  });
  assert.equal(r.status, 201, r.text);
  const list = (await padmin.get('/api/v1/users?limit=500')).json;
  assert.ok(list.items.every((u) => u.roles.every((x) => x.area_name)));
  assert.ok(!list.items.some((u) => u.username === 'admin' || u.username === 'mobiliser.u1'));
  const u1 = (await admin.get('/api/v1/users?q=mobiliser.u1')).json.items[0];
  assert.equal((await padmin.get(`/api/v1/users/${u1.id}`)).status, 404);
  r = await padmin.patch(`/api/v1/users/${u1.id}`, { version: u1.version, full_name: 'hijack' });
  assert.equal(r.status, 404);
});

test('list filters: role, area subtree, text, disabled', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  const byRole = (await admin.get('/api/v1/users?role=manager')).json.items;
  assert.ok(byRole.length >= 1 && byRole.every((u) => u.roles.some((r) => r.role === 'manager')));
  const inD1 = (await admin.get(`/api/v1/users?area=${d1.id}&limit=500`)).json.items.map(
    (u) => u.username,
  );
  for (const n of ['manager.d1', 'officer.t1', 'mobiliser.u1']) assert.ok(inD1.includes(n), n);
  assert.ok(!inD1.includes('mobiliser.u2'));
  assert.equal((await admin.get('/api/v1/users?q=OFFICER.T')).json.items[0].username, 'officer.t1');
  assert.equal((await admin.get('/api/v1/users?role=king')).status, 400);
  assert.equal((await admin.get('/api/v1/users?disabled=maybe')).status, 400);
});

test('edit roles and locale with the version; admins cannot disable themselves', async () => {
  const t1 = await areaByCode(admin, 'P1-D1-T1');
  const d1 = await areaByCode(admin, 'P1-D1');
  const c = await admin.post('/api/v1/users', {
    username: `e${uniq()}`,
    full_name: 'E',
    password: 'long-enough',
    roles: [{ role: 'mobiliser', area_id: t1.id }],
  });
  let r = await admin.patch(`/api/v1/users/${c.json.id}`, {
    version: 1,
    locale: 'uk',
    roles: [
      { role: 'officer', area_id: d1.id },
      { role: 'focal_point', area_id: d1.id },
    ],
  });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 2);
  assert.deepEqual(r.json.roles.map((x) => x.role).sort(), ['focal_point', 'officer']);
  r = await admin.patch(`/api/v1/users/${c.json.id}`, { version: 1, locale: 'en' });
  assert.equal(r.status, 409);
  const me = (await admin.get('/api/v1/session')).json.user;
  r = await admin.patch(`/api/v1/users/${me.id}`, { version: me.version, disabled: true });
  assert.equal(r.status, 400);
  const audit = (await admin.get(`/api/v1/audit?entity=user&entity_id=${c.json.id}`)).json.items;
  assert.equal(audit[0].action, 'update');
  assert.equal(audit[0].before.locale, 'en');
  assert.equal(audit[0].after.locale, 'uk');
  assert.ok(!JSON.stringify(audit).includes('argon2'));
});

test('the CLI adds, lists, re-passwords and disables users', async () => {
  const name = `cli${uniq()}`;
  runCli(
    [
      '--database',
      srv.database,
      'user',
      'add',
      name,
      '--full-name',
      'From CLI',
      '--role',
      'officer',
      '--area',
      'P2-D1',
      '--password-stdin',
    ],
    'cli-pass-123\n',
  );
  await login(srv.base, name, 'cli-pass-123');
  assert.match(
    runCli(['--database', srv.database, 'user', 'list']),
    new RegExp(`${name}\\s+officer@`),
  );
  runCli(
    ['--database', srv.database, 'user', 'passwd', name, '--password-stdin'],
    'cli-pass-456\n',
  );
  await login(srv.base, name, 'cli-pass-456');
  runCli(['--database', srv.database, 'user', 'disable', name]);
  await assert.rejects(login(srv.base, name, 'cli-pass-456'));
});
