// Registry in Pashto on a phone: the whole household flow right to left, and every registry
// screen at 360 px in English and Pashto without sideways scrolling (screenshots in tests/output).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  areaByCode,
  BASE,
  PHONE,
  launch,
  login,
  newPage,
  outputPath,
  pickArea,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U2-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function inLanguage(lang) {
  const page = await newPage(browser, PHONE);
  await page.goto(BASE + '/');
  await page.evaluate((l) => localStorage.setItem('mobilise.lang', l), lang);
  await login(page);
  return page;
}

test('a household registered entirely in Pashto, right to left', async () => {
  const s = uniq();
  const head = `زرمینه ${s}`;
  const page = await inLanguage('ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ps');

  await page.getByTestId('menu-toggle').click();
  assert.equal(await page.getByTestId('nav-households').textContent(), 'کورنۍ');
  await page.getByTestId('nav-households').click();
  await page.getByRole('heading', { name: 'کورنۍ', level: 1 }).waitFor();
  await page.getByTestId('household-new').click();
  await page.getByRole('heading', { name: 'نوې کورنۍ' }).waitFor();

  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-relation').selectOption('head');
  await page.getByTestId('person-0-mode-age').check();
  await page.getByTestId('person-0-age').fill('38');
  await page.getByTestId('hh-add-person').click();
  await page.getByTestId('person-1-name').fill(`احمد ${s}`);
  await page.getByTestId('person-1-sex').selectOption('m');
  await page.getByTestId('person-1-relation').selectOption('son');
  await page.getByTestId('person-1-mode-age').check();
  await page.getByTestId('person-1-age').fill('9');
  for (const d of ['seeing', 'hearing', 'mobility', 'cognition', 'self_care', 'communication'])
    await page.getByTestId(`person-1-wg-${d}`).selectOption(d === 'hearing' ? '3' : '1');
  const answer = await page
    .getByTestId('person-1-wg-hearing')
    .evaluate((e) => e.selectedOptions[0].textContent);
  assert.equal(answer, 'ډېره ستونزه');

  // The form mirrors: labels and inputs start at the right.
  const label = await page.locator('label', { hasText: 'د کورنۍ مشر' }).first().boundingBox();
  const input = await page.getByTestId('hh-head-name').boundingBox();
  assert.ok(
    Math.abs(label.x + label.width - (input.x + input.width)) < 2,
    'label aligned with the input at the right',
  );
  await page.getByTestId('hh-save').click();

  await page.getByTestId('household-detail').waitFor();
  assert.equal(await page.getByTestId('household-name').textContent(), head);
  assert.match(
    await page.locator('[data-testid="person-disability"][data-value="true"]').textContent(),
    /هو: اورېدل/,
  );
  assert.match(
    await page.getByTestId('household-people').locator('h2').textContent(),
    /^وګړي \((2|۲)\)$/,
  );
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.context().close();
});

// Every registry screen in both languages: nothing wider than the phone; a screenshot of each.
test('every registry screen fits a 360 px phone in English and Pashto', async () => {
  const api = await new Api().login();
  const co = (await api.get('/institutions?type=CO&limit=50')).items.sort(
    (a, b) => b.member_count - a.member_count,
  )[0];
  const hh = (await api.get('/households?organised=true&limit=1')).items[0];
  // A pair for the duplicate review: the same national ID, registered on purpose.
  const village = await areaByCode(api, VILLAGE);
  const nid = '9' + String(Date.now()).slice(-12);
  for (const name of ['Shah Wali', 'Shah Wali Khan'])
    await api.post('/households', {
      area_id: village.id,
      head_name: `${name} ${uniq()}`,
      national_id: nid,
      allow_duplicate: true,
    });
  const pages = [
    ['households', '#/households', 'household-table'],
    ['household-detail', `#/households/${hh.id}`, 'household-memberships'],
    ['household-new', '#/households/new', 'household-form'],
    ['duplicates', '#/households/duplicates', 'dup-pair'],
    ['import-households', '#/households/import', 'household-import'],
    ['institutions', '#/institutions', 'institution-table'],
    ['institution-detail', `#/institutions/${co.id}`, 'member-table'],
    ['institution-edit', `#/institutions/${co.id}/edit`, 'institution-form'],
    ['import-institutions', '#/institutions/import', 'institution-import'],
    ['summary', '#/summary', 'summary-chart'],
  ];
  for (const lang of ['en', 'ps']) {
    const page = await inLanguage(lang);
    for (const [name, hash, ready] of pages) {
      await page.goto(BASE + '/' + hash);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name} (${lang}) is ${overflow}px wider than the phone`);
      assert.equal(
        await page.evaluate(() => document.documentElement.dir),
        lang === 'ps' ? 'rtl' : 'ltr',
      );
      await page.screenshot({
        path: outputPath(`registry-360-${name}-${lang}.png`),
        fullPage: true,
      });
    }
    await page.context().close();
  }
});
