// Supervision on a 360 x 740 phone: an officer records a visit of a mobiliser with the
// supervision checklist scored and an action agreed (due yesterday, so overdue at once); the
// mobiliser sees it overdue on the home screen and marks it done with a note; the officer closes
// it; the report and its files. A review meeting recorded with an attendee and an action point.
// Then the supervision screens in Pashto, right to left, without sideways scrolling, with a
// screenshot of each (English and Pashto) in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  launch,
  loginAs,
  openMenu,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';

const UC = 'P1-D1-T1-U1';
const day = (n = 0) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a supervision visit with an action followed to closure, on a phone', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const officer = await loginAs(browser, 'officer.t1', 'en');
  await openMenu(officer);
  await officer.getByTestId('nav-supervision').click();
  await officer.getByRole('heading', { name: 'Supervision visits', level: 1 }).waitFor();
  await officer.getByTestId('sup-visit-new').click();
  await officer.getByTestId('sup-visit-form').waitFor();
  await pickArea(officer, 'sup-area', UC);
  await officer.getByTestId('sup-staff').selectOption(mob.user.id);
  // The seeded supervision checklist, under its section headings.
  assert.equal(await officer.getByTestId('sup-checklist').inputValue(), 'mobiliser_supervision');
  assert.ok((await officer.getByTestId('sup-section').count()) >= 3);
  const scores = {
    plan_followed: 2,
    diary_kept: 1,
    records_complete: 2,
    registers_kept: 1,
    facilitation: 2,
    community_rapport: 1,
  };
  // A score above the item's maximum is refused before anything is sent.
  await officer.getByTestId('sup-item-plan_followed').fill('5');
  await officer.getByTestId('sup-visit-save').click();
  await officer.getByTestId('sup-item-plan_followed-error').waitFor();
  for (const [item, n] of Object.entries(scores))
    await officer.getByTestId('sup-item-' + item).fill(String(n));
  assert.match(await officer.getByTestId('sup-total').textContent(), /9 of 12/);
  await officer.getByTestId('sup-observations').fill(`Two CO meetings observed ${s}`);
  await officer.getByTestId('sup-feedback').fill('Keep the diary every day');
  await officer.getByTestId('sup-action-add').click();
  await officer.getByTestId('sup-action-what-0').fill(`Update the CO register ${s}`);
  assert.equal(await officer.getByTestId('sup-action-who-0').inputValue(), mob.user.id);
  await officer.getByTestId('sup-action-due-0').fill(day(-1));
  await officer.screenshot({ path: outputPath('supervision-form-en.png'), fullPage: true });
  await officer.getByTestId('sup-visit-save').click();
  await officer.getByTestId('sup-visit').waitFor();
  assert.match(await officer.getByTestId('sup-visit-score').textContent(), /75%.*good/);
  const row = officer.getByTestId('sup-action');
  assert.equal(await row.getAttribute('data-status'), 'open');
  await row.getByTestId('sup-action-overdue').waitFor();
  assert.ok((await overflow(officer)) <= 0, 'no sideways scrolling');
  await officer.screenshot({ path: outputPath('supervision-visit-en.png'), fullPage: true });
  const visitUrl = officer.url();

  // The mobiliser: overdue on the home screen, marked done with a note.
  const m = await loginAs(browser, 'mobiliser.u1', 'en');
  await m.goto('/#/home');
  const card = m.getByTestId('home-sup-overdue');
  await card.getByText(`Update the CO register ${s}`).waitFor();
  await m.screenshot({ path: outputPath('supervision-home-en.png'), fullPage: true });
  await card.getByText(`Update the CO register ${s}`).click();
  await m.getByTestId('sup-visit').waitFor();
  const mine = m.getByTestId('sup-action');
  assert.equal(await mine.getByTestId('sup-action-close').count(), 0, 'only a supervisor closes');
  await mine.getByTestId('sup-action-done').click();
  await mine.getByTestId('sup-action-send').click();
  await mine.getByTestId('sup-action-note-error').waitFor(); // a note is required
  await mine.getByTestId('sup-action-note').fill('Register updated with three new members');
  await mine.getByTestId('sup-action-send').click();
  await m.locator('[data-testid="sup-action"][data-status="done"]').waitFor();

  // The officer closes it.
  await officer.goto(visitUrl);
  await officer.reload();
  const done = officer.locator('[data-testid="sup-action"][data-status="done"]');
  await done.getByTestId('sup-action-close').click();
  await officer.locator('[data-testid="sup-action"][data-status="closed"]').waitFor();
  assert.equal(await officer.getByTestId('sup-action-overdue').count(), 0);
  await officer.screenshot({ path: outputPath('supervision-closed-en.png'), fullPage: true });

  // The report of the union council for this month counts the visit and the closed action.
  await officer.getByTestId('sup-tab-report').click();
  await officer.getByTestId('sup-report').waitFor();
  await pickArea(officer, 'sup-report-area', UC);
  await officer.getByTestId('sup-report-people').waitFor();
  const figure = async (id) => Number(await officer.getByTestId(id).textContent());
  assert.ok((await figure('sup-report-visits')) >= 1);
  assert.ok((await figure('sup-report-closed')) >= 1);
  assert.ok((await officer.getByTestId('sup-report-item').count()) >= 6);
  // The same report as a PDF and a workbook, fetched with the officer's session.
  for (const [format, type] of [
    ['pdf', 'application/pdf'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ]) {
    const link = await officer.getByTestId('sup-report-' + format).getAttribute('href');
    assert.match(link, new RegExp(`format=${format}`));
    const file = await officer.request.get(link);
    assert.equal(file.status(), 200, format);
    assert.equal(file.headers()['content-type'], type);
  }
  assert.ok((await overflow(officer)) <= 0, 'report: no sideways scrolling');
  await officer.screenshot({ path: outputPath('supervision-report-en.png'), fullPage: true });
  await officer.context().close();
  await m.context().close();
});

