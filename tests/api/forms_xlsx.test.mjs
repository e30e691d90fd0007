// XLSForms uploaded as spreadsheets (converted by tools/xlsform/xls2xform), forms listed to the
// readers of submissions, and a form version's labels (its schema), on SQLite and PostgreSQL:
// a real workbook (survey, choices, settings) is uploaded, published, downloaded through
// OpenRosa and submitted to; bad workbooks answer 422 on `file` and store nothing; each role sees
// the forms that concern it, read-only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, freshPgDatabase, login, areaByCode, uniq } from './support.mjs';
import { OR, submit } from './openrosa_support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// A workbook of `sheets` ({name: rows}) written by fixtures/make_xlsx.py (a small zip writer).
function workbook(sheets) {
  const dir = mkdtempSync(join(tmpdir(), 'xlsform-'));
  try {
    const out = join(dir, 'form.xlsx');
    execFileSync('python3', [join(here, 'fixtures', 'make_xlsx.py'), out], {
      input: JSON.stringify(sheets),
    });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The water survey: text, integer, select_one, a repeat in a group, an image; English and Pashto.
function waterSurvey(formId, version, { choices = true } = {}) {
  const survey = [
    ['type', 'name', 'label::English (en)', 'label::Pashto (ps)', 'required'],
    ['text', 'name', 'Your name', 'ستاسو نوم', 'yes'],
    ['integer', 'age', 'Age', 'عمر', ''],
    ['select_one yn', 'water', 'Safe water?', 'خوندي اوبه؟', ''],
    ['begin_group', 'hh', 'Household', 'کورنۍ', ''],
    ['begin_repeat', 'person', 'Person', 'کس', ''],
    ['text', 'pname', "Person's name", 'د کس نوم', ''],
    ['end_repeat', '', '', '', ''],
    ['end_group', '', '', '', ''],
    ['image', 'photo', 'Photo', 'انځور', ''],
  ];
  const sheets = { survey };
  if (choices)
    sheets.choices = [
      ['list_name', 'name', 'label::English (en)', 'label::Pashto (ps)'],
      ['yn', 'yes', 'Yes', 'هو'],
      ['yn', 'no', 'No', 'نه'],
    ];
  sheets.settings = [
    ['form_title', 'form_id', 'version', 'default_language'],
    ['Water survey', formId, version, 'English (en)'],
  ];
  return workbook(sheets);
}

const upload = (client, bytes, type = XLSX) =>
  client.post('/api/v1/forms', bytes, { raw: true, headers: { 'content-type': type } });

const plainXForm = (id) =>
  `<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:head><h:title>${id}</h:title><model><instance><data id="${id}" version="1"><area/><q/><meta><instanceID/></meta></data></instance></model></h:head><h:body><input ref="/data/q"><label>Q</label></input></h:body></h:html>`;

for (const backend of ['sqlite', 'postgres'])
  describe(`XLSForm upload, forms for readers, labels (${backend})`, () => {
    let srv, admin;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
    });
    after(() => srv?.stop());

    it('an XLSForm becomes a form Collect downloads and submits to; versions follow', async () => {
      const id = `water_${uniq()}`;
      const up = await upload(admin, waterSurvey(id, '2026120701'));
      assert.equal(up.status, 201, up.text);
      assert.equal(up.json.xml_form_id, id);
      assert.equal(up.json.title, 'Water survey');
      assert.deepEqual(
        up.json.versions.map((v) => v.version),
        ['2026120701'],
      );
      const form = up.json;
      const pub = await admin.post(`/api/v1/forms/${form.id}/publish`, { version: '2026120701' });
      assert.equal(pub.status, 200, pub.text);

      // A device for the mobiliser, the form assigned to it; Collect's download and submission.
      const users = await admin.get('/api/v1/users?q=mobiliser.u1');
      const userId = users.json.items.find((u) => u.username === 'mobiliser.u1').id;
      const dev = await admin.post('/api/v1/devices', { name: `xlsx ${id}`, user_id: userId });
      assert.equal(dev.status, 201, dev.text);
      const assigned = await admin.request('PUT', `/api/v1/forms/${form.id}/assignments`, {
        device_ids: [dev.json.id],
        area_ids: [],
      });
      assert.equal(assigned.status, 200, assigned.text);
      const list = await fetch(`${dev.json.server_url}/formList`, { headers: OR });
      assert.match(await list.text(), new RegExp(`<formID>${id}</formID>`));
      const xml = await (
        await fetch(`${dev.json.server_url}/forms/${id}.xml`, { headers: OR })
      ).text();
      assert.match(xml, /<bind nodeset="\/data\/age" type="int"/);
      assert.match(xml, /<bind nodeset="\/data\/photo" type="binary"/);
      assert.match(xml, /<repeat nodeset="\/data\/hh\/person">/);
      const instanceId = 'uuid:' + crypto.randomUUID();
      const instance =
        `<data id="${id}" version="2026120701"><name>Amina</name><age>34</age><water>yes</water>` +
        `<hh><person><pname>Zar</pname></person><person><pname>Gul</pname></person></hh>` +
        `<photo>p.jpg</photo><meta><instanceID>${instanceId}</instanceID></meta></data>`;
      const sent = await submit(`${dev.json.server_url}/submission`, instance, {
        'p.jpg': Buffer.alloc(64, 7),
      });
      assert.equal(sent.status, 201, sent.text);
      const subs = await admin.get(`/api/v1/forms/${form.id}/submissions`);
      assert.equal(subs.json.items.length, 1);
      const detail = await admin.get(`/api/v1/submissions/${subs.json.items[0].id}`);
      assert.deepEqual(
        detail.json.values.filter(([p]) => p.includes('pname')),
        [
          ['/data/hh/person[1]/pname', 'Zar'],
          ['/data/hh/person[2]/pname', 'Gul'],
        ],
      );

      // The schema: every question with its labels in both languages, choices with theirs.
      const schema = await admin.get(`/api/v1/forms/${form.id}/schema`);
      assert.equal(schema.status, 200, schema.text);
      assert.equal(schema.json.version, '2026120701');
      assert.deepEqual(schema.json.languages, ['English (en)', 'Pashto (ps)']);
      assert.equal(schema.json.default_language, 'English (en)');
      const field = (p) => schema.json.fields.find((f) => f.path === p);
      assert.deepEqual(field('/data/name').label, {
        'English (en)': 'Your name',
        'Pashto (ps)': 'ستاسو نوم',
      });
      assert.equal(field('/data/age').type, 'int');
      assert.deepEqual(
        field('/data/water').choices.map((c) => [c.value, c.label['Pashto (ps)']]),
        [
          ['yes', 'هو'],
          ['no', 'نه'],
        ],
      );
      assert.equal(field('/data/hh').type, 'group');
      assert.equal(field('/data/hh/person').repeat, true);
      assert.equal(field('/data/hh/person').label['English (en)'], 'Person');
      assert.equal(field('/data/photo').type, 'binary');
      assert.deepEqual(field('/data/meta/instanceID').label, {});
      assert.equal((await admin.get(`/api/v1/forms/${form.id}/schema?version=9`)).status, 404);

      // A new version of the same form from a new workbook, published.
      const v2 = await upload(admin, waterSurvey(id, '2026120702'));
      assert.equal(v2.status, 201, v2.text);
      assert.equal(v2.json.id, form.id);
      assert.deepEqual(
        v2.json.versions.map((v) => v.version),
        ['2026120701', '2026120702'],
      );
      assert.equal(v2.json.published_version, '2026120701');
      const again = await upload(admin, waterSurvey(id, '2026120702'));
      assert.equal(again.status, 409);
      assert.ok(again.json.error.fields.version);
      const pub2 = await admin.post(`/api/v1/forms/${form.id}/publish`, { version: '2026120702' });
      assert.equal(pub2.json.published_version, '2026120702');
      const xml2 = await (
        await fetch(`${dev.json.server_url}/forms/${id}.xml`, { headers: OR })
      ).text();
      assert.match(xml2, /version="2026120702"/);
      const older = await admin.get(`/api/v1/forms/${form.id}/schema?version=2026120701`);
      assert.equal(older.json.version, '2026120701');

      // The schema route is in the OpenAPI table.
      const doc = (await admin.get('/api/v1/openapi.json')).json;
      assert.ok(doc.paths['/api/v1/forms/{id}/schema'].get.responses['200'].content);
    });

    it('bad spreadsheets answer 422 on file naming the problem; nothing is stored', async () => {
      const before = (await admin.get('/api/v1/forms')).json.items.length;
      const cases = [
        ['not a zip', Buffer.from('just text, no workbook'), /not a valid XLSX/],
        [
          'no survey sheet',
          workbook({
            questions: [
              ['type', 'name', 'label'],
              ['text', 'q', 'Q'],
            ],
          }),
          /sheet named 'survey'/,
        ],
        [
          'an unknown question type',
          workbook({
            survey: [
              ['type', 'name', 'label'],
              ['txt', 'q', 'Q'],
            ],
          }),
          /\[row : 2\] Unknown question type 'txt'/,
        ],
        [
          'a choice list that does not exist',
          waterSurvey(`bad_${uniq()}`, '1', { choices: false }),
          /\[row : 4\] List name not in choices sheet: yn/,
        ],
      ];
      for (const [what, bytes, message] of cases) {
        const r = await upload(admin, bytes);
        assert.equal(r.status, 422, `${what}: ${r.text}`);
        assert.equal(r.json.error.code, 'validation', what);
        assert.deepEqual(Object.keys(r.json.error.fields), ['file'], what);
        assert.match(r.json.error.fields.file, message, what);
        assert.match(r.json.error.message, message, what);
      }
      // Neither a type that is no form nor a reader's upload runs the converter.
      const wrongType = await upload(admin, Buffer.from('{}'), 'application/json');
      assert.equal(wrongType.status, 400);
      assert.ok(wrongType.json.error.fields.file);
      const officer = await login(srv.base, 'officer.t1');
      const refused = await upload(officer, waterSurvey(`off_${uniq()}`, '1'));
      assert.equal(refused.status, 403);
      assert.equal((await admin.get('/api/v1/forms')).json.items.length, before);
    });

    it('readers list the forms that concern them, read-only; each role', async () => {
      const s = uniq();
      const make = async (name) => {
        const r = await upload(admin, plainXForm(`${name}_${s}`), 'application/xml');
        assert.equal(r.status, 201, r.text);
        await admin.post(`/api/v1/forms/${r.json.id}/publish`, { version: '1' });
        return r.json;
      };
      const area = async (code) => (await areaByCode(admin, code)).id;
      const [d1, u1, p2] = [await area('P1-D1'), await area('P1-D1-T1-U1'), await area('P2')];
      const above = await make('above'); // assigned to P1-D1: above the officer's tehsil
      const below = await make('below'); // assigned to P1-D1-T1-U1: below it
      const byDevice = await make('device'); // a device only; a submission in U1 brings it in
      const other = await make('other'); // assigned to P2 only
      const none = await make('none'); // assigned nowhere, no submission
      const assign = (f, area_ids, device_ids = []) =>
        admin.request('PUT', `/api/v1/forms/${f.id}/assignments`, { device_ids, area_ids });
      assert.equal((await assign(above, [d1])).status, 200);
      assert.equal((await assign(below, [u1])).status, 200);
      assert.equal((await assign(other, [p2])).status, 200);
      const users = await admin.get('/api/v1/users?q=mobiliser.u1');
      const userId = users.json.items.find((u) => u.username === 'mobiliser.u1').id;
      const dev = await admin.post('/api/v1/devices', { name: `readers ${s}`, user_id: userId });
      assert.equal((await assign(byDevice, [], [dev.json.id])).status, 200);
      const xml = `<data id="device_${s}" version="1"><area>P1-D1-T1-U1</area><q>x</q><meta><instanceID>uuid:${crypto.randomUUID()}</instanceID></meta></data>`;
      const sent = await submit(`${dev.json.server_url}/submission`, xml);
      assert.equal(sent.status, 201, sent.text);

      const mine = [above, below, byDevice, other, none];
      const seen = async (username) => {
        const c = await login(srv.base, username);
        const r = await c.get('/api/v1/forms');
        assert.equal(r.status, 200, `${username}: ${r.text}`);
        const ids = new Set(r.json.items.map((f) => f.id));
        return {
          c,
          r,
          names: mine.filter((f) => ids.has(f.id)).map((f) => f.xml_form_id.split('_')[0]),
        };
      };
      // The administrator sees every form, with its devices.
      const all = await seen('admin');
      assert.deepEqual(all.names, ['above', 'below', 'device', 'other', 'none']);
      assert.deepEqual(all.r.json.items.find((f) => f.id === byDevice.id).assignments.device_ids, [
        dev.json.id,
      ]);
      // Readers in P1 see the forms assigned at, above or below them, and the one submitted
      // to in their area; not P2's, not the unassigned one.
      for (const who of ['officer.t1', 'mobiliser.u1', 'manager.d1', 'focal.d1', 'me.p1']) {
        const { c, r, names } = await seen(who);
        assert.deepEqual(names, ['above', 'below', 'device'], who);
        const item = r.json.items.find((f) => f.id === byDevice.id);
        assert.deepEqual(item.assignments.device_ids, [], `${who}: no devices`);
        assert.equal((await c.get(`/api/v1/forms/${above.id}`)).status, 200, who);
        assert.equal((await c.get(`/api/v1/forms/${byDevice.id}/schema`)).status, 200, who);
        assert.equal((await c.get(`/api/v1/forms/${other.id}`)).status, 403, who);
        assert.equal((await c.get(`/api/v1/forms/${none.id}/schema`)).status, 403, who);
        // Read-only: no publish, assignment, state change or version XML.
        assert.equal(
          (await c.post(`/api/v1/forms/${above.id}/publish`, { version: '1' })).status,
          403,
          who,
        );
        assert.equal(
          (
            await c.request('PUT', `/api/v1/forms/${above.id}/assignments`, {
              device_ids: [],
              area_ids: [],
            })
          ).status,
          403,
          who,
        );
        assert.equal((await c.get(`/api/v1/forms/${above.id}/versions/1.xml`)).status, 403, who);
      }
      // A reader in P2 sees P2's form only.
      assert.deepEqual((await seen('mobiliser.u2')).names, ['other']);
      // An administrator of P2 manages every form (config.write is programme-wide).
      assert.deepEqual((await seen('admin.p2')).names, [
        'above',
        'below',
        'device',
        'other',
        'none',
      ]);
    });
  });
