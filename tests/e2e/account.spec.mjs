// My account: a user changes their own password and signs in with the new one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, PHONE, launch, login, logout, newPage, openMenu, uniq } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a user changes their password', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const username = 'e2e.pw.' + uniq();
  const first = 'first-pass-' + uniq();
  const second = 'second-pass-' + uniq();
  await api.post('/users', {
    username,
    full_name: 'E2E Password ' + username,
    password: first,
    locale: 'uk',
    roles: [{ role: 'officer', area_id: root.id }],
  });

  const page = await newPage(browser, PHONE);
  await login(page, username, first, null);
  // The account's locale is the default language.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
  await openMenu(page);
  await page.getByTestId('nav-account').click();
  await page.getByTestId('password-current').fill(first);
  await page.getByTestId('password-new').fill(second);
  await page.getByTestId('password-repeat').fill(second + 'x');
  await page.getByTestId('password-save').click();
  await page.getByTestId('password-repeat-error').waitFor();

  await page.getByTestId('password-repeat').fill(second);
  await page.getByTestId('password-save').click();
  await page.getByTestId('alert-info').filter({ hasText: /\S/ }).waitFor();

  await logout(page);
  await login(page, username, second, null);
  assert.ok(await page.getByTestId('user-name').textContent());
  await page.context().close();
});
