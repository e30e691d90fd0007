// The offline field app: the status line and the outbox on a Pashto phone; a household and an
// activity with its photo recorded (and submitted) offline, kept across an offline reload and
// sent exactly once; signing out with an unsent entry asks first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { pngOf } from '../api/support.mjs';
import {
  Api,
  BASE,
  PHONE,
  launch,
  loginAs,
  login,
  outputPath,
  overflow,
  pickArea,
  syncedPage,
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

test('the outbox and sync status on a 360-px phone in Pashto', async () => {
  const page = await loginAs(browser, 'mobiliser.u1', 'ps');
  const bar = page.getByTestId('offline-status');
  await bar.waitFor();
  await bar.click();
  await page.getByTestId('outbox').waitFor();
  await page.getByTestId('outbox-empty').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
  // The storage estimate is shown (Chromium answers navigator.storage.estimate()).
  assert.match(await page.getByTestId('outbox-usage').innerText(), /MB/);
  await page.screenshot({ path: outputPath('offline-outbox-360-ps.png'), fullPage: true });
  await page.context().close();
});

test('a household and an activity with a photo recorded offline are sent once, photo intact', async () => {
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const head = `Offline Gul ${s}`;
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  // The service worker controls the page (the shell opens offline) and the first sync is done.
  const page = await syncedPage(context);

  await context.setOffline(true);
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-relation').selectOption('head');
  await page.getByTestId('person-0-mode-age').check();
  await page.getByTestId('person-0-age').fill('40');
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-pending').waitFor();
  const householdId = await page.getByTestId('household-detail').getAttribute('data-id');

  await page.goto('/#/activities/new');
  await page.getByTestId('activity-form').waitFor();
  await page.getByTestId('act-type').selectOption('awareness_session');
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-count-f-18-59-0').fill('7');
  // A camera-sized photo (sensor noise over the sheet: megabytes as a PNG), resized on the
  // phone before it is queued.
  const noise = (x, y) => ((x * 73856093) ^ (y * 19349663)) & 31;
  const photo = pngOf(2400, 1800, (x, y) =>
    ((x >> 6) + (y >> 6)) % 2
      ? [220 + noise(x, y), 220 + noise(y, x), 210 + noise(x + 1, y)]
      : [20 + noise(x, y), 40 + noise(y, x), 90 + noise(x, y + 1)],
  );
  await page.getByTestId('act-photo-input').setInputFiles({
    name: 'sheet.png',
    mimeType: 'image/png',
    buffer: photo,
  });
  const row = page.getByTestId('act-photo-row');
  await row.waitFor();
  assert.ok(Number(await row.getAttribute('data-size')) < photo.length, 'made smaller');
  await page.getByTestId('act-save').click();
  await page.getByTestId('activity-pending').waitFor();
  const activityId = await page.getByTestId('activity-detail').getAttribute('data-id');
  // Submitted offline too: it waits behind the session and its photo.
  await page.getByTestId('activity-submit').click();
  await page.locator('[data-testid="activity-status"][data-status="submitted"]').waitFor();

  // Offline reload: the app, the session and the queue are all still there.
  await page.reload();
  const bar = page.locator('[data-testid="offline-status"][data-waiting="4"]');
  await bar.waitFor();
  const queued = await page.evaluate(async (uid) => {
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('mobilise-' + uid);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const all = await new Promise((ok) => {
      const r = db.transaction('outbox').objectStore('outbox').getAll();
      r.onsuccess = () => ok(r.result);
    });
    const up = all.find((e) => e.kind === 'upload');
    return [...new Uint8Array(await up.blob.arrayBuffer())];
  }, api.user.id);
  const sha = (b) => createHash('sha256').update(b).digest('hex');

  // Back online over a slow uplink (32 KB/s): the photo's upload shows its progress on the
  // status line while it goes, and the line drops it when it has arrived.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await context.setOffline(false);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 100,
    downloadThroughput: 256 * 1024,
    uploadThroughput: 32 * 1024,
  });
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const partway = await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-testid="upload-progress"]')?.getAttribute('value');
      return v !== null && v !== undefined && Number(v) > 0 && Number(v) < 100 ? Number(v) : 0;
    },
    null,
    { polling: 50, timeout: 30000 },
  );
  assert.ok((await partway.jsonValue()) > 0, 'progress shown part way through the upload');
  await page
    .locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]')
    .waitFor({ timeout: 60000 });
  assert.equal(await page.getByTestId('upload-progress').count(), 0, 'progress gone when sent');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });

  const found = await api.get(`/households?q=${encodeURIComponent(head)}`);
  assert.equal(found.items.length, 1, 'exactly one household');
  assert.equal(found.items[0].id, householdId);
  const activity = await api.get(`/activities/${activityId}`);
  assert.equal(activity.counted_total, 7);
  assert.equal(activity.status, 'submitted');
  const files = (await api.get(`/activities/${activityId}/files`)).items;
  assert.equal(files.length, 1, 'exactly one photo');
  const res = await fetch(BASE + files[0].url, { headers: { cookie: api.cookie } });
  assert.equal(sha(Buffer.from(await res.arrayBuffer())), sha(Buffer.from(queued)), 'same bytes');
  await context.close();
});

test('signing out with an unsent entry is refused unless confirmed', async () => {
  const s = uniq();
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await login(page, 'mobiliser.u1', 'demo-pass');
  // The household never reaches the server: it stays queued.
  await page.route('**/api/v1/households', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(`Unsent ${s}`);
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-age').fill('30');
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-pending').waitFor();
  const householdId = await page.getByTestId('household-detail').getAttribute('data-id');
  await page.locator('[data-testid="offline-status"][data-waiting="1"]').waitFor();

  const menu = async () => {
    const toggle = page.getByTestId('menu-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  };
  // Asked, and "Cancel": still signed in, the entry still queued.
  await menu();
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    d.dismiss();
  });
  await page.getByTestId('logout').click();
  assert.match(asked, /^1 entry is not sent yet/);
  await page.getByTestId('user-name').waitFor({ state: 'attached' });
  assert.equal(await page.getByTestId('login-form').count(), 0);
  await page.locator('[data-testid="offline-status"][data-waiting="1"]').waitFor();

  // Asked again, and "OK": signed out; the entry stays on the phone for the next sign-in.
  await menu();
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  await login(page, 'mobiliser.u1', 'demo-pass');
  await page.locator('[data-testid="offline-status"][data-waiting="1"]').waitFor();

  // Deleting the household that only this phone has drops it from the outbox.
  await page.goto(`/#/households/${householdId}`);
  await page.getByTestId('household-pending').waitFor();
  await page.getByTestId('household-delete').click();
  await page.getByTestId('household-delete-yes').click();
  await page.locator('[data-testid="offline-status"][data-waiting="0"]').waitFor();
  await context.close();
});
