// The built-in forms (activity, household, feedback) as a Collect device meets them: listed,
// downloaded with their CSV media of the device user's areas, and submitted through OpenRosa
// into the same records the web app makes, with the same rules and the same errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, createHash } from 'node:crypto';
import {
  startServer,
  freshPgDatabase,
  login,
  areaByCode,
  firstPeople,
  pngOf,
  uniq,
} from './support.mjs';

const OR = { 'X-OpenRosa-Version': '1.0' };

// A multipart body as Collect sends it: the instance, then its attachments.
function multipart(xml, files = []) {
  const boundary = '----mobilise' + uniq() + uniq();
  const parts = [];
  const part = (name, filename, type, bytes) => {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n` +
          `Content-Type: ${type}\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from('\r\n'),
    );
  };
  part('xml_submission_file', 'submission.xml', 'text/xml', xml);
  for (const f of files) part(f.name, f.name, f.type, f.bytes);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// An instance of a built-in form: `body` is the XML inside the root.
function instance(form, uuid, body) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<data xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" ` +
    `id="${form.xml_form_id}" version="${form.published_version}">${body}` +
    `<meta><instanceID>uuid:${uuid}</instanceID></meta></data>`
  );
}

// Simple CSV (the media files quote only what needs it).
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\r\n').filter(Boolean)) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') ((cell += c), i++);
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) (cells.push(cell), (cell = ''));
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// A household's JSON as a record: what is not the record's own content (ids, times, who) left out.
function content(detail) {
  const drop = new Set([
    'id',
    'household_id',
    'head_person_id',
    'created_at',
    'updated_at',
    'created_by',
    'updated_by',
    'version',
  ]);
  const clean = (v) =>
    Array.isArray(v)
      ? v.map(clean)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => !drop.has(k))
              .map(([k, x]) => [k, clean(x)]),
          )
        : v;
  return clean(detail);
}

