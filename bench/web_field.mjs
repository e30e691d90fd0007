// The field app on a slow phone (issue 14's benchmark, app side), in headless Chromium through
// Playwright with Chromium's emulation: 400 kbps down / 200 kbps up / 400 ms latency
// (Network.emulateNetworkConditions) and a 4x slower CPU (Emulation.setCPUThrottlingRate).
// 1. First load, nothing cached: the sign-in page (the shell), then signing in as a mobiliser
//    up to the first screen (the home screen): bytes on the wire (encoded, as transferred) and
//    seconds. The first sync of the working set starts after the first screen and is not
//    counted here (the sync benchmark measures it).
// 2. The field screens opened from the device store: the working set is filled with N synthetic
//    households (5 people each; BENCH_WEB_HOUSEHOLDS, default 2000) and the network is cut; then
//    the time from the hash change to the screen being drawn, the median of 5 openings each.
// Usage: node bench/web_field.mjs BASE_URL  (the server serves web/dist; demo logins exist).
// Prints one JSON object with the figures; never fails on a number.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'package.json'));
const { chromium } = require('playwright-core');

const BASE = process.argv[2];
if (!BASE) {
  console.error('usage: node bench/web_field.mjs BASE_URL');
  process.exit(2);
}
const HOUSEHOLDS = Number(process.env.BENCH_WEB_HOUSEHOLDS ?? 2000);
const USER = process.env.BENCH_WEB_USER ?? 'mobiliser.u1';
const PASSWORD = process.env.BENCH_WEB_PASSWORD ?? 'demo-pass';
const SLOW = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 200_000 / 8,
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Bytes as transferred (compressed when the server compresses), per request.
  const bytes = new Map();
  const urls = new Map();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
  const total = (keep = () => true) => {
    let n = 0;
    for (const [id, b] of bytes) if (keep(urls.get(id) ?? '')) n += b;
    return n;
  };
  return { cdp, total, reset: () => bytes.clear() };
}

async function firstLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  const net = await throttled(context, page);
  let t = Date.now();
  await page.goto(BASE + '/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await page.getByTestId('login-username').waitFor();
  const shell = { seconds: (Date.now() - t) / 1000, bytes: net.total() };
  net.reset();
  t = Date.now();
  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home').waitFor();
  await page.locator('[data-testid="home-due"][data-count]:not([data-count=""])').waitFor();
  const notSync = (u) => !u.includes('/api/v1/sync');
  const first = { seconds: (Date.now() - t) / 1000, bytes: net.total(notSync) };
  await context.close();
  return {
    shell,
    first_screen: first,
    total: {
      seconds: shell.seconds + first.seconds,
      bytes: shell.bytes + first.bytes,
    },
  };
}

// Fills the signed-in user's working set with `n` households of 5 people in the user's first
// village, and marks the store as synced (so screens and pickers read it).
async function fillWorkingSet(page, n) {
  return page.evaluate(async (n) => {
    const session = await (await fetch('/api/v1/session')).json();
    const uid = session.user.id;
    const levels = await (await fetch('/api/v1/area-levels')).json();
    const deepest = Math.max(...levels.map((l) => l.level));
    const areas = await (await fetch(`/api/v1/areas?level=${deepest}&limit=50`)).json();
    const village = areas.items[0];
    const db = await new Promise((ok, no) => {
      const r = indexedDB.open('mobilise-' + uid);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const hex = (k) => k.toString(16).padStart(12, '0');
    const names = ['Gul', 'Bibi', 'Hawa', 'Zarghona', 'Malalai', 'Khan', 'Wali', 'Nazo'];
    const put = (store, rows) =>
      new Promise((ok, no) => {
        const tx = db.transaction(store, 'readwrite');
        for (const r of rows) tx.objectStore(store).put(r);
        tx.oncomplete = ok;
        tx.onerror = () => no(tx.error);
      });
    await put('areas', [
      { id: village.id, area_id: village.id, p: '', s: village.name.toLowerCase(), r: village },
    ]);
    const rows = [];
    for (let i = 0; i < n; i++) {
      const id = `01900000-0000-7000-8000-${hex(i)}`;
      const head = `${names[i % 8]} ${names[(i >> 3) % 8]} ${i}`;
      const people = [0, 1, 2, 3, 4].map((j) => ({
        id: `01900000-0000-7000-9000-${hex(i * 5 + j)}`,
        household_id: id,
        name: j === 0 ? head : `${names[(i + j) % 8]} ${i}-${j}`,
        sex: j % 2 ? 'm' : 'f',
        birth_date: `${1960 + ((i + j * 7) % 60)}-03-01`,
        birth_date_estimated: true,
        age: 20 + j,
        relation: j === 0 ? 'head' : 'son',
        wg: null,
        disability: false,
        displacement: null,
        phone: null,
        version: 1,
      }));
      const r = {
        id,
        area_id: village.id,
        area_name: village.name,
        code: `HH-${i}`,
        head_name: head,
        head_father_name: null,
        address: null,
        phone: null,
        national_id: null,
        national_id_masked: false,
        psc_score: 20,
        psc_date: null,
        psc_source: null,
        poverty_band: null,
        poor: false,
        flags: [],
        latitude: null,
        longitude: null,
        membership_count: 0,
        organised: false,
        merged_into_id: null,
        person_count: 5,
        people,
        version: 1,
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
      };
      const text = [head, ...people.map((p) => p.name), r.code].join(' ').toLowerCase();
      rows.push({ id, area_id: village.id, p: '', s: text, r });
    }
    for (let i = 0; i < rows.length; i += 500) await put('households', rows.slice(i, i + 500));
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put('bench', 'cursor');
    tx.objectStore('meta').put(new Date().toISOString(), 'last_synced');
    await new Promise((ok) => (tx.oncomplete = ok));
    return { first: rows[0].id, village: village.code };
  }, n);
}

// From the hash change to the first frame painted with `selector` on the page, measured in the
// page (frame by frame), the median of 5 openings; each opening starts from the outbox screen.
async function timeScreen(page, hash, selector) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => (location.hash = '#/outbox'));
    await page.getByTestId('outbox').waitFor();
    times.push(
      await page.evaluate(
        ([h, sel]) =>
          new Promise((done) => {
            const t = performance.now();
            location.hash = h;
            const check = () =>
              document.querySelector(sel)
                ? requestAnimationFrame(() => done(performance.now() - t))
                : requestAnimationFrame(check);
            check();
          }),
        [hash, selector],
      ),
    );
  }
  return Math.round(median(times));
}

