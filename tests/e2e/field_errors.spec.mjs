// Field errors a user can read where they are looking (issue 14), on a 360-px phone in Pashto
// and in English: a household whose person has an age the server refuses shows the server's
// reason in the user's language beside that field, the page scrolled to it and the field
// focused, the message line saying how many fields need fixing, and no raw path (people[0].age)
// or English server text anywhere on the page; an entry refused after it was queued offline
// shows the same words in the outbox, with the field's name, and beside the field on "Fix".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, backOnline, launch, login, outputPath, pickArea, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

// The server refuses an age over 120 (out_of_range, min 0, max 120); the words in each language
// (web/src/i18n/field_errors), with the language's digits.
const WORDS = {
  ps: {
    range: (d) => `باید د ${d(0)} او ${d(120)} ترمنځ وي.`,
    toFix: (d) => `${d(1)} برخه سمون ته اړتیا لري.`,
    person: (d) => `وګړی ${d(1)} — عمر په کلونو`,
  },
  en: {
    range: () => 'Must be between 0 and 120.',
    toFix: () => '1 field needs fixing.',
    person: () => 'Person 1 — Age in years',
  },
};

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function signedIn(context, lang) {
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  await page.goto('/');
  await page.evaluate((l) => localStorage.setItem('mobilise.lang', l), lang);
  await login(page, 'mobiliser.u1', 'demo-pass', lang);
  return page;
}

// Numbers as the page writes them in `lang` (Pashto's digits come from the locale).
const digitsOf = async (page, lang) => {
  const table = await page.evaluate(
    (l) => Array.from({ length: 121 }, (_, i) => i.toLocaleString(l, { useGrouping: false })),
    lang,
  );
  return (n) => table[n];
};

// The household's head, a bad age on the head's row and two more people below, so
// that the save button is far from the field in error.
async function openHousehold(page) {
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  await pickArea(page, 'hh-area', VILLAGE);
}

async function fillHousehold(page, head) {
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('person-0-sex').selectOption('f');
  await page.getByTestId('person-0-age').fill('150');
  for (const i of [1, 2]) {
    await page.getByTestId('hh-add-person').click();
    await page.getByTestId(`person-${i}-name`).fill(`${head} ${i}`);
    await page.getByTestId(`person-${i}-sex`).selectOption('m');
    await page.getByTestId(`person-${i}-relation`).selectOption('son');
    await page.getByTestId(`person-${i}-age`).fill(String(10 + i));
  }
}

// No path the server speaks in, and none of its English words, anywhere on the page.
async function assertNoRawErrors(page) {
  const text = await page.evaluate(() => document.body.innerText);
  assert.doesNotMatch(text, /\w\[\d+\]|people\.|\bwg\.|_id\b/, 'no raw path on the page');
  assert.doesNotMatch(text, /must be between|has invalid fields|is required/, 'no server English');
}

for (const lang of ['ps', 'en']) {
  test(`${lang}: a refused save shows the reason beside the field, scrolled to and focused`, async () => {
    const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
    const page = await signedIn(context, lang);
    const d = await digitsOf(page, lang);
    await openHousehold(page);
    await fillHousehold(page, `Errors ${lang} ${uniq()}`);
    await page.getByTestId('hh-save').click();

    const error = page.getByTestId('person-0-age-error');
    await error.waitFor();
    assert.equal(await error.textContent(), WORDS[lang].range(d));
    // The page went to the field: it is focused and inside the window.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'person-0-age',
    );
    const box = await page.getByTestId('person-0-age').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, 'the field is in view');
    assert.equal(
      await page.getByTestId('alert-error').locator('span').first().innerText(),
      WORDS[lang].toFix(d),
    );
    await assertNoRawErrors(page);
    await page.screenshot({ path: outputPath(`field-errors-360-household-${lang}.png`) });
    await context.close();
  });

  test(`${lang}: an entry refused after it was queued offline shows the same words in the outbox and on Fix`, async () => {
    const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
    const page = await signedIn(context, lang);
    const d = await digitsOf(page, lang);
    await openHousehold(page);
    await context.setOffline(true);
    await fillHousehold(page, `Queued ${lang} ${uniq()}`);
    await page.getByTestId('hh-save').click();
    await page.getByTestId('household-pending').waitFor();

    await backOnline(page, context, 1);
    await page.getByTestId('offline-status').click();
    const entry = page.locator('[data-testid="outbox-entry"][data-state="failed"]');
    await entry.waitFor();
    assert.equal(
      await entry.getByTestId('outbox-field-error').innerText(),
      `${WORDS[lang].person(d)}: ${WORDS[lang].range(d)}`,
    );
    await assertNoRawErrors(page);
    // Times are in the user's language too (Chromium's own build has no Pashto relative times).
    if (lang === 'ps')
      assert.doesNotMatch(await page.getByTestId('offline-status').innerText(), /\bnow\b|\bago\b/);
    await page.screenshot({
      path: outputPath(`field-errors-360-outbox-${lang}.png`),
      fullPage: true,
    });

    await entry.getByTestId('outbox-fix').click();
    await page.getByTestId('household-form').waitFor();
    const error = page.getByTestId('person-0-age-error');
    await error.waitFor();
    assert.equal(await error.textContent(), WORDS[lang].range(d));
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'person-0-age',
    );
    await assertNoRawErrors(page);
    await page.screenshot({ path: outputPath(`field-errors-360-fix-${lang}.png`) });

    // Fixed and sent: the outbox empties.
    await page.getByTestId('person-0-age').fill('52');
    await page.getByTestId('hh-save').click();
    await page.getByTestId('household-detail').waitFor();
    await page
      .locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]')
      .waitFor();
    await context.close();
  });
}
