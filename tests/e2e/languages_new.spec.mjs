// Marathi, Dari and Urdu on a 360 x 740 phone: the sign-in page, home, the households list, a
// household form refused by the server (the reason beside the field, in the language) and a
// progress report, each without sideways scrolling, Dari and Urdu right to left, Urdu in a
// Nastaliq face; and the digit style a user picks on My account reaches the numbers on screen
// and is kept on the account. A screenshot of each in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  BASE,
  PHONE,
  launch,
  loginAs,
  newPage,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';
import { seedVillage, thisMonth } from './reports_support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

// What each language says where the tests look (web/src/i18n/<lang>.ts and the features' tables).
const WORDS = {
  mr: {
    dir: 'ltr',
    submit: 'साइन इन करा',
    households: 'कुटुंबे',
    range: (d) => `${d(0)} आणि ${d(120)} दरम्यान असावे.`,
    section: 'उपक्रम आणि पोहोच',
    draft: 'मसुदा',
    digits: /[०-९]/,
  },
  prs: {
    dir: 'rtl',
    submit: 'ورود',
    households: 'خانوارها',
    range: (d) => `باید بین ${d(0)} و ${d(120)} باشد.`,
    section: 'فعالیت‌ها و دسترسی',
    draft: 'پیش‌نویس',
    digits: /[۰-۹]/,
  },
  ur: {
    dir: 'rtl',
    submit: 'سائن ان کریں',
    households: 'گھرانے',
    range: (d) => `${d(0)} اور ${d(120)} کے درمیان ہونا چاہیے۔`,
    section: 'سرگرمیاں اور رسائی',
    draft: 'مسودہ',
    digits: /[0-9]/,
  },
};

let browser, report;
before(async () => {
  browser = await launch();
  const seed = await seedVillage(uniq().toUpperCase(), 1);
  report = await seed.officer.post('/reports', {
    template_code: 'MPR',
    area_id: seed.village.id,
    period: thisMonth(),
  });
});
after(async () => {
  await browser?.close();
  // The accounts speak English again for the other specs.
  for (const user of ['officer.t1', 'mobiliser.u1'])
    await (await new Api().login(user, 'demo-pass')).request('PATCH', '/session', { locale: 'en' });
});

// Numbers as the page writes them in the language's Intl locale.
const digitsOf = (page) =>
  page.evaluate(() => {
    const l = document.documentElement.lang === 'prs' ? 'fa-AF' : document.documentElement.lang;
    return Array.from({ length: 121 }, (_, i) => i.toLocaleString(l, { useGrouping: false }));
  });

async function shot(page, name, lang) {
  await page.waitForLoadState('networkidle');
  const wide = await overflow(page);
  assert.ok(wide <= 0, `${name} (${lang}) is ${wide}px wider than the phone`);
  await page.screenshot({ path: outputPath(`lang-360-${name}-${lang}.png`), fullPage: true });
}

for (const [lang, w] of Object.entries(WORDS)) {
  test(`${lang}: sign in, home, households, a refused form and a report at 360 px`, async () => {
    const first = await newPage(browser, PHONE);
    await first.goto(BASE + '/');
    await first.evaluate((l) => localStorage.setItem('mobilise.lang', l), lang);
    await first.reload();
    await first.getByTestId('login-submit').filter({ hasText: w.submit }).waitFor();
    assert.equal(await first.evaluate(() => document.documentElement.dir), w.dir);
    await shot(first, 'login', lang);
    await first.context().close();

    const page = await loginAs(browser, 'mobiliser.u1', lang);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal(await page.evaluate(() => document.documentElement.dir), w.dir);
    if (lang === 'ur') {
      const face = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert.match(face, /^"?Noto Nastaliq Urdu/, 'Urdu asks for Nastaliq first');
    }
    await shot(page, 'home', lang);

    await page.goto(BASE + '/#/households');
    await page.getByRole('heading', { name: w.households, level: 1 }).waitFor();
    await page.getByTestId('household-count').waitFor();
    await shot(page, 'households', lang);

    await page.goto(BASE + '/#/households/new');
    await page.getByTestId('household-form').waitFor();
    await pickArea(page, 'hh-area', VILLAGE);
    await page.getByTestId('hh-head-name').fill(`Lang ${lang} ${uniq()}`);
    await page.getByTestId('person-0-sex').selectOption('f');
    await page.getByTestId('person-0-age').fill('150');
    await page.getByTestId('hh-save').click();
    const error = page.getByTestId('person-0-age-error');
    await error.waitFor();
    const d = await digitsOf(page);
    assert.equal(
      await error.textContent(),
      w.range((n) => d[n]),
    );
    await shot(page, 'household-error', lang);
    await page.context().close();

    const officer = await loginAs(browser, 'officer.t1', lang);
    await officer.goto(BASE + `/#/reports/${report.id}`);
    await officer.getByTestId('report').waitFor();
    await officer.getByRole('heading', { name: w.section }).waitFor();
    assert.equal(await officer.getByTestId('report-status').textContent(), w.draft);
    await shot(officer, 'report', lang);
    await officer.context().close();
  });
}

test('the digits a user picks reach the numbers on screen and stay with the account', async () => {
  const page = await loginAs(browser, 'mobiliser.u1', 'mr');
  await page.goto(BASE + '/#/households');
  const count = page.getByTestId('household-count');
  await count.waitFor();
  assert.match(await count.textContent(), WORDS.mr.digits, 'Marathi writes Devanagari digits');

  await page.goto(BASE + '/#/account');
  await page.getByTestId('digits-choice').selectOption('latn');
  await page.screenshot({ path: outputPath('lang-360-account-digits-mr.png'), fullPage: true });
  await page.goto(BASE + '/#/households');
  await count.waitFor();
  const text = await count.textContent();
  assert.match(text, /[0-9]/, 'Latin digits once picked');
  assert.doesNotMatch(text, /[०-९]/);

  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  assert.equal((await api.get('/session')).user.locale, 'mr-u-nu-latn');
  await page.context().close();

  // Another browser: the account brings the language and the digits.
  const again = await loginAs(browser, 'mobiliser.u1', null);
  await again.goto(BASE + '/#/households');
  await again.getByTestId('household-count').waitFor();
  assert.equal(await again.evaluate(() => document.documentElement.lang), 'mr');
  assert.doesNotMatch(await again.getByTestId('household-count').textContent(), /[०-९]/);
  await again.context().close();
});
