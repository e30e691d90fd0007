// A custom form's submissions read and reviewed through the JSON API, on SQLite and PostgreSQL:
// upload, publish, assign, submit through OpenRosa, then list (filters, cursor), detail (values,
// attachments), review with a comment, a stale review, and readers outside the area.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, freshPgDatabase, login, rawGet } from './support.mjs';
import { setUp, surveyForm, instance, submit } from './openrosa_support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(`submissions review (${backend})`, () => {
    let srv;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
    });
    after(() => srv?.stop());

    it('lists, shows, reviews; a stale review is 409; outsiders see nothing', async () => {
      const s = await setUp(srv.base, { xml: surveyForm({ id: 'review' }) });
      const own = (await s.admin.get('/api/v1/areas?q=P1-D1-T1-U1')).json.items[0];
      const ids = [];
      for (const name of ['Amina', 'Bibi', 'Gul']) {
        const id = 'uuid:' + crypto.randomUUID();
        ids.push(id);
        const xml = instance({
          form: 'review',
          instanceId: id,
          area: own.code,
          name,
          photos: name === 'Amina' ? ['one.jpg', 'two.jpg'] : [],
          extra: '<person><pname>Zar</pname></person>',
        });
        const files = name === 'Amina' ? { 'one.jpg': Buffer.alloc(100, 1) } : {};
        assert.equal((await submit(`${s.key}/submission`, xml, files)).status, 201);
      }
      const base = `/api/v1/forms/${s.form.id}/submissions`;

      // The whole list, newest first.
      const all = await s.admin.get(base);
      assert.equal(all.status, 200);
      assert.equal(all.json.items.length, 3);
      assert.equal(all.json.next_cursor, null);
      assert.deepEqual(new Set(all.json.items.map((x) => x.instance_id)), new Set(ids));
      const row = all.json.items.find((x) => x.instance_id === ids[0]);
      assert.equal(row.review_state, 'received');
      assert.equal(row.area_id, own.id);
      assert.equal(row.attachments_expected, 2);
      assert.equal(row.attachments_present, 1);
      assert.equal(row.device_name, s.device.name);
      assert.equal(row.user_id, s.userId);

      // Detail: values read with the form, attachments with their state.
      const one = await s.admin.get(`/api/v1/submissions/${row.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(
        one.json.values.find(([p]) => p === '/data/name'),
        ['/data/name', 'Amina'],
      );
      assert.deepEqual(
        one.json.values.find(([p]) => p.startsWith('/data/person')),
        ['/data/person[1]/pname', 'Zar'],
      );
      assert.deepEqual(one.json.attachments.map((a) => [a.name, a.present]).sort(), [
        ['one.jpg', true],
        ['two.jpg', false],
      ]);
      assert.ok(
        one.json.attachments[0].url.startsWith(`/api/v1/submissions/${row.id}/attachments/`),
      );
      assert.deepEqual(one.json.comments, []);

      // Review by the tehsil officer, with a comment; then a stale version is 409 with the row now.
      const officer = await login(srv.base, 'officer.t1');
      const reviewed = await officer.request('PATCH', `/api/v1/submissions/${row.id}`, {
        version: row.version,
        review_state: 'has_issues',
        comment: 'Photo 2 missing',
      });
      assert.equal(reviewed.status, 200, reviewed.text);
      assert.equal(reviewed.json.review_state, 'has_issues');
      assert.equal(reviewed.json.version, row.version + 1);
      assert.equal(reviewed.json.comments.length, 1);
      assert.equal(reviewed.json.comments[0].body, 'Photo 2 missing');
      assert.equal(reviewed.json.comments[0].review_state, 'has_issues');
      const stale = await officer.request('PATCH', `/api/v1/submissions/${row.id}`, {
        version: row.version,
        review_state: 'approved',
      });
      assert.equal(stale.status, 409);
      assert.equal(stale.json.error.current.review_state, 'has_issues');
      const bad = await officer.request('PATCH', `/api/v1/submissions/${row.id}`, {
        version: row.version + 1,
        review_state: 'lost',
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.fields.review_state);

      // The filter and the page.
      const issues = await s.admin.get(`${base}?review_state=has_issues`);
      assert.deepEqual(
        issues.json.items.map((x) => x.id),
        [row.id],
      );
      assert.equal((await s.admin.get(`${base}?review_state=lost`)).status, 400);
      const p1 = await s.admin.get(`${base}?limit=2`);
      assert.equal(p1.json.items.length, 2);
      assert.ok(p1.json.next_cursor);
      const p2 = await s.admin.get(
        `${base}?limit=2&cursor=${encodeURIComponent(p1.json.next_cursor)}`,
      );
      assert.equal(p2.json.items.length, 1);
      assert.equal(p2.json.next_cursor, null);
      assert.deepEqual(
        [...p1.json.items, ...p2.json.items].map((x) => x.id),
        all.json.items.map((x) => x.id),
      );
      assert.equal((await s.admin.get(`${base}?cursor=nonsense`)).status, 400);
      const areaFilter = await s.admin.get(`${base}?area_id=${own.id}`);
      assert.equal(areaFilter.json.items.length, 3);

      // A reader outside the area sees no row and no detail; a mobiliser may read, not review.
      const outsider = await login(srv.base, 'mobiliser.u2');
      const theirs = await outsider.get(base);
      assert.equal(theirs.status, 200);
      assert.deepEqual(theirs.json.items, []);
      assert.equal((await outsider.get(`/api/v1/submissions/${row.id}`)).status, 404);
      const mob = await login(srv.base, 'mobiliser.u1');
      assert.equal((await mob.get(`/api/v1/submissions/${row.id}`)).status, 200);
      const noReview = await mob.request('PATCH', `/api/v1/submissions/${row.id}`, {
        version: row.version + 1,
        comment: 'fine',
      });
      assert.equal(noReview.status, 403);
      // The attachment received, as its bytes; the one not received yet is 404.
      const photo = await rawGet(srv.base, `/api/v1/submissions/${row.id}/attachments/one.jpg`, {
        cookie: s.admin.cookie,
      });
      assert.equal(photo.status, 200);
      assert.deepEqual(photo.body, Buffer.alloc(100, 1));
      assert.match(photo.headers['content-disposition'], /filename="one\.jpg"/);
      const missing = await s.admin.get(`/api/v1/submissions/${row.id}/attachments/two.jpg`);
      assert.equal(missing.status, 404);
      const hidden = await outsider.get(`/api/v1/submissions/${row.id}/attachments/one.jpg`);
      assert.equal(hidden.status, 404);

      // The CSV zip read back: a root table and the repeat's, Central's columns.
      const zip = await rawGet(srv.base, `${base}.csv.zip`, { cookie: s.admin.cookie });
      assert.equal(zip.status, 200);
      assert.match(zip.headers['content-disposition'], /filename="review\.csv\.zip"/);
      const dir = mkdtempSync(join(tmpdir(), 'review-'));
      try {
        writeFileSync(join(dir, 'x.zip'), zip.body);
        const unzip = (name) =>
          execFileSync('unzip', ['-p', join(dir, 'x.zip'), name], { encoding: 'utf8' });
        const root = unzip('review.csv').trim().split('\r\n');
        assert.equal(root.length, 4);
        const head = root[0].split(',');
        for (const col of ['SubmissionDate', 'name', 'KEY', 'ReviewState', 'AttachmentsPresent'])
          assert.ok(head.includes(col), col);
        const amina = root.find((l) => l.includes(ids[0])).split(',');
        assert.equal(amina[head.indexOf('name')], 'Amina');
        assert.equal(amina[head.indexOf('ReviewState')], 'has_issues');
        const people = unzip('review-person.csv').trim().split('\r\n');
        assert.equal(people.length, 4);
        assert.ok(people.some((l) => l.includes('Zar') && l.includes(`${ids[0]}/person[1]`)));
        // A reader outside the area exports the columns and no row.
        const theirZip = await rawGet(srv.base, `${base}.csv.zip`, { cookie: outsider.cookie });
        assert.equal(theirZip.status, 200);
        writeFileSync(join(dir, 'x.zip'), theirZip.body);
        assert.equal(unzip('review.csv').trim().split('\r\n').length, 1);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const xlsx = await rawGet(srv.base, `${base}.xlsx`, { cookie: s.admin.cookie });
      assert.equal(xlsx.status, 200);
      assert.match(xlsx.headers['content-type'], /spreadsheetml/);
      assert.equal(xlsx.body.subarray(0, 2).toString(), 'PK');

      const after = await s.admin.get(`/api/v1/submissions/${row.id}`);
      assert.equal(after.json.version, row.version + 1);
      assert.equal(after.json.comments.length, 1);
    });

    it('adds a media file a form references: the manifest lists it, Collect downloads it', async () => {
      const s = await setUp(srv.base, { xml: surveyForm({ id: 'media' }) });
      const logo = Buffer.from('logo bytes');
      const path = `/api/v1/forms/${s.form.id}/media?name=logo.png`;
      const headers = { 'content-type': 'image/png' };
      const mob = await login(srv.base, 'mobiliser.u1');
      assert.equal((await mob.post(path, logo, { raw: true, headers })).status, 403);
      const bad = await s.admin.post(`/api/v1/forms/${s.form.id}/media?name=../x.png`, logo, {
        raw: true,
        headers,
      });
      assert.equal(bad.status, 400);
      assert.ok(bad.json.error.fields.name);
      const added = await s.admin.post(path, logo, { raw: true, headers });
      assert.equal(added.status, 201, added.text);
      assert.equal(added.json.id, s.form.id);
      const manifest = await (
        await fetch(`${s.key}/forms/media/manifest`, { headers: { 'x-openrosa-version': '1.0' } })
      ).text();
      assert.ok(manifest.includes('<filename>logo.png</filename>'), manifest);
      const file = await fetch(`${s.key}/forms/media/attachments/logo.png`);
      assert.equal(file.status, 200);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), logo);
    });
  });
