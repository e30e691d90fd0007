// Device sessions and the account's language in the browser: an administrator signs out a
// user's lost phone (its next request is refused), and a Pashto user sees Pashto on a fresh
// browser, their language choice following them to a second browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  Api,
  BASE,
  PHONE,
  launch,
  login,
  newPage,
  openMenu,
  outputPath,
  uniq,
} from './support.mjs';

let browser, api, root;
before(async () => {
  browser = await launch();
  api = await new Api().login();
  root = await api.rootArea();
});
after(async () => {
  await browser?.close();
});

async function newUser(locale) {
  const username = 'e2e.dev.' + uniq();
  const password = 'device-pass-' + uniq();
  const user = await api.post('/users', {
    username,
    full_name: 'E2E Device ' + username,
    password,
    locale,
    roles: [{ role: 'officer', area_id: root.id }],
  });
  return { username, password, id: user.id };
}

// Signs in as a phone's app does: with a device.
async function deviceSession(u, device) {
  const res = await fetch(BASE + '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: u.username, password: u.password, device }),
  });
  assert.equal(res.status, 200);
  return /mobilise_session=[^;]*/.exec(res.headers.get('set-cookie'))[0];
}

const sessionStatus = async (cookie) =>
  (await fetch(BASE + '/api/v1/session', { headers: { cookie } })).status;

test("an administrator signs out a user's lost phone", async () => {
  const u = await newUser('en');
  const lost = { id: randomUUID(), name: 'Samsung A05 (Chrome)' };
  const kept = { id: randomUUID(), name: 'Office tablet' };
  const lostCookie = await deviceSession(u, lost);
  const keptCookie = await deviceSession(u, kept);
  assert.equal(await sessionStatus(lostCookie), 200);

  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto(`/#/users/${u.id}`);
  const rows = page.getByTestId('device-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  const row = page.locator(`[data-testid="device-row"][data-device-id="${lost.id}"]`);
  assert.match(await row.textContent(), /Samsung A05/);
  await page.screenshot({ path: outputPath('devices-admin-360.png'), fullPage: true });
  page.once('dialog', (d) => d.accept());
  await row.getByTestId('device-revoke').click();
  await row.getByTestId('device-revoked').waitFor();

  assert.equal(await sessionStatus(lostCookie), 401);
  assert.equal(await sessionStatus(keptCookie), 200);
  const other = page.locator(`[data-testid="device-row"][data-device-id="${kept.id}"]`);
  assert.equal(await other.getByTestId('device-revoke').count(), 1);
  await page.context().close();
});

test('a Pashto user sees Pashto on a fresh browser, and their choice follows them', async () => {
  const u = await newUser('ps');
  const first = await newPage(browser, PHONE);
  await first.goto('/');
  assert.equal(await first.evaluate(() => document.documentElement.lang), 'en');
  await first.getByTestId('login-username').fill(u.username);
  await first.getByTestId('login-password').fill(u.password);
  await first.getByTestId('login-submit').click();
  await first.getByTestId('user-name').waitFor({ state: 'attached' });
  await first.waitForFunction(() => document.documentElement.lang === 'ps');
  assert.equal(await first.evaluate(() => document.documentElement.dir), 'rtl');
  await first.screenshot({ path: outputPath('devices-pashto-fresh-360.png'), fullPage: true });

  // Switching to Ukrainian in the app saves it to the account...
  await openMenu(first);
  const saved = first.waitForResponse(
    (r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'PATCH',
  );
  await first.getByTestId('language-switch').selectOption('uk');
  assert.equal((await saved).status(), 200);
  await first.waitForFunction(() => document.documentElement.lang === 'uk');

  // ...so a second browser (no stored choice) opens in Ukrainian after sign-in.
  const second = await newPage(browser, PHONE);
  await second.goto('/');
  await second.getByTestId('login-username').fill(u.username);
  await second.getByTestId('login-password').fill(u.password);
  await second.getByTestId('login-submit').click();
  await second.getByTestId('user-name').waitFor({ state: 'attached' });
  await second.waitForFunction(() => document.documentElement.lang === 'uk');
  assert.equal((await second.getByTestId('logout').textContent()).trim(), 'Вийти');
  await first.context().close();
  await second.context().close();
});

test('only the language in use has its strings downloaded', async () => {
  const u = await newUser('ps');
  const page = await newPage(browser, PHONE);
  const scripts = [];
  page.on('response', (r) => {
    if (r.url().includes('/assets/') && r.url().endsWith('.js')) scripts.push(r);
  });
  await page.goto('/');
  await page.getByTestId('login-username').fill(u.username);
  await page.getByTestId('login-password').fill(u.password);
  await page.getByTestId('login-submit').click();
  await page.waitForFunction(() => document.documentElement.lang === 'ps');
  await page.getByTestId('user-name').waitFor({ state: 'attached' });
  const bodies = await Promise.all(scripts.map((r) => r.text()));
  const all = bodies.join('\n');
  // The shell's sign-in button in each language: Pashto and English were shown, Ukrainian not.
  assert.ok(all.includes('ننوتل'), 'Pashto strings were fetched');
  assert.ok(!all.includes('Увійти'), 'no Ukrainian strings were fetched');
  await page.context().close();
});
