// HTTP Basic on /openrosa/ (behind TLS), on SQLite and PostgreSQL: each request is checked
// without a session; a 50-form session writes one sign-in to the audit log, not 50 sign-ins and
// sign-outs; a changed password or a disabled user stops the old credentials at once; failures
// are audited and throttled as the web sign-in's are.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, freshPgDatabase, login, areaByCode, uniq } from './support.mjs';
import { OR } from './openrosa_support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(`Basic credentials on /openrosa/ (${backend})`, () => {
    let srv, admin, area;
    before(async () => {
      // The tests stand for a TLS-terminating proxy on loopback (x-forwarded-proto: https).
      srv = await startServer({
        ...(backend === 'postgres' ? { database: freshPgDatabase() } : {}),
        env: { MOBILISE_TRUSTED_PROXIES: '127.0.0.1' },
      });
      admin = await login(srv.base, 'admin');
      area = await areaByCode(admin, 'P1-D1-T1-U1-V1');
    });
    after(() => srv?.stop());

    // A new mobiliser (so that no other test's sign-ins or failures count).
    const newUser = async () => {
      const username = 'basic' + uniq();
      const r = await admin.post('/api/v1/users', {
        username,
        full_name: 'Basic User',
        password: 'basic-pass-1',
        locale: 'en',
        roles: [{ role: 'mobiliser', area_id: area.id }],
      });
      assert.equal(r.status, 201, r.text);
      return { username, user: r.json };
    };
    const formList = (username, password) =>
      fetch(`${srv.base}/openrosa/formList`, {
        headers: {
          ...OR,
          authorization: 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64'),
          'x-forwarded-proto': 'https',
        },
      });
    const audit = async (userId, action) => {
      const r = await admin.get(`/api/v1/audit?user_id=${userId}&action=${action}&limit=100`);
      assert.equal(r.status, 200, r.text);
      return r.json.items;
    };
    const patchUser = async (user, body) => {
      const now = await admin.get(`/api/v1/users/${user.id}`);
      const r = await admin.patch(`/api/v1/users/${user.id}`, {
        version: now.json.version,
        ...body,
      });
      assert.equal(r.status, 200, r.text);
    };

    it('fifty requests: every one answered, one sign-in audited, no session', async () => {
      const { username, user } = await newUser();
      for (let i = 0; i < 50; i++) {
        const r = await formList(username, 'basic-pass-1');
        assert.equal(r.status, 200, await r.text());
      }
      const logins = await audit(user.id, 'login');
      assert.equal(logins.length, 1, JSON.stringify(logins));
      assert.equal(logins[0].entity, 'basic');
      assert.equal((await audit(user.id, 'logout')).length, 0);
    });

    it('a changed password or a disabled user stops the old credentials at once', async () => {
      const { username, user } = await newUser();
      assert.equal((await formList(username, 'basic-pass-1')).status, 200);
      await patchUser(user, { password: 'basic-pass-2' });
      assert.equal((await formList(username, 'basic-pass-1')).status, 401);
      assert.equal((await formList(username, 'basic-pass-2')).status, 200);
      await patchUser(user, { disabled: true });
      assert.equal((await formList(username, 'basic-pass-2')).status, 401);
    });

    it('x-forwarded-proto from a client that is not a trusted proxy does not make Basic work', async () => {
      const direct = await startServer(
        backend === 'postgres' ? { database: freshPgDatabase(), seed: true } : {},
      );
      try {
        const r = await fetch(`${direct.base}/openrosa/formList`, {
          headers: {
            ...OR,
            authorization: 'Basic ' + Buffer.from('admin:admin-demo-pass').toString('base64'),
            'x-forwarded-proto': 'https',
          },
        });
        assert.equal(r.status, 401);
        assert.match(await r.text(), /only available over HTTPS/);
      } finally {
        await direct.stop();
      }
    });

    it('failures are audited; the sixth in the window answers 429 before any check', async () => {
      const { username, user } = await newUser();
      for (let i = 0; i < 5; i++) {
        const r = await formList(username, 'wrong-pass');
        assert.equal(r.status, 401);
        assert.match(await r.text(), /Could not authenticate with the provided credentials/);
      }
      assert.equal((await audit(user.id, 'login_failed')).length, 5);
      const limited = await formList(username, 'basic-pass-1');
      assert.equal(limited.status, 429);
      assert.match(
        await limited.text(),
        /<OpenRosaResponse[^>]*>\s*<message nature="error">too many/,
      );
      assert.equal((await audit(user.id, 'login')).length, 0, 'nothing signed in');
    });
  });
