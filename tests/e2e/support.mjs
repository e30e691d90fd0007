// Shared pieces of the browser tests: the server under test, a headless Debian Chromium driven by
// playwright-core, sign-in through the real login form, and a small API client for test setup.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BASE = (process.env.MOBILISE_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
export const ADMIN = process.env.MOBILISE_ADMIN_USER || 'admin';
export const ADMIN_PASSWORD = process.env.MOBILISE_ADMIN_PASSWORD || 'admin-demo-pass';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
export const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'output');

export const uniq = () => Math.random().toString(36).slice(2, 8);

export function outputPath(name) {
  mkdirSync(OUTPUT, { recursive: true });
  return join(OUTPUT, name);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A fresh context (own cookies and localStorage) with one page at the given viewport.
export async function newPage(browser, viewport = PHONE) {
  const context = await browser.newContext({ viewport, baseURL: BASE, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return page;
}

// On a phone the navigation and tools fold under the menu button.
export async function openMenu(page) {
  const toggle = page.getByTestId('menu-toggle');
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true')
    await toggle.click();
}

// The app speaks the account's language after sign-in (and a choice made in the app is saved to
// the account), so a spec that expects a language sets the account's first.
export async function setAccountLocale(username, password, lang) {
  const api = await new Api().login(username, password);
  await api.request('PATCH', '/session', { locale: lang });
}

// Signs in through the form. The account's language is set first to `lang`, or else to the
// language chosen on this browser (localStorage), or else English; null leaves the account's own.
export async function login(page, username = ADMIN, password = ADMIN_PASSWORD, lang = undefined) {
  await page.goto('/');
  const stored = await page.evaluate(() => localStorage.getItem('mobilise.lang'));
  const want = lang === undefined ? stored || 'en' : lang;
  if (want) await setAccountLocale(username, password, want);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-name').waitFor({ state: 'attached' });
}

export async function logout(page) {
  await openMenu(page);
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
}

// Minimal cookie + CSRF client for creating test data quickly.
export class Api {
  async login(username = ADMIN, password = ADMIN_PASSWORD) {
    const res = await fetch(BASE + '/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    this.cookie = /mobilise_session=[^;]*/.exec(res.headers.get('set-cookie'))[0];
    const body = await res.json();
    this.csrf = body.csrf_token;
    this.user = body.user;
    return this;
  }
  async request(method, path, body) {
    const headers = { cookie: this.cookie, 'x-csrf-token': this.csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(BASE + '/api/v1' + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return json;
  }
  get(path) {
    return this.request('GET', path);
  }
  post(path, body) {
    return this.request('POST', path, body);
  }
  // The admin's first top area (the demo's country).
  async rootArea() {
    const page = await this.get('/areas');
    return page.items[0];
  }
  async firstChild(id) {
    const res = await this.get(`/areas/${id}/children`);
    return (Array.isArray(res) ? res : res.items)[0];
  }
}

// Signs in through the form with the app language fixed first (demo accounts carry their own
// locales: the account's is set to `lang`); demo accounts share one password.
export async function loginAs(
  browser,
  username,
  lang = 'en',
  viewport = PHONE,
  password = 'demo-pass',
) {
  const page = await newPage(browser, viewport);
  await page.goto(BASE + '/');
  await page.evaluate((l) => localStorage.setItem('mobilise.lang', l), lang);
  await login(page, username, password, lang);
  return page;
}

// Chooses an area in an AreaPicker (data-testid prefix) by its code.
export async function pickArea(page, testid, code) {
  await page.getByTestId(testid + '-search').fill(code);
  await page.locator(`[data-testid="${testid}-option"][data-code="${code}"]`).click();
  await page.getByTestId(testid + '-chosen').waitFor();
}

// How many CSS pixels the page is wider than the window (0 or less: no sideways scrolling).
export const overflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

// The area with `code`, as `api` sees it.
export async function areaByCode(api, code) {
  const found = (await api.get(`/areas?q=${encodeURIComponent(code)}`)).items.find(
    (a) => a.code === code,
  );
  if (!found) throw new Error(`no area ${code}`);
  return found;
}

// Signed in as a field user (mobiliser.u1 by default) in English with a sync finished on the
// phone (its working set holds what was made before), the app shell under the service worker:
// where every offline test starts before it cuts the network.
export async function syncedPage(context, username = 'mobiliser.u1', password = 'demo-pass') {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await login(page, username, password);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await page
    .locator('[data-testid="offline-status"][data-phase="idle"][data-synced="1"]')
    .waitFor();
  return page;
}

// A household of two (a woman head and her son) in `village`, made through the API.
export async function householdOfTwo(api, village, name) {
  return api.post('/households', {
    area_id: village.id,
    head_name: name,
    people: [
      { name, sex: 'f', relation: 'head', age: 35 },
      { name: `${name} son`, sex: 'm', relation: 'son', age: 12 },
    ],
  });
}

// Back online: the outbox sends, and the server refuses `n` of its entries.
export async function backOnline(page, context, n) {
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.locator(`[data-testid="offline-status"][data-problems="${n}"]`).waitFor();
}

// A course with a test out of 20 (made by manager.d1) and a training of it today in `village`,
// recorded by `api` with `people` attending.
export async function trainingToday(api, village, people, code) {
  const mgr = await new Api().login('manager.d1', 'demo-pass');
  const course = await mgr.post('/courses', {
    code: code.toUpperCase(),
    title: `Course ${code}`,
    audience: 'community',
    topics: ['livelihoods'],
    duration_hours: 2,
    test_max: 20,
  });
  return api.post('/activities', {
    type: 'training',
    course_id: course.id,
    held_on: new Date().toISOString().slice(0, 10),
    area_id: village.id,
    topics: ['livelihoods'],
    attendance: people.map((p) => ({ person_id: p.id })),
  });
}