test('a review meeting with attendees and an action point, on a phone', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const officer = await loginAs(browser, 'officer.t1', 'en');
  await officer.goto('/#/supervision');
  await officer.getByTestId('sup-tab-meetings').click();
  await officer.getByTestId('sup-meetings').waitFor();
  await officer.getByTestId('sup-meeting-new').click();
  await officer.getByTestId('sup-meeting-form').waitFor();
  await pickArea(officer, 'sup-meeting-area', UC);
  await officer.getByTestId('sup-meeting-kind').selectOption('monthly');
  await officer.getByTestId('sup-attendee-' + mob.user.id).check();
  await officer.getByTestId('sup-meeting-agenda').fill('1. Progress 2. Plans');
  await officer.getByTestId('sup-meeting-minutes').fill(`Reviewed the month ${s}`);
  await officer.getByTestId('sup-meeting-decisions').fill('Two night halts in V1');
  await officer.getByTestId('sup-action-add').click();
  await officer.getByTestId('sup-action-what-0').fill(`Share the minutes ${s}`);
  // No one chosen for the action point: the server's error shows at the field.
  await officer.getByTestId('sup-meeting-save').click();
  await officer.getByTestId('sup-action-who-0-error').waitFor();
  await officer.getByTestId('sup-action-who-0').selectOption(mob.user.id);
  await officer.getByTestId('sup-action-due-0').fill(day(4));
  assert.ok((await overflow(officer)) <= 0, 'meeting form: no sideways scrolling');
  await officer.screenshot({ path: outputPath('supervision-meeting-form-en.png'), fullPage: true });
  await officer.getByTestId('sup-meeting-save').click();
  await officer.getByTestId('sup-meeting').waitFor();
  assert.equal(await officer.getByTestId('sup-meeting-kind').textContent(), 'Monthly');
  assert.match(await officer.getByTestId('sup-meeting-attendees').textContent(), /Demo mobiliser/);
  const point = officer.getByTestId('sup-action');
  assert.equal(await point.getAttribute('data-status'), 'open');
  assert.match(await point.textContent(), new RegExp(`Share the minutes ${s}`));
  assert.ok((await overflow(officer)) <= 0, 'meeting: no sideways scrolling');
  await officer.screenshot({ path: outputPath('supervision-meeting-en.png'), fullPage: true });
  // The meeting is listed under its area.
  await officer.getByTestId('sup-tab-meetings').click();
  await officer.getByTestId('sup-meeting-row').first().waitFor();
  await officer.context().close();
});

test('the supervision screens in Pashto, right to left, on a phone', async () => {
  const api = await new Api().login('officer.t1', 'demo-pass');
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const uc = (await api.get(`/areas?q=${UC}`)).items.find((a) => a.code === UC);
  const visit = await api.post('/supervision-visits', {
    area_id: uc.id,
    visited_on: day(-2),
    staff_id: mob.user.id,
    observations: 'د ښځو غونډه ولیدل شوه',
    actions: [{ what: 'د غړو لیست تازه کړئ', assignee_id: mob.user.id, due_on: day(3) }],
  });
  const meeting = await api.post('/review-meetings', {
    area_id: uc.id,
    held_on: day(-1),
    kind: 'weekly',
    attendee_ids: [mob.user.id],
    minutes: 'د اوونۍ کار وڅېړل شو',
    actions: [{ what: 'یادښت شریک کړئ', assignee_id: mob.user.id, due_on: day(2) }],
  });
  const page = await loginAs(browser, 'officer.t1', 'ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  for (const [name, hash, testid] of [
    ['visits', '#/supervision', 'sup-visits'],
    ['visit', `#/supervision/${visit.id}`, 'sup-visit'],
    ['actions', '#/supervision/actions', 'sup-actions'],
    ['report', '#/supervision/report', 'sup-report'],
    ['form', '#/supervision/new', 'sup-visit-form'],
    ['meetings', '#/supervision/meetings', 'sup-meetings'],
    ['meeting', `#/supervision/meetings/${meeting.id}`, 'sup-meeting'],
    ['meeting-form', '#/supervision/meetings/new', 'sup-meeting-form'],
  ]) {
    await page.goto('/' + hash);
    await page.getByTestId(testid).waitFor();
    if (name === 'visits') {
      await page.getByRole('heading', { name: 'د څارنې لیدنې', level: 1 }).waitFor();
      const first = await page.getByTestId('sup-tab-visits').boundingBox();
      const second = await page.getByTestId('sup-tab-actions').boundingBox();
      assert.ok(first.x > second.x, 'the first tab stands at the right');
    }
    if (name === 'visit')
      assert.equal(
        await page.getByTestId('sup-action-status').textContent(),
        'پرانیستې',
        'the status in Pashto',
      );
    assert.ok((await overflow(page)) <= 0, `${name}: no sideways scrolling`);
    await page.screenshot({ path: outputPath(`supervision-${name}-ps.png`), fullPage: true });
  }
  await page.context().close();
});
