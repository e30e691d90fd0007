// Helpers for the OpenRosa tests: XForm fixtures, multipart bodies as Collect sends them, and
// an admin set-up of a form, a device and an assignment.
import { login, areaByCode } from './support.mjs';

// A form with a photo question (binary), an `area` field and a media file it references.
export function surveyForm({ id = 'survey', version = '1', title = 'Water & Sanitation' } = {}) {
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>${title.replace(/&/g, '&amp;')}</h:title>
    <model>
      <instance>
        <data id="${id}" version="${version}">
          <area/><name/><photo1/><photo2/>
          <person jr:template=""><pname/></person>
          <meta><instanceID/><deprecatedID/></meta>
        </data>
      </instance>
      <bind nodeset="/data/name" type="string"/>
      <bind nodeset="/data/photo1" type="binary"/>
      <bind nodeset="/data/photo2" type="binary"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/name"><label>Name <output value="jr://images/logo.png"/></label></input>
    <upload ref="/data/photo1" mediatype="image/*"/>
    <upload ref="/data/photo2" mediatype="image/*"/>
    <repeat nodeset="/data/person"><input ref="/data/person/pname"/></repeat>
  </h:body>
</h:html>`;
}

// A form without media.
export function plainForm({ id = 'plain', version = '' } = {}) {
  const v = version === null ? '' : ` version="${version}"`;
  return `<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml"><h:head><h:title>Plain</h:title><model><instance><data id="${id}"${v}><q/><meta><instanceID/></meta></data></instance></model></h:head><h:body/></h:html>`;
}

export function instance({
  form = 'survey',
  version = '1',
  instanceId = 'uuid:' + crypto.randomUUID(),
  deprecatedId,
  area = '',
  name = 'Amina',
  photos = [],
  extra = '',
} = {}) {
  const v = version === null ? '' : ` version="${version}"`;
  const dep = deprecatedId ? `<deprecatedID>${deprecatedId}</deprecatedID>` : '';
  return `<data id="${form}"${v}><area>${area}</area><name>${name}</name><photo1>${photos[0] ?? ''}</photo1><photo2>${photos[1] ?? ''}</photo2>${extra}<meta><instanceID>${instanceId}</instanceID>${dep}</meta></data>`;
}

// A multipart/form-data body: parts [{name, filename?, type?, data}].
export function multipart(parts, boundary = 'b' + Math.random().toString(36).slice(2)) {
  const chunks = [];
  for (const p of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.type) head += `Content-Type: ${p.type}\r\n`;
    chunks.push(Buffer.from(head + '\r\n'), Buffer.from(p.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

export const OR = { 'x-openrosa-version': '1.0' };

// POSTs a submission (XML plus files {name: bytes}) to `url` (…/submission).
export async function submit(url, xml, files = {}, headers = {}) {
  const parts = [
    { name: 'xml_submission_file', filename: 'submission.xml', type: 'text/xml', data: xml },
  ];
  for (const [name, data] of Object.entries(files))
    parts.push({ name, filename: name, type: 'image/jpeg', data });
  const m = multipart(parts);
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...OR, 'content-type': m.type, ...headers },
    body: m.body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

// As the admin: uploads `xml`, publishes its version, makes a device for `user` (a username)
// and assigns the form to the device. Returns {admin, form, device, key} (key: the device's
// server URL, …/openrosa/key/{token}).
export async function setUp(
  base,
  { xml = surveyForm(), user = 'mobiliser.u1', assign = true } = {},
) {
  const admin = await login(base, 'admin');
  const up = await admin.post('/api/v1/forms', xml, {
    raw: true,
    headers: { 'content-type': 'application/xml' },
  });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${up.text}`);
  const version = up.json.versions.at(-1).version;
  const pub = await admin.post(`/api/v1/forms/${up.json.id}/publish`, { version });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${pub.text}`);
  const users = await admin.get(`/api/v1/users?q=${user}`);
  const userId = users.json.items.find((u) => u.username === user).id;
  const dev = await admin.post('/api/v1/devices', { name: `${user} phone`, user_id: userId });
  if (dev.status !== 201) throw new Error(`device: ${dev.status} ${dev.text}`);
  if (assign) {
    const a = await admin.request('PUT', `/api/v1/forms/${up.json.id}/assignments`, {
      device_ids: [dev.json.id],
      area_ids: [],
    });
    if (a.status !== 200) throw new Error(`assign: ${a.status} ${a.text}`);
  }
  return { admin, form: pub.json, device: dev.json, key: dev.json.server_url, userId };
}

export { areaByCode };
