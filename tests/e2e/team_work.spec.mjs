// The team's own work on a 360 x 740 phone, in English and in Pashto (right to left): a
// mobiliser makes a month plan on the phone and submits it, the officer they report to approves
// it; the mobiliser writes a day's diary (a night halt refused without its place, then saved);
// the officer reads the month's field-day tally (table and chart). Screenshots in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  areaByCode,
  BASE,
  PHONE,
  launch,
  loginAs,
  outputPath,
  overflow,
  pickArea,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser, admin, mob;
before(async () => {
  browser = await launch();
  admin = await new Api().login();
  mob = await new Api().login('mobiliser.u1', 'demo-pass');
  // The reporting line: mobiliser.u1 reports to officer.t1.
  const find = async (name) => (await admin.get(`/users?q=${name}`)).items[0];
  const [m, o] = [await find('mobiliser.u1'), await find('officer.t1')];
  if (m.supervisor_id !== o.id)
    await admin.request('PATCH', `/users/${m.id}`, { version: m.version, supervisor_id: o.id });
});
after(async () => {
  await browser?.close();
});

const WORDS = {
  en: { note: 'Meet the VO on savings', text: 'Visited two COs', place: 'Guest house, V1' },
  ps: {
    note: 'د سپما په اړه له کلیوالې ټولنې سره لیدنه',
    text: 'دوه ټولنې مې ولیدې',
    place: 'د کلي مېلمستون',
  },
};

for (const lang of ['en', 'ps']) {
  const w = WORDS[lang];
  const month = lang === 'en' ? '2027-01' : '2027-02';
  const diaryDay = lang === 'en' ? '2026-11-02' : '2026-11-03';

  test(`${lang}: a month plan made on the phone, submitted and approved`, async () => {
    const page = await loginAs(browser, 'mobiliser.u1', lang, PHONE);
    await page.goto(BASE + '/#/team/plans/new');
    await page.getByTestId('plan-form').waitFor();
    if (lang === 'ps') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByTestId('plan-period').fill(month);
    await page.getByTestId('plan-add-item').click();
    await page.getByTestId('item-0-day').fill(`${month}-12`);
    await pickArea(page, 'item-0-area', VILLAGE);
    await page.getByTestId('item-0-purpose').selectOption('meeting');
    await page.getByTestId('item-0-note').fill(w.note);
    await page.getByTestId('plan-add-item').click();
    await page.getByTestId('item-1-when').selectOption('week');
    await page.getByTestId('item-1-week').fill('2027-W99');
    await pickArea(page, 'item-1-area', VILLAGE);
    await page.getByTestId('plan-save').click();
    await page.getByTestId('item-1-week-error').waitFor(); // not an ISO week: said on its field
    assert.ok((await overflow(page)) <= 0, 'the plan form fits the phone');
    await page.screenshot({
      path: outputPath(`team-plan-360-refused-${lang}.png`),
      fullPage: true,
    });
    await page.getByTestId('item-1-week').fill(lang === 'en' ? '2027-W02' : '2027-W06');
    await page.getByTestId('plan-save').click();
    await page.locator('[data-testid="work-plan"][data-status="draft"]').waitFor();
    assert.equal(await page.getByTestId('plan-item-row').count(), 2);
    await page.getByTestId('plan-submit').click();
    await page.locator('[data-testid="work-plan"][data-status="submitted"]').waitFor();
    const id = page.url().split('/').pop();
    assert.ok((await overflow(page)) <= 0);
    await page.screenshot({
      path: outputPath(`team-plan-360-submitted-${lang}.png`),
      fullPage: true,
    });
    await page.context().close();

    const officer = await loginAs(browser, 'officer.t1', lang, PHONE);
    await officer.goto(BASE + `/#/team/plans/${id}`);
    await officer.locator('[data-testid="work-plan"][data-status="submitted"]').waitFor();
    await officer.getByTestId('plan-approve').click();
    await officer.locator('[data-testid="work-plan"][data-status="approved"]').waitFor();
    assert.equal((await mob.get(`/work-plans/${id}`)).status, 'approved');
    assert.ok((await overflow(officer)) <= 0);
    await officer.screenshot({
      path: outputPath(`team-plan-360-approved-${lang}.png`),
      fullPage: true,
    });
    await officer.context().close();
  });

  test(`${lang}: a diary written on the phone; the night halt needs its place`, async () => {
    const page = await loginAs(browser, 'mobiliser.u1', lang, PHONE);
    await page.goto(BASE + '/#/team/diary/new');
    await page.getByTestId('diary-form').waitFor();
    await page.getByTestId('diary-day').fill(diaryDay);
    // The visited areas are a list: each pick adds a chip and empties the picker.
    await page.getByTestId('diary-area-search').fill(VILLAGE);
    await page.locator(`[data-testid="diary-area-option"][data-code="${VILLAGE}"]`).click();
    await page.getByTestId('diary-areas').locator('li').first().waitFor();
    await page.getByTestId('diary-text').fill(w.text);
    await page.getByTestId('diary-mode').selectOption('motorbike');
    await page.getByTestId('diary-km').fill('28');
    await page.getByTestId('diary-halt').check();
    await page.getByTestId('diary-save').click();
    await page.getByTestId('diary-halt-place-error').waitFor();
    assert.ok((await overflow(page)) <= 0, 'the diary form fits the phone');
    await page.screenshot({
      path: outputPath(`team-diary-360-refused-${lang}.png`),
      fullPage: true,
    });
    await page.getByTestId('diary-halt-place').fill(w.place);
    await page.getByTestId('diary-save').click();
    await page.getByTestId('diary-halt-shown').waitFor();
    const id = page.url().split('/').pop();
    const saved = await mob.get(`/diaries/${id}`);
    assert.equal(saved.day, diaryDay);
    assert.equal(saved.night_halt_place, w.place);
    assert.deepEqual(
      saved.areas.map((a) => a.area_name),
      [(await areaByCode(mob, VILLAGE)).name],
    );
    assert.ok((await overflow(page)) <= 0);
    await page.screenshot({ path: outputPath(`team-diary-360-saved-${lang}.png`), fullPage: true });
    await page.context().close();
  });

  test(`${lang}: the officer reads the team's field-day tally`, async () => {
    const diaries = await mob.get('/diaries?from=2026-11-01&to=2026-11-30');
    const page = await loginAs(browser, 'officer.t1', lang, PHONE);
    await page.goto(BASE + '/#/team/tally');
    await page.getByTestId('tally-month').fill('2026-11');
    const row = page.locator('[data-testid="tally-row"][data-username="mobiliser.u1"]');
    await row.waitFor();
    assert.equal(
      (await row.getByTestId('tally-field').locator('bdi, span').first().textContent()).trim(),
      `${diaries.total} / 22`,
    );
    await page.getByTestId('tally-chart').waitFor();
    assert.ok((await overflow(page)) <= 0, 'the tally fits the phone');
    await page.screenshot({ path: outputPath(`team-tally-360-${lang}.png`), fullPage: true });
    await page.context().close();
  });
}
