// (d) Pashto turns the page right-to-left (screenshot at 360x740); Ukrainian translates labels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, newPage, openMenu, outputPath, PHONE, DESKTOP } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function choose(page, lang) {
  await openMenu(page);
  await page.getByTestId('language-switch').selectOption(lang);
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test('Pashto is right-to-left and Ukrainian is translated', async () => {
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.getByTestId('area-tree').getByTestId('tree-node').first().waitFor();

  await choose(page, 'ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ps');
  assert.equal((await page.getByTestId('nav-areas').textContent()).trim(), 'سیمې');
  // The menu sits on the right: its links start at the inline end of a phone screen.
  const box = await page.getByTestId('nav-areas').boundingBox();
  const textRight = await page
    .getByTestId('nav-areas')
    .evaluate((el) => getComputedStyle(el).direction);
  assert.equal(textRight, 'rtl');
  assert.ok(box.x + box.width > PHONE.width / 2);
  await page.getByTestId('menu-toggle').click();
  await page.screenshot({ path: outputPath('pashto-360.png'), fullPage: true });

  // The choice survives a reload.
  await page.reload();
  await page.getByTestId('user-name').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

  await choose(page, 'uk');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  assert.equal((await page.getByTestId('nav-areas').textContent()).trim(), 'Території');
  assert.equal((await page.getByTestId('logout').textContent()).trim(), 'Вийти');
  assert.equal(await page.getByLabel('Пошук за назвою або кодом').count(), 1);
  await page.getByTestId('menu-toggle').click();
  await page.screenshot({ path: outputPath('ukrainian-360.png'), fullPage: true });
  await page.context().close();
});

test('the sign-in screen follows the language too (desktop)', async () => {
  const page = await newPage(browser, DESKTOP);
  await page.goto('/');
  await page.getByTestId('language-switch').selectOption('ps');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  assert.equal((await page.getByTestId('login-submit').textContent()).trim(), 'ننوتل');
  await page.screenshot({ path: outputPath('login-pashto-desktop.png'), fullPage: true });
  await page.context().close();
});
