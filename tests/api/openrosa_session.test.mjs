// A scripted Collect session against the real binary, on SQLite and PostgreSQL: formList ->
// form -> manifest -> media -> submit with two photos in two POSTs -> edit.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, freshPgDatabase } from './support.mjs';
import { OR, setUp, surveyForm, instance, submit } from './openrosa_support.mjs';

const md5 = (b) => createHash('md5').update(b).digest('hex');

for (const backend of ['sqlite', 'postgres'])
  describe(`a Collect session (${backend})`, () => {
    let srv;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
    });
    after(() => srv?.stop());

    it('lists, downloads, reads the manifest and media, submits in two POSTs, edits', async () => {
      const xml = surveyForm({ id: 'session' });
      const s = await setUp(srv.base, { xml });
      const ua = { 'user-agent': 'org.odk.collect.android/v2024.2.0' };

      const list = await (await fetch(`${s.key}/formList`, { headers: { ...OR, ...ua } })).text();
      const url = (tag) => new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(list)[1];
      assert.equal(new RegExp('<hash>md5:([0-9a-f]{32})</hash>').exec(list)[1], md5(xml));

      const form = await fetch(url('downloadUrl'), { headers: ua });
      assert.equal(await form.text(), xml);

      const manifest = await (
        await fetch(url('manifestUrl'), { headers: { ...OR, ...ua } })
      ).text();
      assert.ok(manifest.includes('<manifest xmlns="http://openrosa.org/xforms/xformsManifest">'));
      // No media uploaded yet: the manifest lists none, and asking for one is 404.
      assert.ok(!manifest.includes('<mediaFile>'));
      const media = await fetch(`${s.key}/forms/session/attachments/logo.png`);
      assert.equal(media.status, 404);

      const head = await fetch(`${s.key}/submission`, { method: 'HEAD', headers: OR });
      assert.equal(head.status, 204);
      const limit = Number(head.headers.get('x-openrosa-accept-content-length'));
      assert.ok(limit > 1 << 20);

      const id = 'uuid:' + crypto.randomUUID();
      const own = (await s.admin.get('/api/v1/areas?q=P1-D1-T1-U1')).json.items[0];
      const sub = instance({
        form: 'session',
        instanceId: id,
        area: own.code,
        photos: ['one.jpg', 'two.jpg'],
      });
      const photo1 = Buffer.alloc(200_000, 1);
      const photo2 = Buffer.alloc(300_000, 2);
      assert.equal(
        (await submit(`${s.key}/submission`, sub, { 'one.jpg': photo1 }, ua)).status,
        201,
      );
      assert.equal(
        (await submit(`${s.key}/submission`, sub, { 'two.jpg': photo2 }, ua)).status,
        201,
      );
      let f = (await s.admin.get(`/api/v1/forms/${s.form.id}`)).json;
      assert.equal(f.submissions, 1);

      const edit = instance({
        form: 'session',
        instanceId: 'uuid:' + crypto.randomUUID(),
        deprecatedId: id,
        area: own.code,
        name: 'Amina K',
        photos: ['one.jpg', 'two.jpg'],
      });
      assert.equal((await submit(`${s.key}/submission`, edit, {}, ua)).status, 201);
      f = (await s.admin.get(`/api/v1/forms/${s.form.id}`)).json;
      assert.equal(f.submissions, 1); // the edit replaced the first copy
      const stale = await submit(`${s.key}/submission`, sub, {}, ua);
      assert.equal(stale.status, 409);
    });
  });