for (const backend of ['sqlite', 'postgres'])
  describe(`built-in forms over OpenRosa (${backend})`, () => {
    let srv, admin, mob, focal, device, forms, village, outside;

    const collect = (path, opts = {}) =>
      fetch(`${srv.base}/openrosa/key/${device.token}${path}`, {
        ...opts,
        headers: { ...OR, ...(opts.headers || {}) },
      });
    const submit = async (xml, files) => {
      const m = multipart(xml, files);
      const r = await collect('/submission', {
        method: 'POST',
        headers: { 'Content-Type': m.type },
        body: m.body,
      });
      return { status: r.status, text: await r.text() };
    };

    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      focal = await login(srv.base, 'focal.d1');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      outside = await areaByCode(admin, 'P1-D1-T1-U2-V1');
      const made = await admin.post('/api/v1/devices', {
        name: `Phone ${uniq()}`,
        user_id: mob.user.id,
      });
      assert.equal(made.status, 201, made.text);
      device = made.json;
      const list = await admin.get('/api/v1/forms');
      assert.equal(list.status, 200, list.text);
      forms = {};
      for (const f of list.json.items) if (f.kind !== 'custom') forms[f.kind] = f;
      for (const kind of ['activity', 'household', 'feedback']) {
        assert.ok(forms[kind]?.published_version, `the ${kind} form is published at start`);
        const r = await admin.request('PUT', `/api/v1/forms/${forms[kind].id}/assignments`, {
          device_ids: [device.id],
          area_ids: [],
        });
        assert.ok(r.status < 300, r.text);
      }
    });
    after(() => srv?.stop());

    it('lists, serves and describes each built-in form with its media', async () => {
      const list = await (await collect('/formList')).text();
      for (const kind of ['activity', 'household', 'feedback']) {
        const f = forms[kind];
        assert.match(list, new RegExp(`<formID>${f.xml_form_id}</formID>`));
        const xml = await (await collect(`/forms/${f.xml_form_id}.xml`)).text();
        assert.match(xml, new RegExp(`version="${f.published_version}"`));
        assert.match(xml, /lang="پښتو \(ps\)"/, 'labels in Pashto too');
        const manifest = await (await collect(`/forms/${f.xml_form_id}/manifest`)).text();
        assert.match(manifest, /<filename>areas\.csv<\/filename>/);
      }
    });

    it("media hold only the device user's areas, institutions and people", async () => {
      const get = async (name) => {
        const r = await collect(`/forms/${forms.activity.xml_form_id}/attachments/${name}`);
        assert.equal(r.status, 200, name);
        return parseCsv(await r.text());
      };
      const areas = await get('areas.csv');
      const ids = new Set(areas.map((a) => a.name));
      assert.ok(ids.has(village.id));
      assert.ok(!ids.has(outside.id), 'a union council the mobiliser does not work in');
      const people = await get('people.csv');
      assert.ok(people.length > 0);
      assert.ok(
        people.every((p) => ids.has(p.area)),
        'every person lives in a listed area',
      );
      const [someone] = await firstPeople(mob, village.id, 1);
      assert.ok(people.some((p) => p.name === someone.id));
      const institutions = await get('institutions.csv');
      assert.ok(institutions.every((i) => ids.has(i.area)));
    });

    it("the manifest's md5 follows a renamed village and is the md5 of the bytes served", async () => {
      const md5 = (b) => createHash('md5').update(b).digest('hex');
      const form = forms.household.xml_form_id;
      const manifestMd5 = async () => {
        const r = await collect(`/forms/${form}/manifest`);
        assert.equal(r.status, 200);
        return /<filename>areas\.csv<\/filename>\s*<hash>md5:([0-9a-f]{32})<\/hash>/.exec(
          await r.text(),
        )[1];
      };
      const served = async () => {
        const r = await collect(`/forms/${form}/attachments/areas.csv`);
        assert.equal(r.status, 200);
        const bytes = Buffer.from(await r.arrayBuffer());
        assert.equal(r.headers.get('etag'), `"${md5(bytes)}"`);
        return { md5: md5(bytes), text: bytes.toString() };
      };
      const first = await manifestMd5();
      assert.equal(await manifestMd5(), first, 'nothing changed: the same md5');
      assert.equal((await served()).md5, first);

      const area = (await admin.get(`/api/v1/areas/${village.id}`)).json;
      const name = `Village ${uniq()}`;
      const r = await admin.patch(`/api/v1/areas/${village.id}`, { version: area.version, name });
      assert.equal(r.status, 200, r.text);
      const renamed = await manifestMd5();
      assert.notEqual(renamed, first, 'the rename changed areas.csv');
      const bytes = await served();
      assert.equal(bytes.md5, renamed);
      assert.match(bytes.text, new RegExp(name));

      // A write outside the device user's areas leaves the list (and its md5) as it was.
      const far = (await admin.get(`/api/v1/areas/${outside.id}`)).json;
      const moved = await admin.patch(`/api/v1/areas/${outside.id}`, {
        version: far.version,
        name: `Far ${uniq()}`,
      });
      assert.equal(moved.status, 200, moved.text);
      assert.equal(await manifestMd5(), renamed);
      assert.equal((await served()).md5, renamed);
    });

    it('a household sent from Collect is the record the JSON API makes of the same answers', async () => {
      const uuid = randomUUID();
      const head = `Gul ${uniq()}`;
      const xml = instance(
        forms.household,
        uuid,
        `<area>${village.id}</area><code/><head_name>${head}</head_name>` +
          `<head_father_name>Khan</head_father_name><address/><phone/><national_id/>` +
          `<location>34.5 69.25 1800 5</location>` +
          `<psc><score>14.5</score><date>2024-05-01</date><source>NSER</source><band/></psc>` +
          `<flags/>` +
          `<person><name>${head}</name><sex>f</sex><relation>head</relation><birth_date/>` +
          `<age>40</age><displacement>idp</displacement><phone/>` +
          `<wg><seeing>1</seeing><hearing>1</hearing><mobility>3</mobility><cognition>1</cognition>` +
          `<self_care>1</self_care><communication>1</communication></wg></person>` +
          `<person><name>Sher</name><sex>m</sex><relation>son</relation>` +
          `<birth_date>2014-03-02</birth_date><age/><displacement/><phone/>` +
          `<wg><seeing/><hearing/><mobility/><cognition/><self_care/><communication/></wg></person>`,
      );
      const r = await submit(xml);
      assert.equal(r.status, 201, r.text);
      const fromCollect = await mob.get(`/api/v1/households/${uuid}`);
      assert.equal(fromCollect.status, 200, 'the record has the instance UUID as its id');

      const fromJson = await mob.post('/api/v1/households', {
        area_id: village.id,
        head_name: head,
        head_father_name: 'Khan',
        latitude: 34.5,
        longitude: 69.25,
        psc_score: 14.5,
        psc_date: '2024-05-01',
        psc_source: 'NSER',
        flags: [],
        people: [
          {
            name: head,
            sex: 'f',
            relation: 'head',
            age: 40,
            displacement: 'idp',
            wg: {
              seeing: 1,
              hearing: 1,
              mobility: 3,
              cognition: 1,
              self_care: 1,
              communication: 1,
            },
          },
          { name: 'Sher', sex: 'm', relation: 'son', birth_date: '2014-03-02' },
        ],
        allow_duplicate: true,
      });
      assert.equal(fromJson.status, 201, fromJson.text);
      const again = await mob.get(`/api/v1/households/${fromJson.json.id}`);
      assert.deepEqual(content(fromCollect.json), content(again.json));
      assert.ok(fromCollect.json.poverty_band, 'the band derived from the score as for the web');
      assert.equal(fromCollect.json.people.length, 2);

      const resent = await submit(xml);
      assert.equal(resent.status, 201, 'the same instance again: nothing new');
    });

    it('a bad instance answers an error naming the question and stores nothing', async () => {
      const uuid = randomUUID();
      const r = await submit(
        instance(
          forms.household,
          uuid,
          `<area>${village.id}</area><head_name>Someone</head_name>` +
            `<psc><score>140</score><date>2024-05-01</date></psc>` +
            `<person><name>A</name><sex>q</sex><relation>head</relation></person>`,
        ),
      );
      assert.ok(r.status >= 400 && r.status < 500, `${r.status} ${r.text}`);
      assert.match(r.text, /OpenRosaResponse/);
      assert.match(r.text, /\/data\/person\[1\]\/sex/);
      assert.match(r.text, /\/data\/psc\/score/);
      assert.equal((await mob.get(`/api/v1/households/${uuid}`)).status, 404);

      const elsewhere = randomUUID();
      const out = await submit(
        instance(
          forms.household,
          elsewhere,
          `<area>${outside.id}</area><head_name>Someone</head_name>` +
            `<person><name>A</name><sex>f</sex><relation>head</relation></person>`,
        ),
      );
      assert.ok(out.status >= 400 && out.status < 500, out.text);
      assert.match(out.text, /\/data\/area/);
      assert.equal((await admin.get(`/api/v1/households/${elsewhere}`)).status, 404);
    });

    it('an activity with counts, named people and its attendance photo', async () => {
      const uuid = randomUUID();
      const people = await firstPeople(mob, village.id, 2);
      const photo = pngOf(4, 4);
      const xml = instance(
        forms.activity,
        uuid,
        `<area>${village.id}</area><type>community_dialogue</type><held_on>2026-11-02</held_on>` +
          `<title>Water</title><place/><topics>wash</topics><institutions/>` +
          `<counts><f_a18_59>5</f_a18_59><m_a18_59>4</m_a18_59></counts>` +
          `<counts_d><f_a60p>1</f_a60p></counts_d>` +
          `<named>${people.map((p) => p.id).join(' ')}</named><photo>sheet.png</photo>` +
          `<decisions/><follow_up/><notes/>`,
      );
      const r = await submit(xml, [{ name: 'sheet.png', type: 'image/png', bytes: photo }]);
      assert.equal(r.status, 201, r.text);
      const a = await mob.get(`/api/v1/activities/${uuid}`);
      assert.equal(a.status, 200, a.text);
      assert.equal(a.json.status, 'submitted', 'sent from the phone: submitted for verification');
      assert.equal(a.json.counted_total, 10);
      assert.deepEqual(a.json.topics, ['wash']);
      assert.equal(a.json.attendance.length, people.length);
      const files = await mob.get(`/api/v1/activities/${uuid}/files`);
      assert.equal(files.json.items.length, 1, files.text);
      assert.equal(files.json.items[0].mime, 'image/png');

      const again = await submit(xml, [{ name: 'sheet.png', type: 'image/png', bytes: photo }]);
      assert.equal(again.status, 201);
      const still = await mob.get(`/api/v1/activities/${uuid}/files`);
      assert.equal(still.json.items.length, 1, 'a resent photo is not a second file');
    });

    it('sensitive feedback: logged, and the submitter gets a receipt only', async () => {
      const categories = (await mob.get('/api/v1/feedback/categories')).json;
      const sensitive = categories.find((c) => c.sensitive);
      assert.ok(sensitive, 'the demo has a sensitive category');
      const uuid = randomUUID();
      const r = await submit(
        instance(
          forms.feedback,
          uuid,
          `<area>${village.id}</area><received_on>2026-11-01</received_on>` +
            `<channel>hotline</channel><cefc/><category>${sensitive.code}</category>` +
            `<sensitive_notice/><who>anonymous</who><person_name/><person_contact/>` +
            `<person_sex>f</person_sex><person_age_band>18-59</person_age_band>` +
            `<description>Private account ${uniq()}</description><language>ps</language><tags/>`,
        ),
      );
      assert.equal(r.status, 201, r.text);
      assert.equal((await mob.get(`/api/v1/feedback/${uuid}`)).status, 404, 'not the logger');
      const seen = await focal.get(`/api/v1/feedback/${uuid}`);
      assert.equal(seen.status, 200, 'the focal point of the area sees it');
      assert.equal(seen.json.category, sensitive.code);

      const plain = categories.find((c) => !c.sensitive);
      const open = randomUUID();
      const r2 = await submit(
        instance(
          forms.feedback,
          open,
          `<area>${village.id}</area><received_on>2026-11-01</received_on>` +
            `<channel>hotline</channel><category>${plain.code}</category><who>named</who>` +
            `<person_name>Zia</person_name><description>Where is the well?</description>` +
            `<tags>water, well</tags>`,
        ),
      );
      assert.equal(r2.status, 201, r2.text);
      const mine = await mob.get(`/api/v1/feedback/${open}`);
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.json.tags, ['water', 'well']);
    });
  });
