// User administration: an admin disables a user (who can then no longer sign in), enables them
// again and resets their password; on a phone, in Pashto.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, BASE, PHONE, launch, login, logout, newPage, uniq } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function canSignIn(username, password) {
  const res = await fetch(BASE + '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status === 200;
}

test('disable, enable and reset the password of a user', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const username = 'e2e.admin.' + uniq();
  const first = 'first-pass-' + uniq();
  const created = await api.post('/users', {
    username,
    full_name: 'E2E Managed ' + username,
    password: first,
    roles: [{ role: 'mobiliser', area_id: root.id }],
  });

  const page = await newPage(browser, PHONE);
  await page.goto(BASE + '/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'ps'));
  await login(page);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.goto(`${BASE}/#/users/${created.id}`);
  const edit = page.getByTestId('user-edit');
  await edit.waitFor();

  await page.getByTestId('user-toggle-disabled').click();
  await page.locator('[data-testid="user-status"].off').waitFor();
  assert.equal(await canSignIn(username, first), false);

  await page.getByTestId('user-toggle-disabled').click();
  await page.locator('[data-testid="user-status"].on').waitFor();
  assert.equal(await canSignIn(username, first), true);

  await page.getByTestId('user-new-password').fill('short');
  await page.getByTestId('user-reset-password-save').click();
  await page.getByTestId('user-new-password-error').waitFor();
  const second = 'second-pass-' + uniq();
  await page.getByTestId('user-new-password').fill(second);
  await page.getByTestId('user-reset-password-save').click();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="user-new-password"]').value,
  );
  assert.equal(await canSignIn(username, first), false);
  assert.equal(await canSignIn(username, second), true);
  await logout(page);
  await page.context().close();
});
