// Collect devices over the API: the token and QR settings are answered once, only an
// administrator makes devices, revoking a device or disabling its user stops it at once, and
// both are audited.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { startServer, login } from './support.mjs';
import { OR, setUp, plainForm } from './openrosa_support.mjs';

describe('Collect devices', () => {
  let srv;
  before(async () => {
    srv = await startServer();
  });
  after(() => srv?.stop());

  it('answers the token and the QR settings once; lists without them', async () => {
    const s = await setUp(srv.base, { xml: plainForm({ id: 'd1' }) });
    assert.match(s.device.token, /^[A-Za-z0-9!$]{64}$/);
    assert.equal(s.device.server_url, `${srv.base}/openrosa/key/${s.device.token}`);
    const settings = JSON.parse(
      zlib.inflateSync(Buffer.from(s.device.settings, 'base64')).toString(),
    );
    assert.deepEqual(settings, {
      general: { server_url: s.device.server_url },
      admin: {},
      project: { name: 'Mobilise' },
    });
    const list = await s.admin.get('/api/v1/devices');
    const listed = list.json.items.find((d) => d.id === s.device.id);
    assert.ok(listed.user_name.length > 0);
    assert.equal(listed.token, undefined);
    assert.equal(listed.revoked_at, null);
    const own = await login(srv.base, 'mobiliser.u1');
    assert.ok((await own.get('/api/v1/devices')).json.items.some((d) => d.id === s.device.id));
    const refused = await own.post('/api/v1/devices', { name: 'x', user_id: s.userId });
    assert.equal(refused.status, 403);
    const bad = await s.admin.post('/api/v1/devices', { name: '', user_id: s.userId });
    assert.equal(bad.status, 400);
    assert.ok(bad.json.error.fields.name);
  });

  it('revocation and a disabled user stop the device at once, audited', async () => {
    const s = await setUp(srv.base, { xml: plainForm({ id: 'd2' }), user: 'mobiliser.u2' });
    const list = () => fetch(`${s.key}/formList`, { headers: OR });
    assert.equal((await list()).status, 200);
    const user = await s.admin.get(`/api/v1/users/${s.userId}`);
    const off = await s.admin.patch(`/api/v1/users/${s.userId}`, {
      version: user.json.version,
      disabled: true,
    });
    assert.equal(off.status, 200);
    assert.equal((await list()).status, 403);
    const on = await s.admin.patch(`/api/v1/users/${s.userId}`, {
      version: off.json.version,
      disabled: false,
    });
    assert.equal(on.status, 200);
    assert.equal((await list()).status, 200);
    assert.equal((await s.admin.del(`/api/v1/devices/${s.device.id}`)).status, 204);
    assert.equal((await list()).status, 403);
    const audit = await s.admin.get(`/api/v1/audit?entity=collect_device&entity_id=${s.device.id}`);
    assert.deepEqual(audit.json.items.map((e) => e.action).sort(), ['create', 'revoke']);
  });
});
