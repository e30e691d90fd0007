// Device sessions (sign-in with `device`: listed, revocable, named in the audit log), the
// account's own language (PATCH /session) and feedback's short references -- on SQLite and
// PostgreSQL. The sliding expiry is checked with a pinned clock in the unit tests
// (src/storage/repositories/device_session_test.cpp): the server has no test clock.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startServer, Client, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

const PASSWORD = 'secret-pass-1';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, uc;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
    });
    after(async () => {
      await srv?.stop();
    });

    async function newUser(role = 'mobiliser') {
      const username = `dev${uniq()}`;
      const r = await admin.post('/api/v1/users', {
        username,
        full_name: 'Device User',
        password: PASSWORD,
        roles: [{ role, area_id: uc.id }],
      });
      assert.equal(r.status, 201, r.text);
      return { username, id: r.json.id };
    }

    async function signIn(username, device) {
      const c = new Client(srv.base);
      const body = device
        ? { username, password: PASSWORD, device }
        : { username, password: PASSWORD };
      const r = await c.post('/api/v1/session', body);
      assert.equal(r.status, 200, r.text);
      c.csrf = r.json.csrf_token;
      return { c, r };
    }

    test('a device sign-in is a device session: in the answer, the cookie and the list', async () => {
      const u = await newUser();
      const device = { id: randomUUID(), name: 'Samsung A05 (Chrome)' };
      const { c, r } = await signIn(u.username, device);
      assert.deepEqual(r.json.device, device);
      const maxAge = Number(/Max-Age=(\d+)/.exec(r.headers.get('set-cookie'))[1]);
      assert.ok(maxAge > 30 * 86400, `a device cookie outlives 30 days (${maxAge})`);
      assert.deepEqual((await c.get('/api/v1/session')).json.device, device);

      const plain = await signIn(u.username);
      assert.equal(plain.r.json.device, null);
      assert.equal(Number(/Max-Age=(\d+)/.exec(plain.r.headers.get('set-cookie'))[1]), 12 * 3600);

      const list = await admin.get(`/api/v1/users/${u.id}/devices`);
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json.items.length, 1);
      const d = list.json.items[0];
      assert.equal(d.id, device.id);
      assert.equal(d.name, device.name);
      assert.equal(d.revoked_at, null);
      assert.match(d.last_seen_at, /^\d{4}-\d\d-\d\dT/);
      // The user sees their own devices too.
      assert.deepEqual((await c.get(`/api/v1/users/${u.id}/devices`)).json.items, list.json.items);
    });

    test('revoking a device ends its sessions at once, and only its sessions', async () => {
      const u = await newUser();
      const phone = { id: randomUUID(), name: 'Tecno Spark (Chrome)' };
      const tablet = { id: randomUUID(), name: 'Tablet' };
      const a = await signIn(u.username, phone);
      const a2 = await signIn(u.username, phone); // a second session on the same phone
      const b = await signIn(u.username, tablet);
      const plain = await signIn(u.username);
      assert.equal((await a.c.get('/api/v1/session')).status, 200);

      let r = await admin.del(`/api/v1/users/${u.id}/devices/${phone.id}`);
      assert.equal(r.status, 204, r.text);
      assert.equal((await a.c.get('/api/v1/session')).status, 401);
      assert.equal((await a2.c.get('/api/v1/areas')).status, 401);
      assert.equal((await b.c.get('/api/v1/session')).status, 200);
      assert.equal((await plain.c.get('/api/v1/session')).status, 200);

      const list = (await admin.get(`/api/v1/users/${u.id}/devices`)).json.items;
      assert.ok(list.find((d) => d.id === phone.id).revoked_at);
      assert.equal(list.find((d) => d.id === tablet.id).revoked_at, null);

      // The revocation is audited; a second one changes nothing.
      const audit = (await admin.get(`/api/v1/audit?entity=device&limit=50`)).json.items;
      assert.equal(
        audit.filter((e) => e.entity_id === phone.id && e.action === 'revoke').length,
        1,
      );
      r = await admin.del(`/api/v1/users/${u.id}/devices/${phone.id}`);
      assert.equal(r.status, 204);
      const again = (await admin.get(`/api/v1/audit?entity=device&limit=50`)).json.items;
      assert.equal(again.filter((e) => e.entity_id === phone.id).length, 1);

      // Signing in again with the password lifts it.
      const back = await signIn(u.username, phone);
      assert.equal((await back.c.get('/api/v1/session')).status, 200);
      const after = (await admin.get(`/api/v1/users/${u.id}/devices`)).json.items;
      assert.equal(after.find((d) => d.id === phone.id).revoked_at, null);
    });

    test('the user may revoke their own device; others may not touch it', async () => {
      const u = await newUser();
      const other = await newUser();
      const device = { id: randomUUID(), name: 'Lost phone' };
      await signIn(u.username, device);
      const self = await signIn(u.username);
      const stranger = await signIn(other.username);
      assert.equal((await stranger.c.get(`/api/v1/users/${u.id}/devices`)).status, 404);
      assert.equal(
        (await stranger.c.del(`/api/v1/users/${u.id}/devices/${device.id}`)).status,
        404,
      );
      assert.equal((await self.c.del(`/api/v1/users/${u.id}/devices/${randomUUID()}`)).status, 404);
      assert.equal((await self.c.del(`/api/v1/users/${u.id}/devices/${device.id}`)).status, 204);
      const list = (await self.c.get(`/api/v1/users/${u.id}/devices`)).json.items;
      assert.ok(list[0].revoked_at);
    });

    test('the audit log names the device behind each write', async () => {
      const u = await newUser();
      const device = { id: randomUUID(), name: 'Field phone 7' };
      const { c } = await signIn(u.username, device);
      const fb = await c.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'cefc_walk_in',
        category: 'complaint_service',
        description: `Device audit ${uniq()}`,
      });
      assert.equal(fb.status, 201, fb.text);
      const plain = await signIn(u.username);
      const fb2 = await plain.c.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'cefc_walk_in',
        category: 'complaint_service',
        description: `No device ${uniq()}`,
      });
      assert.equal(fb2.status, 201, fb2.text);
      const entry = async (id) =>
        (await admin.get(`/api/v1/audit?entity=feedback&entity_id=${id}`)).json.items.find(
          (e) => e.action === 'create',
        );
      assert.deepEqual((await entry(fb.json.id)).device, device);
      assert.equal((await entry(fb2.json.id)).device, null);
    });

    test('a malformed device is refused and changes nothing', async () => {
      const u = await newUser();
      const c = new Client(srv.base);
      for (const [device, field] of [
        [{ id: 'not-a-uuid', name: 'x' }, 'device.id'],
        [{ id: randomUUID().toUpperCase(), name: 'x' }, 'device.id'],
        [{ id: randomUUID(), name: '' }, 'device.name'],
        [{ id: randomUUID(), name: 'x'.repeat(101) }, 'device.name'],
        [{ id: randomUUID() }, 'device.name'],
        [{ id: randomUUID(), name: 'x', extra: 1 }, 'device.extra'],
      ]) {
        const r = await c.post('/api/v1/session', {
          username: u.username,
          password: PASSWORD,
          device,
        });
        assert.equal(r.status, 400, JSON.stringify(device));
        assert.equal(r.json.error.code, 'validation');
        assert.ok(r.json.error.fields[field], `${field} in ${r.text}`);
        assert.equal(r.headers.get('set-cookie'), null);
      }
      assert.equal((await admin.get(`/api/v1/users/${u.id}/devices`)).json.items.length, 0);
    });

    test("the language is the account's: PATCH /session saves it, the next sign-in has it", async () => {
      const u = await newUser();
      const { c } = await signIn(u.username);
      let r = await c.patch('/api/v1/session', { locale: 'ps' });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.user.locale, 'ps');
      const again = await signIn(u.username);
      assert.equal(again.r.json.user.locale, 'ps');
      r = await c.patch('/api/v1/session', { locale: 'xx' });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.locale);
      r = await c.patch('/api/v1/session', {});
      assert.equal(r.status, 400);
      assert.equal((await admin.get(`/api/v1/users/${u.id}`)).json.locale, 'ps');
    });

    test('feedback carries a short reference, searchable however it is typed', async () => {
      const mob = await login(srv.base, 'mobiliser.u1');
      const r = await mob.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'cefc_walk_in',
        category: 'complaint_service',
        description: `Short ref ${uniq()}`,
      });
      assert.equal(r.status, 201, r.text);
      const ref = r.json.short_ref;
      assert.match(ref, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
      assert.equal((await mob.get(`/api/v1/feedback/${r.json.id}`)).json.short_ref, ref);
      for (const q of [ref, ref.toLowerCase(), ref.slice(0, 4) + '-' + ref.slice(4)]) {
        const list = await mob.get(`/api/v1/feedback?q=${encodeURIComponent(q)}&limit=50`);
        assert.equal(list.status, 200, list.text);
        assert.ok(
          list.json.items.some((f) => f.id === r.json.id),
          `q=${q} finds the case`,
        );
        assert.ok(list.json.items.every((f) => f.short_ref === ref || f.description.includes(q)));
      }
      // Sensitive: the logger's receipt carries the reference.
      const s = await mob.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'cefc_walk_in',
        category: 'sensitive_sea',
        description: `Sensitive ${uniq()}`,
      });
      assert.equal(s.status, 201, s.text);
      assert.match(s.json.short_ref, /^[2-9A-Z]{8}$/);
    });
  });
