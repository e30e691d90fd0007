// An XLSForm from the web upload to a reviewer reading its answers by label, on a phone: the
// administrator's upload of a spreadsheet that names an unknown question type shows the
// converter's words under the file and makes nothing; the good workbook (English and Pashto
// labels, a choice list, a repeat in a group) becomes a form, published and assigned to a
// device, which submits; an officer (no administrator) finds Collect in the menu, the form in
// a read-only list, and the submission's answers by label, the repeat's entries numbered and
// the choice by its label: in English, then in Pashto right to left, at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE,
  PHONE,
  launch,
  login,
  loginAs,
  newPage,
  openMenu,
  outputPath,
  overflow,
  uniq,
} from './support.mjs';
import { deviceFor, PHOTO } from './collect_support.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const OPENROSA = { 'X-OpenRosa-Version': '1.0' };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Writes a workbook of `sheets` ({name: rows}) to tests/output/`name` (the API tests' writer).
function workbook(name, sheets) {
  const out = outputPath(name);
  execFileSync('python3', [join(here, '..', 'api', 'fixtures', 'make_xlsx.py'), out], {
    input: JSON.stringify(sheets),
  });
  return out;
}

const survey = (typeOfAge) => [
  ['type', 'name', 'label::English (en)', 'label::Pashto (ps)'],
  ['text', 'respondent', 'Respondent', 'ځواب ورکوونکی'],
  [typeOfAge, 'age', 'Age in years', 'عمر په کلونو'],
  ['select_one yn', 'water', 'Is the water safe?', 'ایا اوبه خوندي دي؟'],
  ['begin_group', 'hh', 'Household', 'کورنۍ'],
  ['begin_repeat', 'member', 'Member', 'غړی'],
  ['text', 'mname', "Member's name", 'د غړي نوم'],
  ['end_repeat', '', '', ''],
  ['end_group', '', '', ''],
  ['image', 'photo', 'Photo of the well', 'د څاه انځور'],
];
const choices = [
  ['list_name', 'name', 'label::English (en)', 'label::Pashto (ps)'],
  ['yn', 'yes', 'Yes', 'هو'],
  ['yn', 'no', 'No', 'نه'],
];
const settings = (formId) => [
  ['form_title', 'form_id', 'version', 'default_language'],
  ['Well survey', formId, '1', 'English (en)'],
];

const WORDS = {
  en: {
    respondent: 'Respondent',
    water: 'Is the water safe?',
    yes: 'Yes',
    household: 'Household',
    member: 'Member',
    name: "Member's name",
  },
  ps: {
    respondent: 'ځواب ورکوونکی',
    water: 'ایا اوبه خوندي دي؟',
    yes: 'هو',
    household: 'کورنۍ',
    member: 'غړی',
    name: 'د غړي نوم',
  },
};

test('an XLSForm uploaded on the web; an officer reads its answers by label', async () => {
  const formId = 'e2e_well_' + uniq();
  const { api, device } = await deviceFor('mobiliser.u1');
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto(BASE + '/#/collect');
  await page.getByTestId('col-forms').waitFor();

  // An unknown question type: pyxform's words (with the row) under the file; no form made.
  const bad = workbook(`${formId}-bad.xlsx`, {
    survey: survey('integr'),
    choices,
    settings: settings(formId),
  });
  await page.getByTestId('col-upload-file').setInputFiles(bad);
  await page.getByTestId('col-upload-send').click();
  const error = page.getByTestId('col-upload-error');
  await error.waitFor();
  assert.match(await error.textContent(), /\[row : 3\] Unknown question type 'integr'/);
  assert.equal(await page.getByTestId('col-form').count(), 0);
  await page.screenshot({ path: outputPath('collect-xlsx-error-en-360.png'), fullPage: true });

  const good = workbook(`${formId}.xlsx`, {
    survey: survey('integer'),
    choices,
    settings: settings(formId),
  });
  await page.getByTestId('col-upload-file').setInputFiles(good);
  await page.getByTestId('col-upload-send').click();
  await page.getByTestId('col-form').waitFor();
  assert.equal(await page.getByTestId('col-form-id').textContent(), formId);
  const id = decodeURIComponent(page.url().split('/').pop());
  await page.context().close();
  await api.post(`/forms/${id}/publish`, { version: '1' });
  await api.request('PUT', `/forms/${id}/assignments`, { device_ids: [device.id], area_ids: [] });

  // The device submits: two members, a safe well, a photo.
  const xml =
    `<data id="${formId}" version="1"><respondent>Gul Bibi</respondent><age>41</age>` +
    `<water>yes</water><hh><member><mname>Zarina</mname></member>` +
    `<member><mname>Wali</mname></member></hh><photo>well.png</photo>` +
    `<meta><instanceID>uuid:${crypto.randomUUID()}</instanceID></meta></data>`;
  const body = new FormData();
  body.append('xml_submission_file', new Blob([xml], { type: 'text/xml' }), 'submission.xml');
  body.append('well.png', new Blob([PHOTO], { type: 'image/png' }), 'well.png');
  const sent = await fetch(device.server_url + '/submission', {
    method: 'POST',
    headers: OPENROSA,
    body,
  });
  assert.equal(sent.status, 201, await sent.text());

  for (const lang of ['en', 'ps']) {
    const w = WORDS[lang];
    const officer = await loginAs(browser, 'officer.t1', lang, PHONE);
    assert.equal(
      await officer.evaluate(() => document.documentElement.dir),
      lang === 'ps' ? 'rtl' : 'ltr',
    );
    // Collect is in the officer's menu; the list is read-only (no upload).
    await openMenu(officer);
    await officer.getByTestId('nav-collect').click();
    await officer.getByTestId('col-forms').waitFor();
    const row = officer.locator(`[data-testid="col-form-row"][data-xml-form-id="${formId}"]`);
    await row.waitFor();
    assert.equal(await officer.getByTestId('col-upload').count(), 0);
    await officer.goto(BASE + `/#/collect/forms/${id}/submissions`);
    await officer.locator('[data-testid="col-sub-row"] a').first().click();
    await officer.getByTestId('col-sub-values').waitFor();

    // Labels, not paths: the question, the choice's label, the group, the numbered entries.
    const labels = officer.getByTestId('col-answer-label');
    await officer.getByText(w.respondent, { exact: true }).waitFor();
    const texts = await labels.allTextContents();
    for (const word of [w.respondent, w.water, w.name])
      assert.ok(texts.includes(word), `${lang}: ${word} in ${texts}`);
    assert.ok(!texts.some((x) => x.startsWith('/data')), `${lang}: a path shown: ${texts}`);
    assert.equal(
      await officer.locator('[data-testid="col-sub-value"][data-path="/data/water"]').textContent(),
      w.yes,
    );
    const entries = officer.locator(
      '[data-testid="col-answer-group"][data-path^="/data/hh/member"]',
    );
    assert.equal(await entries.count(), 2);
    const second = await entries.nth(1).locator('h3').textContent();
    assert.match(second, new RegExp(`${w.member}\\s*2`));
    assert.match(await entries.nth(1).textContent(), /Wali/);
    const household = officer.locator(
      '[data-testid="col-answer-group"][data-path="/data/hh"] > h3',
    );
    assert.equal((await household.textContent()).trim(), w.household);
    assert.ok((await overflow(officer)) <= 0, `the submission in ${lang} scrolls sideways`);
    await officer.screenshot({
      path: outputPath(`collect-answers-${lang}-360.png`),
      fullPage: true,
    });
    await officer.context().close();
  }
});
