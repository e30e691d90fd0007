// The session carries what the web app needs to know and must not re-derive: the caller's
// permissions (computed on the server from the role definitions) and the configuration the
// screens use (sexes, UNHCR age bands) -- both backends, on login and on a later GET.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, freshPgDatabase } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
    });
    after(async () => {
      await srv?.stop();
    });

    test('login and GET /session answer the same permissions and configuration', async () => {
      const c = await login(srv.base, 'officer.t1');
      const r = await c.post('/api/v1/session', { username: 'officer.t1', password: 'demo-pass' });
      assert.equal(r.status, 200);
      const me = await c.get('/api/v1/session');
      assert.equal(me.status, 200);
      assert.deepEqual(me.json.permissions, r.json.permissions);
      assert.deepEqual(me.json.config, r.json.config);
    });

    test('the configuration lists the sexes and the UNHCR age bands in order', async () => {
      const c = await login(srv.base, 'mobiliser.u1');
      const { config } = (await c.get('/api/v1/session')).json;
      assert.deepEqual(config.sexes, ['f', 'm', 'x']);
      assert.deepEqual(config.age_bands, ['0-4', '5-11', '12-17', '18-59', '60+']);
      assert.equal(config.unknown_age_band, 'unknown');
    });

    test('permissions follow the roles: each role its own, held in any area', async () => {
      const perms = async (user) =>
        (await (await login(srv.base, user)).get('/api/v1/session')).json.permissions;
      const admin = await perms('admin');
      for (const p of ['area.write', 'user.write', 'audit.read', 'registry.write', 'config.write'])
        assert.ok(admin.includes(p), p);
      assert.ok(!admin.includes('activity.verify'));
      assert.ok(!admin.includes('feedback.sensitive'));

      const mob = await perms('mobiliser.u1');
      assert.ok(mob.includes('registry.write'));
      assert.ok(mob.includes('activity.write'));
      for (const p of [
        'activity.verify',
        'user.write',
        'report.write',
        'course.write',
        'supervision.write',
      ])
        assert.ok(!mob.includes(p), p);

      const officer = await perms('officer.t1');
      for (const p of [
        'activity.verify',
        'report.approve',
        'training_plan.write',
        'feedback.manage',
        'supervision.write',
      ])
        assert.ok(officer.includes(p), p);
      assert.ok(!officer.includes('course.write'));

      const manager = await perms('manager.d1');
      assert.ok(manager.includes('course.write'));
      assert.ok(manager.includes('target.write'));

      const me = await perms('me.p1');
      assert.ok(me.includes('indicator.write'));
      assert.ok(!me.includes('activity.write'));
      assert.ok(!me.includes('feedback.write'));

      const focal = await perms('focal.d1');
      assert.ok(focal.includes('feedback.sensitive'));
      assert.ok(!focal.includes('activity.write'));
    });

    test('programme-wide permissions: only what a grant on a top-level area gives', async () => {
      const session = async (user) =>
        (await (await login(srv.base, user)).get('/api/v1/session')).json;
      // An administrator of one province holds area.write there, not over the programme.
      const provincial = await session('admin.p2');
      assert.ok(provincial.permissions.includes('area.write'));
      assert.ok(provincial.permissions.includes('indicator.write'));
      assert.deepEqual(provincial.programme_permissions, []);
      const meP1 = await session('me.p1');
      assert.ok(meP1.permissions.includes('indicator.write'));
      assert.ok(!meP1.programme_permissions.includes('indicator.write'));
      // The national administrator holds them programme-wide too, and nothing beyond its roles.
      const national = await session('admin');
      for (const p of ['area.write', 'indicator.write', 'config.write', 'audit.read'])
        assert.ok(
          national.permissions.includes(p) && national.programme_permissions.includes(p),
          p,
        );
      assert.ok(!national.programme_permissions.includes('activity.verify'));
      for (const p of national.programme_permissions)
        assert.ok(national.permissions.includes(p), p);
      // What a refused programme-wide write looks like: the provincial administrator may not.
      const c = await login(srv.base, 'admin.p2');
      const settings = await c.get('/api/v1/programme-settings');
      assert.equal(settings.status, 200);
      const put = await c.request('PUT', '/api/v1/programme-settings', settings.json);
      assert.equal(put.status, 403, put.text);
    });

    test('a bearer token has no session, so neither permissions nor configuration', async () => {
      const c = await login(srv.base, 'admin');
      const t = await c.post('/api/v1/tokens', { name: 'script' });
      assert.equal(t.status, 201, t.text);
      const res = await fetch(srv.base + '/api/v1/session', {
        headers: { authorization: `Bearer ${t.json.token}` },
      });
      assert.equal(res.status, 400);
    });
  });