async function localScreens(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(120000);
  await page.goto(BASE + '/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor({ state: 'attached' });
  await page.evaluate(() => navigator.serviceWorker?.ready);
  // The first sync of the user's own working set ends before the store is filled: otherwise its
  // pages are still being written (and its first page's reset drops the filled rows) while the
  // screens are timed.
  await page
    .locator('[data-testid="offline-status"][data-phase="idle"][data-synced="1"]')
    .waitFor();
  const t0 = Date.now();
  const filled = await fillWorkingSet(page, HOUSEHOLDS);
  const fillSeconds = (Date.now() - t0) / 1000;
  // Every screen's chunk loaded once before the network goes (as after a day of use).
  for (const [hash, id] of [
    ['#/households/new', 'household-form'],
    ['#/activities/new', 'activity-form'],
    ['#/outbox', 'outbox'],
    ['#/home', 'home'],
  ]) {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.getByTestId(id).waitFor();
  }
  await context.setOffline(true);
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  const figures = {};
  figures['household detail (local record)'] = await timeScreen(
    page,
    `#/households/${filled.first}`,
    '[data-testid="household-detail"]',
  );
  figures['new household form'] = await timeScreen(
    page,
    '#/households/new',
    '[data-testid="household-form"]',
  );
  figures['edit household form (local record, 5 people)'] = await timeScreen(
    page,
    `#/households/${filled.first}/edit`,
    '[data-testid="person-4-name"]',
  );
  figures['record a session form'] = await timeScreen(
    page,
    '#/activities/new',
    '[data-testid="activity-form"]',
  );
  figures['home screen (lists read locally)'] = await timeScreen(
    page,
    '#/home',
    '[data-testid="home-drafts"][data-count]:not([data-count=""])',
  );
  // A picker search over the working set: from the last key to the results drawn.
  await page.evaluate(() => (location.hash = '#/activities/new'));
  await page.getByTestId('activity-form').waitFor();
  await page.locator('[data-testid="act-named"] > summary').click();
  const search = [];
  for (const q of ['zarghona 17', 'hh-1999', 'wali nazo']) {
    const box = page.getByTestId('act-hh-search');
    await box.fill('');
    const t = await page.evaluate(() => performance.now());
    await box.fill(q);
    await page.getByTestId('act-hh-option').first().waitFor();
    search.push((await page.evaluate(() => performance.now())) - t);
  }
  figures['household search in the session form (incl. the 150 ms pause after typing)'] =
    Math.round(median(search));
  await context.close();
  return { households: HOUSEHOLDS, fill_seconds: fillSeconds, open_ms: figures };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const load = await firstLoad(browser);
  const screens = await localScreens(browser);
  console.log(JSON.stringify({ first_load: load, local_screens: screens }, null, 2));
} finally {
  await browser.close();
}
