// Bearer tokens end with the password, an administrator's reset and disabling (re-enabling does
// not revive them); a token cannot make tokens; tokens are listed (own, and an administrator's
// users' in scope) and revoked with an audit entry. Both databases.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
    });
    after(async () => {
      await srv?.stop();
    });

    async function newUser(admin, area = 'P1-D1') {
      const a = await areaByCode(admin, area);
      const username = `u${uniq()}`;
      const r = await admin.post('/api/v1/users', {
        username,
        full_name: 'Token User',
        password: 'secret-pass-1',
        roles: [{ role: 'officer', area_id: a.id }],
      });
      assert.equal(r.status, 201, r.text);
      return { username, password: 'secret-pass-1', id: r.json.id };
    }

    // A signed-in client of `u` and a bearer client of a token it made.
    async function withToken(u, name = 'script') {
      const c = await login(srv.base, u.username, u.password);
      const t = await c.post('/api/v1/tokens', { name, expires_in_days: 30 });
      assert.equal(t.status, 201, t.text);
      const bearer = new Client(srv.base);
      bearer.bearer = t.json.token;
      assert.equal((await bearer.get('/api/v1/areas')).status, 200);
      return { c, bearer, id: t.json.id };
    }

    const patchUser = async (admin, id, body) => {
      const cur = await admin.get(`/api/v1/users/${id}`);
      const r = await admin.patch(`/api/v1/users/${id}`, { version: cur.json.version, ...body });
      assert.equal(r.status, 200, r.text);
    };

    test('a password change ends the user’s tokens', async () => {
      const admin = await login(srv.base, 'admin');
      const u = await newUser(admin);
      const { c, bearer } = await withToken(u);
      const r = await c.post('/api/v1/session/password', {
        current_password: u.password,
        new_password: 'new-secret-2',
      });
      assert.equal(r.status, 204, r.text);
      assert.equal((await bearer.get('/api/v1/areas')).status, 401);
    });

    test('an administrator’s reset ends the user’s tokens', async () => {
      const admin = await login(srv.base, 'admin');
      const u = await newUser(admin);
      const { bearer } = await withToken(u);
      await patchUser(admin, u.id, { password: 'reset-pass-9' });
      assert.equal((await bearer.get('/api/v1/areas')).status, 401);
    });

    test('disabling ends the tokens and re-enabling does not bring them back', async () => {
      const admin = await login(srv.base, 'admin');
      const u = await newUser(admin);
      const { bearer } = await withToken(u);
      await patchUser(admin, u.id, { disabled: true });
      assert.equal((await bearer.get('/api/v1/areas')).status, 401);
      await patchUser(admin, u.id, { disabled: false });
      assert.equal((await bearer.get('/api/v1/areas')).status, 401);
      await login(srv.base, u.username, u.password); // the account itself works again
    });

    test('a token cannot make another token', async () => {
      const admin = await login(srv.base, 'admin');
      const u = await newUser(admin);
      const { bearer } = await withToken(u);
      const r = await bearer.post('/api/v1/tokens', { name: 'child', expires_in_days: 365 });
      assert.equal(r.status, 403, r.text);
      assert.equal(r.json.error.code, 'forbidden');
      assert.equal((await bearer.get('/api/v1/tokens')).json.items.length, 1);
    });

    test('tokens are listed: one’s own, and an administrator’s users’ in scope', async () => {
      const admin = await login(srv.base, 'admin');
      const inP1 = await newUser(admin, 'P1-D1');
      const inP2 = await newUser(admin, 'P2-D1');
      const a = await withToken(inP1, 'p1-script');
      const b = await withToken(inP2, 'p2-script');
      const own = (await a.c.get('/api/v1/tokens')).json.items;
      assert.deepEqual(
        own.map((t) => [t.id, t.user_id, t.name]),
        [[a.id, inP1.id, 'p1-script']],
      );
      assert.ok(!('token' in own[0]) && !('token_hash' in own[0]));
      const ids = async (who) => (await who.get('/api/v1/tokens')).json.items.map((t) => t.id);
      const national = await ids(admin);
      assert.ok(national.includes(a.id) && national.includes(b.id));
      const provincial = await ids(await login(srv.base, 'admin.p2'));
      assert.ok(provincial.includes(b.id), 'admin.p2 sees P2’s token');
      assert.ok(!provincial.includes(a.id), 'admin.p2 does not see P1’s token');
    });

    test('revoking: own or in scope, audited; out of scope is not found', async () => {
      const admin = await login(srv.base, 'admin');
      const inP1 = await newUser(admin, 'P1-D1');
      const a = await withToken(inP1);
      const p2 = await login(srv.base, 'admin.p2');
      let r = await p2.del(`/api/v1/tokens/${a.id}`);
      assert.equal(r.status, 404, r.text);
      assert.equal((await a.bearer.get('/api/v1/areas')).status, 200);
      r = await a.c.del(`/api/v1/tokens/${a.id}`);
      assert.equal(r.status, 204, r.text);
      assert.equal((await a.bearer.get('/api/v1/areas')).status, 401);
      assert.equal((await a.c.del(`/api/v1/tokens/${a.id}`)).status, 404);
      const audit = await admin.get(`/api/v1/audit?entity=token&entity_id=${a.id}`);
      assert.deepEqual(
        audit.json.items.map((e) => e.action),
        ['revoke', 'create'],
      );
      // An administrator revokes a user's token.
      const b = await withToken(inP1, 'second');
      assert.equal((await admin.del(`/api/v1/tokens/${b.id}`)).status, 204);
      assert.equal((await b.bearer.get('/api/v1/areas')).status, 401);
      assert.equal((await admin.del('/api/v1/tokens/not-an-id')).status, 404);
    });
  });
