// The conformance checklist of the OpenRosa reference (§3: H, A, S, V, F, M, X, R rows), each row
// a test, against the real server on SQLite and PostgreSQL. D rows (drafts) are not rows here:
// Mobilise has no draft forms (a version is uploaded, then published); nor S24 (submissions are
// never deleted) nor F9 (one programme, no projects).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, uniq, freshPgDatabase, rawGet } from './support.mjs';
import {
  surveyForm,
  plainForm,
  instance,
  multipart,
  OR,
  submit,
  setUp,
  areaByCode,
} from './openrosa_support.mjs';

const md5 = (b) => createHash('md5').update(b).digest('hex');

const orError =
  /<OpenRosaResponse xmlns="http:\/\/openrosa.org\/http\/response" items="0">\n    <message nature="error">/;

for (const backend of ['sqlite', 'postgres'])
  describe(`OpenRosa conformance (${backend})`, () => {
    let srv;
    before(async () => {
      // The tests stand for a TLS-terminating proxy on loopback (x-forwarded-proto: https).
      srv = await startServer({
        ...(backend === 'postgres' ? { database: freshPgDatabase() } : {}),
        env: { MOBILISE_TRUSTED_PROXIES: '127.0.0.1' },
      });
    });
    after(() => srv?.stop());
    const form = () => setUp(srv.base, { xml: surveyForm({ id: 'f' + uniq() }) });
    const xmlFormId = (s) => s.form.xml_form_id;

    it('H1 HEAD /submission with the header and a device key: 204, empty body', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, { method: 'HEAD', headers: OR });
      assert.equal(r.status, 204);
      assert.equal(await r.text(), '');
      assert.equal(r.headers.get('x-openrosa-version'), '1.0');
      assert.equal(r.headers.get('x-openrosa-accept-content-length'), String(50 << 20));
    });

    it('H2 HEAD without X-OpenRosa-Version: 400', async () => {
      const s = await form();
      assert.equal((await fetch(`${s.key}/submission`, { method: 'HEAD' })).status, 400);
    });

    it('H3 HEAD with the header and no credentials: 401', async () => {
      const r = await fetch(`${srv.base}/openrosa/submission`, { method: 'HEAD', headers: OR });
      assert.equal(r.status, 401);
    });

    it('H4 HEAD through /key/{64 x a}: 403', async () => {
      const r = await fetch(`${srv.base}/openrosa/key/${'a'.repeat(64)}/submission`, {
        method: 'HEAD',
        headers: OR,
      });
      assert.equal(r.status, 403);
    });

    it('H5 GET /submission answers as HEAD: 204', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, { headers: OR });
      assert.equal(r.status, 204);
      assert.equal(await r.text(), '');
    });

    it('A1 a missing or other X-OpenRosa-Version: 400 with the XML message', async () => {
      const s = await form();
      const missing = await fetch(`${s.key}/formList`);
      assert.equal(missing.status, 400);
      const text = await missing.text();
      assert.match(text, orError);
      assert.match(
        text,
        /An expected header field \(X-OpenRosa-Version\) did not match the expected format\./,
      );
      const other = await fetch(`${s.key}/formList`, { headers: { 'x-openrosa-version': '1.1' } });
      assert.equal(other.status, 400);
      assert.match(await other.text(), /did not match the expected format \(got: 1.1\)\./);
    });

    it('A2 no credentials: 401 XML "Could not authenticate…"', async () => {
      const r = await fetch(`${srv.base}/openrosa/formList`, { headers: OR });
      assert.equal(r.status, 401);
      assert.equal(r.headers.get('content-type'), 'text/xml; charset=utf-8');
      assert.match(await r.text(), /Could not authenticate with the provided credentials\./);
    });

    it('A3 a malformed key: 401; an unknown key: 403 "…does not have rights…"', async () => {
      const bad = await fetch(`${srv.base}/openrosa/key/short/formList`, { headers: OR });
      assert.equal(bad.status, 401);
      const unknown = await fetch(`${srv.base}/openrosa/key/${'b'.repeat(64)}/formList`, {
        headers: OR,
      });
      assert.equal(unknown.status, 403);
      assert.match(await unknown.text(), /does not have rights to perform that action/);
    });

    it('A4 Basic over plain HTTP: 401 "only available over HTTPS"; behind TLS: accepted', async () => {
      const basic = 'Basic ' + Buffer.from('admin:admin-demo-pass').toString('base64');
      const plain = await fetch(`${srv.base}/openrosa/formList`, {
        headers: { ...OR, authorization: basic },
      });
      assert.equal(plain.status, 401);
      assert.match(await plain.text(), /This authentication method is only available over HTTPS/);
      const tls = await fetch(`${srv.base}/openrosa/formList`, {
        headers: { ...OR, authorization: basic, 'x-forwarded-proto': 'https' },
      });
      assert.equal(tls.status, 200);
    });

    it('A5 ?st={key} works as /key/{key}/ and answers /key/ URLs', async () => {
      const s = await form();
      const token = s.device.token;
      const r = await fetch(`${srv.base}/openrosa/formList?st=${encodeURIComponent(token)}`, {
        headers: OR,
      });
      assert.equal(r.status, 200);
      const text = await r.text();
      assert.ok(
        text.includes(
          `<downloadUrl>${srv.base}/openrosa/key/${token}/forms/${xmlFormId(s)}.xml</downloadUrl>`,
        ),
        text,
      );
    });

    it('A6 a device the form is not assigned to: empty list, submit 401, form 403', async () => {
      const s = await setUp(srv.base, { xml: surveyForm({ id: 'f' + uniq() }), assign: false });
      const list = await (await fetch(`${s.key}/formList`, { headers: OR })).text();
      assert.ok(!list.includes('<xform>'), list);
      const sub = await submit(`${s.key}/submission`, instance({ form: xmlFormId(s) }));
      assert.equal(sub.status, 401);
      assert.equal((await fetch(`${s.key}/forms/${xmlFormId(s)}.xml`)).status, 403);
    });

    it('A7 a revoked device key: 403', async () => {
      const s = await form();
      assert.equal((await s.admin.del(`/api/v1/devices/${s.device.id}`)).status, 204);
      assert.equal((await fetch(`${s.key}/formList`, { headers: OR })).status, 403);
    });

    it('S1 a body that is not multipart: 400 "Required multipart POST field…"', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, {
        method: 'POST',
        headers: { ...OR, 'content-type': 'text/xml' },
        body: instance({ form: xmlFormId(s) }),
      });
      assert.equal(r.status, 400);
      assert.match(await r.text(), /Required multipart POST field xml_submission_file missing\./);
    });

    it('S2 multipart without a boundary: 400 JSON "Multipart: Boundary not found"', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, {
        method: 'POST',
        headers: { ...OR, 'content-type': 'multipart/form-data' },
        body: 'x',
      });
      assert.equal(r.status, 400);
      assert.equal((await r.json()).error.details, 'Multipart: Boundary not found');
    });

    it('S3 multipart with an empty body: 400 JSON "Unexpected end of form"', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, {
        method: 'POST',
        headers: { ...OR, 'content-type': 'multipart/form-data; boundary=zz' },
        body: '',
      });
      assert.equal(r.status, 400);
      assert.equal((await r.json()).error.details, 'Unexpected end of form');
    });

    it('S4 a part with an empty header: 400 JSON "Malformed part header"', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/submission`, {
        method: 'POST',
        headers: { ...OR, 'content-type': 'multipart/form-data; boundary=zz' },
        body: '--zz\r\n\r\n\r\n--zz--\r\n',
      });
      assert.equal(r.status, 400);
      assert.equal((await r.json()).error.details, 'Malformed part header');
    });

    it('S5 XML without a form id (<test, garbage): 400 "…form ID xml attribute missing."', async () => {
      const s = await form();
      for (const xml of ['<test', 'garbage']) {
        const r = await submit(`${s.key}/submission`, xml);
        assert.equal(r.status, 400);
        assert.match(r.text, /Required parameter form ID xml attribute missing\./);
      }
    });

    it('S6 an unknown form id: 404', async () => {
      const s = await form();
      assert.equal(
        (await submit(`${s.key}/submission`, instance({ form: 'nope' + uniq() }))).status,
        404,
      );
    });

    it('S7 an unauthenticated submission: 401', async () => {
      const s = await form();
      assert.equal(
        (await submit(`${srv.base}/openrosa/submission`, instance({ form: xmlFormId(s) }))).status,
        401,
      );
    });

    it('S8 a closed form: 409 "not currently accepting…"; closing still accepts', async () => {
      const s = await form();
      const closing = await s.admin.patch(`/api/v1/forms/${s.form.id}`, {
        version: s.form.version,
        state: 'closing',
      });
      assert.equal(closing.status, 200);
      assert.equal(
        (await submit(`${s.key}/submission`, instance({ form: xmlFormId(s) }))).status,
        201,
      );
      const closed = await s.admin.patch(`/api/v1/forms/${s.form.id}`, {
        version: closing.json.version,
        state: 'closed',
      });
      assert.equal(closed.status, 200);
      const r = await submit(`${s.key}/submission`, instance({ form: xmlFormId(s) }));
      assert.equal(r.status, 409);
      assert.match(r.text, /This form is not currently accepting submissions\./);
    });

    it("S9 a version that is not the form's (or none when it has one): 404", async () => {
      const s = await form();
      for (const version of ['-1', null]) {
        const r = await submit(`${s.key}/submission`, instance({ form: xmlFormId(s), version }));
        assert.equal(r.status, 404);
        assert.match(r.text, /The form version specified in this submission/);
      }
    });

    it('S10 a valid submission: 201 and stored byte for byte', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s) });
      const r = await submit(`${s.key}/submission`, xml);
      assert.equal(r.status, 201);
      assert.match(r.text, /<message nature="">full submission upload was successful!<\/message>/);
      assert.equal(r.headers.get('content-type'), 'text/xml; charset=utf-8');
      const forms = await s.admin.get(`/api/v1/forms/${s.form.id}`);
      assert.equal(forms.json.submissions, 1);
    });

    it('S11-S13 the device, user agent and version are kept (a resend is still 201)', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s) });
      const r = await submit(
        `${s.key}/submission?deviceID=imei%3A358`,
        xml,
        {},
        { 'odk-client': 'x' },
      );
      assert.equal(r.status, 201);
      assert.equal((await submit(`${s.key}/submission?deviceID=`, xml)).status, 201);
    });

    // The form's one submission as the review API shows it.
    const onlySubmission = async (s) => {
      const list = await s.admin.get(`/api/v1/forms/${s.form.id}/submissions`);
      assert.equal(list.status, 200, list.text);
      assert.equal(list.json.items.length, 1);
      return (await s.admin.get(`/api/v1/submissions/${list.json.items[0].id}`)).json;
    };

    it('S12/S13 an older published version: 201, kept against it, by the device user', async () => {
      const id = 'f' + uniq();
      const s = await setUp(srv.base, { xml: surveyForm({ id, version: 'one' }) });
      const two = await s.admin.post('/api/v1/forms', surveyForm({ id, version: 'two' }), {
        raw: true,
        headers: { 'content-type': 'application/xml' },
      });
      assert.equal(two.status, 201, two.text);
      const pub = await s.admin.post(`/api/v1/forms/${s.form.id}/publish`, { version: 'two' });
      assert.equal(pub.status, 200, pub.text);
      const iid = 'uuid:' + crypto.randomUUID();
      const r = await submit(
        `${s.key}/submission`,
        instance({ form: id, version: 'one', instanceId: iid }),
      );
      assert.equal(r.status, 201, r.text);
      assert.equal((await onlySubmission(s)).user_id, s.userId, 'S13 the submitter');
      const zip = await rawGet(srv.base, `/api/v1/forms/${s.form.id}/submissions.csv.zip`, {
        cookie: s.admin.cookie,
      });
      assert.equal(zip.status, 200);
      const dir = mkdtempSync(join(tmpdir(), 'conformance-'));
      try {
        writeFileSync(join(dir, 'x.zip'), zip.body);
        const rows = execFileSync('unzip', ['-p', join(dir, 'x.zip'), `${id}.csv`], {
          encoding: 'utf8',
        })
          .trim()
          .split('\r\n')
          .map((l) => l.split(','));
        const row = rows.find((cells) => cells.includes(iid));
        assert.ok(row, 'the submission is exported');
        assert.equal(row[rows[0].indexOf('FormVersion')], 'one');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('S17 each saved attachment is audited with its name and the instanceID', async () => {
      const s = await form();
      const iid = 'uuid:' + crypto.randomUUID();
      const xml = instance({ form: xmlFormId(s), instanceId: iid, photos: ['a.jpg', 'b.jpg'] });
      assert.equal((await submit(`${s.key}/submission`, xml, { 'a.jpg': 'one' })).status, 201);
      assert.equal((await submit(`${s.key}/submission`, xml, { 'b.jpg': 'two' })).status, 201);
      const sub = await onlySubmission(s);
      const log = await s.admin.get(
        `/api/v1/audit?entity=submission&entity_id=${sub.id}&action=attach&limit=100`,
      );
      assert.equal(log.status, 200, log.text);
      const named = log.json.items.map((e) => JSON.stringify(e));
      assert.equal(named.length, 2);
      for (const name of ['a.jpg', 'b.jpg'])
        assert.ok(
          named.some((e) => e.includes(name) && e.includes(iid)),
          name,
        );
      assert.ok(log.json.items.every((e) => e.user_id === s.userId));
    });

    it('S19 a client audit (meta/audit) is an attachment like any other; not sent: listed, missing', async () => {
      const id = 'f' + uniq();
      const xml = `<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:odk="http://www.opendatakit.org/xforms"><h:head><h:title>Audited</h:title><model><instance><data id="${id}" version="1"><q/><meta><instanceID/><audit/></meta></data></instance><bind nodeset="/data/meta/audit" type="binary"/></model></h:head><h:body><input ref="/data/q"/></h:body></h:html>`;
      const s = await setUp(srv.base, { xml });
      const sent = (n) =>
        `<data id="${id}" version="1"><q>x</q><meta><instanceID>uuid:${n}</instanceID><audit>audit.csv</audit></meta></data>`;
      const one = crypto.randomUUID();
      const r = await submit(`${s.key}/submission`, sent(one), { 'audit.csv': 'event,node\n' });
      assert.equal(r.status, 201, r.text);
      const sub = await onlySubmission(s);
      assert.deepEqual(
        sub.attachments.map((a) => [a.name, a.present]),
        [['audit.csv', true]],
      );
      const csv = await rawGet(srv.base, `/api/v1/submissions/${sub.id}/attachments/audit.csv`, {
        cookie: s.admin.cookie,
      });
      assert.equal(csv.body.toString(), 'event,node\n');
      const two = crypto.randomUUID();
      assert.equal((await submit(`${s.key}/submission`, sent(two))).status, 201);
      const list = await s.admin.get(`/api/v1/forms/${s.form.id}/submissions`);
      const other = list.json.items.find((x) => x.instance_id === `uuid:${two}`);
      const detail = (await s.admin.get(`/api/v1/submissions/${other.id}`)).json;
      assert.deepEqual(
        detail.attachments.map((a) => [a.name, a.present]),
        [['audit.csv', false]],
      );
    });

    it("S22 attachment download: the part's type, inline only for safe images, strong ETag", async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s), photos: ['a.jpg', 'b.svg'] });
      const m = multipart([
        { name: 'xml_submission_file', filename: 'submission.xml', type: 'text/xml', data: xml },
        { name: 'a.jpg', filename: 'a.jpg', type: 'image/jpeg', data: 'jpeg bytes' },
        { name: 'b.svg', filename: 'b.svg', type: 'image/svg+xml', data: '<svg/>' },
      ]);
      const r = await fetch(`${s.key}/submission`, {
        method: 'POST',
        headers: { ...OR, 'content-type': m.type },
        body: m.body,
      });
      assert.equal(r.status, 201);
      const sub = await onlySubmission(s);
      const get = (name) =>
        rawGet(srv.base, `/api/v1/submissions/${sub.id}/attachments/${name}`, {
          cookie: s.admin.cookie,
        });
      const jpg = await get('a.jpg');
      assert.equal(jpg.status, 200);
      assert.equal(jpg.headers['content-type'], 'image/jpeg');
      assert.equal(
        jpg.headers['content-disposition'],
        `inline; filename="a.jpg"; filename*=UTF-8''a.jpg`,
      );
      assert.equal(jpg.headers.etag, `"${md5('jpeg bytes')}"`);
      const svg = await get('b.svg');
      assert.equal(svg.headers['content-type'], 'image/svg+xml');
      assert.equal(
        svg.headers['content-disposition'],
        `attachment; filename="b.svg"; filename*=UTF-8''b.svg`,
      );
      assert.equal(svg.headers.etag, `"${md5('<svg/>')}"`);
    });

    it('S14/S16/S18 named attachments are stored, unknown parts ignored, same bytes twice fine', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s), photos: ['a.jpg', 'b.jpg'] });
      const same = Buffer.from('same bytes');
      const r = await submit(`${s.key}/submission`, xml, {
        'a.jpg': same,
        'b.jpg': same,
        'c.jpg': 'x',
      });
      assert.equal(r.status, 201);
    });

    it('S15 unicode attachment names are kept', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s), photos: ['عکس.jpg'] });
      assert.equal((await submit(`${s.key}/submission`, xml, { 'عکس.jpg': 'jpeg' })).status, 201);
    });

    it('S20 the same instanceID with other XML: 409 "…different XML"', async () => {
      const s = await form();
      const id = 'uuid:' + crypto.randomUUID();
      assert.equal(
        (await submit(`${s.key}/submission`, instance({ form: xmlFormId(s), instanceId: id })))
          .status,
        201,
      );
      const r = await submit(
        `${s.key}/submission`,
        instance({ form: xmlFormId(s), instanceId: id, name: 'Other' }),
      );
      assert.equal(r.status, 409);
      assert.match(r.text, /different XML/);
    });

    it('S21 the identical XML again with a new attachment: 201 (media over several POSTs)', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s), photos: ['a.jpg', 'b.jpg'] });
      assert.equal((await submit(`${s.key}/submission`, xml, { 'a.jpg': 'one' })).status, 201);
      assert.equal((await submit(`${s.key}/submission`, xml, { 'b.jpg': 'two' })).status, 201);
    });

    it('V1 an edit of an unknown instance: 404 "…can\'t find that submission…"', async () => {
      const s = await form();
      const r = await submit(
        `${s.key}/submission`,
        instance({ form: xmlFormId(s), deprecatedId: 'uuid:nothing' }),
      );
      assert.equal(r.status, 404);
      assert.match(r.text, /can&#39;t find that submission to update \(uuid:nothing\)/);
    });

    it('V2/V3/V5 edits: valid 201, of a replaced copy 409, onto a taken id 409', async () => {
      const s = await form();
      const one = 'uuid:' + crypto.randomUUID();
      const two = 'uuid:' + crypto.randomUUID();
      assert.equal(
        (await submit(`${s.key}/submission`, instance({ form: xmlFormId(s), instanceId: one })))
          .status,
        201,
      );
      const edit = instance({
        form: xmlFormId(s),
        instanceId: two,
        deprecatedId: one,
        name: 'Edited',
      });
      assert.equal((await submit(`${s.key}/submission`, edit)).status, 201); // V5
      assert.equal((await submit(`${s.key}/submission`, edit)).status, 201); // resent edit
      const stale = await submit(
        `${s.key}/submission`,
        instance({
          form: xmlFormId(s),
          instanceId: 'uuid:' + crypto.randomUUID(),
          deprecatedId: one,
        }),
      );
      assert.equal(stale.status, 409); // V2
      assert.match(stale.text, /is now out of date/);
      const taken = await submit(
        `${s.key}/submission`,
        instance({ form: xmlFormId(s), instanceId: two, deprecatedId: two, name: 'x' }),
      );
      assert.equal(taken.status, 409); // V3
      assert.match(taken.text, /A resource already exists with instanceID value\(s\) of/);
    });

    it('V4 the same instanceID on another form: 201', async () => {
      const a = await form();
      const b = await form();
      const id = 'uuid:' + crypto.randomUUID();
      assert.equal(
        (await submit(`${a.key}/submission`, instance({ form: xmlFormId(a), instanceId: id })))
          .status,
        201,
      );
      assert.equal(
        (await submit(`${b.key}/submission`, instance({ form: xmlFormId(b), instanceId: id })))
          .status,
        201,
      );
    });

    it('F1 formList without credentials: 401', async () => {
      assert.equal((await fetch(`${srv.base}/openrosa/formList`, { headers: OR })).status, 401);
    });

    it('F2/F3 the exact empty list and the exact list, text/xml; charset=utf-8', async () => {
      const s = await setUp(srv.base, {
        xml: plainForm({ id: 'p' + uniq(), version: '7' }),
        assign: false,
      });
      const empty = await fetch(`${s.key}/formList`, { headers: OR });
      assert.equal(empty.headers.get('content-type'), 'text/xml; charset=utf-8');
      assert.equal(
        await empty.text(),
        '<?xml version="1.0" encoding="UTF-8"?>\n  <xforms xmlns="http://openrosa.org/xforms/xformsList">\n  </xforms>\n',
      );
      await s.admin.request('PUT', `/api/v1/forms/${s.form.id}/assignments`, {
        device_ids: [s.device.id],
        area_ids: [],
      });
      const md5 = s.form.versions[0].md5;
      const list = await (await fetch(`${s.key}/formList`, { headers: OR })).text();
      assert.equal(
        list,
        '<?xml version="1.0" encoding="UTF-8"?>\n  <xforms xmlns="http://openrosa.org/xforms/xformsList">\n' +
          `    <xform>\n      <formID>${s.form.xml_form_id}</formID>\n      <name>Plain</name>\n      <version>7</version>\n      <hash>md5:${md5}</hash>\n      <downloadUrl>${s.key}/forms/${s.form.xml_form_id}.xml</downloadUrl>\n    </xform>\n  </xforms>\n`,
      );
    });

    it('F4 ?formID= filters', async () => {
      const s = await form();
      const hit = await (
        await fetch(`${s.key}/formList?formID=${xmlFormId(s)}`, { headers: OR })
      ).text();
      assert.ok(hit.includes(`<formID>${xmlFormId(s)}</formID>`));
      const miss = await (await fetch(`${s.key}/formList?formID=none`, { headers: OR })).text();
      assert.ok(!miss.includes('<xform>'));
    });

    it('F5 a device sees only its forms, with /key/ URLs', async () => {
      const s = await form();
      const list = await (await fetch(`${s.key}/formList`, { headers: OR })).text();
      assert.equal((list.match(/<xform>/g) || []).length, 1);
      assert.ok(list.includes(`${s.key}/forms/`));
    });

    it('F6 closing, closed and unpublished forms are not listed', async () => {
      const s = await form();
      await s.admin.patch(`/api/v1/forms/${s.form.id}`, {
        version: s.form.version,
        state: 'closing',
      });
      const list = await (await fetch(`${s.key}/formList`, { headers: OR })).text();
      assert.ok(!list.includes('<xform>'));
      const up = await s.admin.post('/api/v1/forms', plainForm({ id: 'u' + uniq() }), {
        raw: true,
        headers: { 'content-type': 'application/xml' },
      });
      await s.admin.request('PUT', `/api/v1/forms/${up.json.id}/assignments`, {
        device_ids: [s.device.id],
        area_ids: [],
      });
      assert.ok(
        !(await (await fetch(`${s.key}/formList`, { headers: OR })).text()).includes('<xform>'),
      );
    });

    it('F7/F8/F10 URL-encoded ids, manifestUrl when media are expected, the title escaped once', async () => {
      const s = await setUp(srv.base, { xml: surveyForm({ id: 'with space ' + uniq() }) });
      const list = await (await fetch(`${s.key}/formList`, { headers: OR })).text();
      assert.ok(
        list.includes(`/forms/${encodeURIComponent(xmlFormId(s))}.xml</downloadUrl>`),
        list,
      );
      assert.ok(list.includes(`/forms/${encodeURIComponent(xmlFormId(s))}/manifest</manifestUrl>`));
      assert.ok(list.includes('<name>Water &amp; Sanitation</name>'));
    });

    it('M1 the manifest: empty without media, 403 to a device not assigned', async () => {
      const s = await form();
      const r = await fetch(`${s.key}/forms/${encodeURIComponent(xmlFormId(s))}/manifest`, {
        headers: OR,
      });
      assert.equal(r.status, 200);
      assert.equal(
        await r.text(),
        '<?xml version="1.0" encoding="UTF-8"?>\n  <manifest xmlns="http://openrosa.org/xforms/xformsManifest">\n  </manifest>\n',
      );
      const other = await setUp(srv.base, { xml: plainForm({ id: 'm' + uniq() }), assign: false });
      const denied = await fetch(`${other.key}/forms/${xmlFormId(s)}/manifest`, { headers: OR });
      assert.equal(denied.status, 403);
    });

    it('X1 the form XML exactly as uploaded; 403 without rights or when closed', async () => {
      const xml = surveyForm({ id: 'x' + uniq() });
      const s = await setUp(srv.base, { xml });
      const r = await fetch(`${s.key}/forms/${xmlFormId(s)}.xml`);
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'application/xml; charset=utf-8');
      assert.equal(await r.text(), xml);
      await s.admin.patch(`/api/v1/forms/${s.form.id}`, {
        version: s.form.version,
        state: 'closed',
      });
      assert.equal((await fetch(`${s.key}/forms/${xmlFormId(s)}.xml`)).status, 403);
    });

    it('R1 lenient reading: truncated XML with an id, no instanceID, BOM + CRLF, orx: meta', async () => {
      const s = await form();
      const id = xmlFormId(s);
      const cases = [
        `<data id="${id}" version="1"><name>cut`,
        `<data id="${id}" version="1"><name>no id</name></data>`,
        `\uFEFF<?xml version="1.0"?>\r\n<data id="${id}" version="1">\r\n<meta><instanceID>uuid:${crypto.randomUUID()}</instanceID></meta>\r\n</data>\r\n`,
        `<data id="${id}" version="1" xmlns:orx="http://openrosa.org/xforms"><orx:meta><orx:instanceID>uuid:${crypto.randomUUID()}</orx:instanceID></orx:meta></data>`,
      ];
      for (const xml of cases)
        assert.equal((await submit(`${s.key}/submission`, xml)).status, 201, xml);
      const hostile = `<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><data id="${id}" version="1"><name>&b;</name></data>`;
      assert.equal((await submit(`${s.key}/submission`, hostile)).status, 400);
    });

    it('R2 ten concurrent identical first POSTs: one row, every answer 201', async () => {
      const s = await form();
      const xml = instance({ form: xmlFormId(s) });
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => submit(`${s.key}/submission`, xml)),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        Array(10).fill(201),
      );
      assert.equal((await s.admin.get(`/api/v1/forms/${s.form.id}`)).json.submissions, 1);
    });

    it("scope: a submission whose area is outside the device user's areas: 403, nothing stored", async () => {
      const s = await form();
      const far = await areaByCode(s.admin, 'P2');
      const r = await submit(
        `${s.key}/submission`,
        instance({ form: xmlFormId(s), area: far.code }),
      );
      assert.equal(r.status, 403);
      assert.match(r.text, orError);
      assert.equal((await s.admin.get(`/api/v1/forms/${s.form.id}`)).json.submissions, 0);
      const own = await areaByCode(s.admin, 'P1-D1-T1-U1');
      assert.equal(
        (await submit(`${s.key}/submission`, instance({ form: xmlFormId(s), area: own.id })))
          .status,
        201,
      );
    });
  });
