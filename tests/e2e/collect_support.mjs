// Pieces of the Collect browser tests: a small XForm and an instance of it, a submission sent as
// Collect sends it (OpenRosa multipart, to the device's server URL), a device made through the
// API, and the QR code on the page read back into its text.
import { inflateSync } from 'node:zlib';
import decodeQR from 'qr/decode.js';
import { Api, BASE, uniq } from './support.mjs';

const OPENROSA = { 'X-OpenRosa-Version': '1.0' };

// An 8 x 8 PNG in four colours: the photo a submission carries.
export const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAH0lEQVR4nGM4oaEBRxoLbOCIgYoSGgEn4OgDEqCiBADrWWLBWekq2QAAAABJRU5ErkJggg==',
  'base64',
);

// A water-point survey: a respondent, a count of households and a photo.
export function surveyXForm(formId, version = '1', title = 'E2E water survey') {
  return `<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms">
  <h:head>
    <h:title>${title}</h:title>
    <model>
      <instance>
        <data id="${formId}" version="${version}">
          <respondent/>
          <households/>
          <photo/>
          <meta><instanceID/><instanceName/></meta>
        </data>
      </instance>
      <bind nodeset="/data/respondent" type="string"/>
      <bind nodeset="/data/households" type="int"/>
      <bind nodeset="/data/photo" type="binary"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
      <bind nodeset="/data/meta/instanceName" type="string" calculate="/data/respondent"/>
    </model>
  </h:head>
  <h:body>
    <input ref="/data/respondent"><label>Respondent</label></input>
    <input ref="/data/households"><label>Households</label></input>
    <upload ref="/data/photo" mediatype="image/*"><label>Photo of the water point</label></upload>
  </h:body>
</h:html>
`;
}

export function surveyInstance(formId, version, respondent, households) {
  const instanceId = 'uuid:' + crypto.randomUUID();
  const xml =
    `<?xml version="1.0"?><data xmlns:jr="http://openrosa.org/javarosa" ` +
    `xmlns:orx="http://openrosa.org/xforms" id="${formId}" version="${version}">` +
    `<respondent>${respondent}</respondent><households>${households}</households>` +
    `<photo>well.png</photo><meta><instanceID>${instanceId}</instanceID>` +
    `<instanceName>${respondent}</instanceName></meta></data>`;
  return { instanceId, xml };
}

// POSTs an instance with its photo to `{serverUrl}/submission`, as Collect does.
export async function submit(serverUrl, xml, photo = PHOTO) {
  const body = new FormData();
  body.append('xml_submission_file', new Blob([xml], { type: 'text/xml' }), 'submission.xml');
  body.append('well.png', new Blob([photo], { type: 'image/png' }), 'well.png');
  const res = await fetch(serverUrl + '/submission', { method: 'POST', headers: OPENROSA, body });
  return { status: res.status, text: await res.text() };
}

// GET `{serverUrl}/formList`: the forms the device may fill in (status and body).
export async function formList(serverUrl) {
  const res = await fetch(serverUrl + '/formList', { headers: OPENROSA });
  return { status: res.status, text: await res.text() };
}

// A device for `username`, made by the administrator through the API (token and settings too).
export async function deviceFor(username, name = 'E2E phone ' + uniq()) {
  const api = await new Api().login();
  const user = (await api.get('/users?q=' + encodeURIComponent(username))).items.find(
    (u) => u.username === username,
  );
  return { api, user, device: await api.post('/devices', { name, user_id: user.id }) };
}

// The text of the QR code on the page (data-testid="col-qr"), read from its pixels: the SVG
// drawn on a canvas in the browser, decoded here by another library than the one that drew it.
export async function readQr(page) {
  const image = await page.evaluate(async () => {
    const svg = document.querySelector('[data-testid="col-qr"]');
    const side = Number(svg.dataset.modules) * 6;
    const img = new Image();
    img.src =
      'data:image/svg+xml;charset=utf-8,' +
      encodeURIComponent(new XMLSerializer().serializeToString(svg));
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, side, side);
    return { side, data: Array.from(ctx.getImageData(0, 0, side, side).data) };
  });
  return decodeQR({ width: image.side, height: image.side, data: Uint8Array.from(image.data) });
}

// Collect's settings from the QR code's text: base64 of the zlib-deflated JSON.
export const settingsOf = (text) => JSON.parse(inflateSync(Buffer.from(text, 'base64')).toString());

// Uploads an XForm as the administrator (`api`), publishes it and assigns it to `deviceId`.
export async function publishedForm(api, xml, deviceId) {
  const res = await fetch(BASE + '/api/v1/forms', {
    method: 'POST',
    headers: { cookie: api.cookie, 'x-csrf-token': api.csrf, 'content-type': 'application/xml' },
    body: xml,
  });
  if (res.status !== 201) throw new Error(`POST /forms: ${res.status} ${await res.text()}`);
  const form = await res.json();
  await api.post(`/forms/${form.id}/publish`, { version: form.versions[0].version });
  await api.request('PUT', `/forms/${form.id}/assignments`, {
    device_ids: [deviceId],
    area_ids: [],
  });
  return api.get(`/forms/${form.id}`);
}
