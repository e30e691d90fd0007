// The outbox against a real server when things go wrong: (b) the server commits but the answer
// is lost (the connection drops after route.fetch()): the retry is answered as the first time
// and there is still exactly one record and one photo; (c) a queued entry the server refuses
// shows its field errors on the form, is fixed there and sent; (d) two phones edit the same
// household: the second sees both versions and keeps its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pngOf } from '../api/support.mjs';
import {
  Api,
  BASE,
  PHONE,
  areaByCode,
  backOnline,
  launch,
  login,
  pickArea,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function signedIn(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await login(page, 'mobiliser.u1', 'demo-pass');
  return page;
}

const allSent = (page) =>
  page.locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]').waitFor();

test('(b) answers lost after the server committed: still one household, one session, one photo', async () => {
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const head = `Lost answer ${s}`;
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await signedIn(context);
  // The first create of each kind reaches the server, which commits it; its answer never comes
  // back (the household's connection drops, the photo's proxy answers 502).
  const lost = new Set();
  const loseFirst = (kind, fail) => async (route) => {
    if (route.request().method() !== 'POST' || lost.has(kind)) return route.continue();
    lost.add(kind);
    const answer = await route.fetch();
    assert.ok(answer.status() < 300, `the server committed the ${kind}`);
    return fail(route);
  };
  await page.route(
    '**/api/v1/households',
    loseFirst('household', (r) => r.abort('connectionreset')),
  );
  await page.route(
    '**/api/v1/activities/*/files*',
    loseFirst('photo', (r) => r.fulfill({ status: 502, body: 'Bad Gateway' })),
  );

  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-age').fill('41');
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-detail').waitFor();
  await allSent(page);

  await page.goto('/#/activities/new');
  await page.getByTestId('activity-form').waitFor();
  await page.getByTestId('act-type').selectOption('awareness_session');
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-place').fill(`Lost answer ${s}`);
  await page.getByTestId('act-count-f-18-59-0').fill('6');
  await page.getByTestId('act-photo-input').setInputFiles({
    name: 'sheet.png',
    mimeType: 'image/png',
    buffer: pngOf(800, 600, (x, y) => (((x >> 5) + (y >> 5)) % 2 ? [250, 250, 240] : [20, 40, 90])),
  });
  await page.getByTestId('act-photo-row').waitFor();
  await page.getByTestId('act-save').click();
  await page.getByTestId('activity-detail').waitFor();
  const activityId = await page.getByTestId('activity-detail').getAttribute('data-id');
  await allSent(page);
  assert.deepEqual([...lost].sort(), ['household', 'photo'], 'both answers were lost once');

  const found = await api.get(`/households?q=${encodeURIComponent(head)}`);
  assert.equal(found.items.length, 1, 'exactly one household');
  const files = (await api.get(`/activities/${activityId}/files`)).items;
  assert.equal(files.length, 1, 'exactly one photo');
  await context.close();
});

test('(c) a refused queued entry shows its field errors on the form, is fixed and sent', async () => {
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const head = `Refused ${s}`;
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await signedIn(context);
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  await pickArea(page, 'hh-area', VILLAGE);
  await context.setOffline(true);
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('hh-phone').fill('call the imam');
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-age').fill('52');
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-pending').waitFor();

  await backOnline(page, context, 1);
  await page.getByTestId('offline-status').click();
  const entry = page.locator('[data-testid="outbox-entry"][data-state="failed"]');
  await entry.waitFor();
  assert.match(await entry.getByTestId('outbox-error').innerText(), /Phone: /);
  await entry.getByTestId('outbox-fix').click();

  // The form, with the entry as typed and the server's words next to the field.
  await page.getByTestId('household-form').waitFor();
  await page.getByTestId('hh-phone-error').waitFor();
  assert.equal(await page.getByTestId('hh-head-name').inputValue(), head);
  await page.getByTestId('hh-phone').fill('0700 123 456');
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-detail').waitFor();
  await allSent(page);

  const found = await api.get(`/households?q=${encodeURIComponent(head)}`);
  assert.equal(found.items.length, 1, 'exactly one household');
  assert.match((await api.get(`/households/${found.items[0].id}`)).phone, /0700/);
  await context.close();
});

test('(c) a refused queued feedback opens in its form with the error, is fixed and sent', async () => {
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await signedIn(context);
  await page.goto('/#/feedback/new');
  await page.getByTestId('feedback-form').waitFor();
  await page.getByTestId('fb-category').selectOption('complaint_service');
  await page.getByTestId('fb-channel').selectOption('hotline');
  await pickArea(page, 'fb-area', VILLAGE);
  await context.setOffline(true);
  await page.getByTestId('fb-description').fill(`No water at the school ${s}`);
  await page.getByTestId('fb-tags').fill('water!');
  await page.getByTestId('fb-save').click();
  await page.getByTestId('feedback-receipt-queued').waitFor();
  const id = await page.getByTestId('feedback-receipt').getAttribute('data-id');

  await backOnline(page, context, 1);
  await page.getByTestId('offline-status').click();
  const entry = page.locator(`[data-testid="outbox-entry"][data-record="${id}"]`);
  await entry.getByTestId('outbox-fix').click();
  await page.getByTestId('fb-tags-error').waitFor();
  assert.equal(
    await page.getByTestId('fb-description').inputValue(),
    `No water at the school ${s}`,
  );
  await page.getByTestId('fb-tags').fill('water');
  await page.getByTestId('fb-save').click();
  await page.getByTestId('feedback-detail').waitFor();
  await allSent(page);
  const found = (await api.get(`/feedback?q=${encodeURIComponent(s)}`)).items;
  assert.equal(found.length, 1, 'logged once');
  assert.equal(found[0].id, id, 'with the id the receipt gave');
  assert.deepEqual((await api.get(`/feedback/${id}`)).tags, ['water']);
  await context.close();
});

test('(d) two phones edit the same household: the second sees both and keeps its own', async () => {
  const s = uniq();
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(api, VILLAGE);
  const h = await api.post('/households', {
    area_id: village.id,
    head_name: `Two phones ${s}`,
    address: 'By the old well',
    people: [{ name: `Two phones ${s}`, sex: 'f', relation: 'head', age: 33 }],
  });
  const contextA = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const contextB = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const a = await signedIn(contextA);
  const b = await signedIn(contextB);
  for (const p of [a, b]) {
    await p.goto(`/#/households/${h.id}/edit`);
    await p.getByTestId('household-form').waitFor();
  }
  await a.getByTestId('hh-address').fill('Next to the school');
  await a.getByTestId('hh-save').click();
  await a.getByTestId('household-detail').waitFor();

  // B saved from the older version: the outbox shows both and B keeps its own.
  await b.getByTestId('hh-address').fill('Behind the mosque');
  await b.getByTestId('hh-save').click();
  await b.getByTestId('outbox').waitFor();
  const entry = b.locator('[data-testid="outbox-entry"][data-state="conflict"]');
  await entry.waitFor();
  const row = entry.locator('[data-testid="outbox-conflict-row"][data-field="address"]');
  assert.match(await row.getByTestId('outbox-mine').innerText(), /Behind the mosque/);
  assert.match(await row.getByTestId('outbox-theirs').innerText(), /Next to the school/);
  await entry.getByTestId('outbox-keep-mine').click();
  await b.getByTestId('outbox-empty').waitFor();
  await allSent(b);

  const now = await api.get(`/households/${h.id}`);
  assert.equal(now.address, 'Behind the mosque');
  assert.equal(now.version, h.version + 2, 'one edit from each phone');
  await contextA.close();
  await contextB.close();
});
