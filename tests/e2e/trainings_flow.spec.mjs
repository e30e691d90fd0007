// Trainings end to end, in English: a manager adds a course with a test maximum; a mobiliser
// records a training with three trainees from the registry and enters their pre/post scores (one
// above the maximum is refused on its own input, then corrected) and sees each trainee's gain and
// normalised gain and their averages; a follow-up; an officer enters a plan and imports plans
// (a dry run naming a bad row, then a clean load) and reads plan against achievement with its
// charts; a session with an institution picked; a supervisor's correction with its reason, shown
// to the author; a training need with its errors on their fields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  areaByCode,
  BASE,
  DESKTOP,
  PHONE,
  launch,
  loginAs,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';
const today = () => new Date().toISOString().slice(0, 10);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A course made through the API (for the tests that do not test the catalogue itself).
async function course(s, testMax = 20) {
  const mgr = await new Api().login('manager.d1', 'demo-pass');
  return mgr.post('/courses', {
    code: `TR-${s}`,
    title: `Kitchen gardens ${s}`,
    audience: 'community',
    topics: ['livelihoods'],
    duration_hours: 6,
    test_max: testMax,
  });
}

// A household of the village with at least three people.
async function bigHousehold(api, v) {
  const page = await api.get(`/households?area=${v.id}&limit=50`);
  const h = page.items.find((x) => x.person_count >= 3);
  assert.ok(h, 'the demo village has a household of three or more');
  return api.get(`/households/${h.id}`);
}

test('a manager adds a course with a test maximum to the catalogue', async () => {
  const s = uniq().toUpperCase();
  const page = await loginAs(browser, 'manager.d1', 'en', DESKTOP);
  await page.getByTestId('nav-trainings').click();
  await page.getByTestId('trainings').waitFor();
  await page.getByTestId('tr-tab-courses').click();
  await page.getByTestId('course-new').click();
  await page.getByTestId('course-form').waitFor();
  // Nothing filled: the server's words on each field.
  await page.getByTestId('course-test-max').fill('20');
  await page.getByTestId('course-save').click();
  await page.getByTestId('course-code-error').waitFor();
  assert.match(await page.getByTestId('course-title-error').textContent(), /required/i);
  assert.match(await page.getByTestId('course-audience-error').textContent(), /required/i);

  await page.getByTestId('course-code').fill(`HYG-${s}`);
  await page.getByTestId('course-title').fill(`Handwashing facilitation ${s}`);
  await page.getByTestId('course-title-local').fill(`د لاس مینځلو روزنه ${s}`);
  await page.getByTestId('course-audience').selectOption('community');
  await page.getByTestId('course-topic-wash').check();
  await page.getByTestId('course-topic-health').check();
  await page.getByTestId('course-hours').fill('3.5');
  await page.screenshot({ path: outputPath('trainings-1280-course-form-en.png'), fullPage: true });
  await page.getByTestId('course-save').click();
  await page.getByTestId('courses').waitFor();
  const row = page.locator(`[data-testid="course-row"][data-code="HYG-${s}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), /Community · 3\.5 hours · Test out of 20/);
  assert.match(await row.textContent(), /Hygiene and WASH, Health/);

  const mgr = await new Api().login('manager.d1', 'demo-pass');
  const c = (await mgr.get('/courses')).items.find((x) => x.code === `HYG-${s}`);
  assert.equal(c.test_max, 20);
  assert.equal(c.duration_hours, 3.5);
  assert.equal(c.audience, 'community');

  // A mobiliser reads the catalogue but does not keep it.
  await page.context().close();
  const mob = await loginAs(browser, 'mobiliser.u1');
  await mob.goto(BASE + '/#/trainings/courses');
  await mob.locator(`[data-testid="course-row"][data-code="HYG-${s}"]`).waitFor();
  assert.equal(await mob.getByTestId('course-new').count(), 0);
  await mob.context().close();
});

test('a training with three trainees: scores (one above the maximum refused), gains, a follow-up, plans and achievement', async () => {
  const s = uniq().toUpperCase();
  const c = await course(s, 20);
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const v = await areaByCode(mob, VILLAGE);
  const hh = await bigHousehold(mob, v);

  const page = await loginAs(browser, 'mobiliser.u1');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-trainings').click();
  await page.getByTestId('trainings').waitFor();
  await page.getByTestId('training-new').click();
  await page.getByTestId('activity-form').waitFor();
  assert.equal(await page.getByTestId('act-type').inputValue(), 'training');
  await page.getByTestId('act-course').selectOption(c.id);
  // The course's topic is ticked for it.
  assert.ok(await page.getByTestId('act-topic-livelihoods').isChecked());
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-count-f-18-59-0').fill('4');
  await page.getByTestId('act-count-m-18-59-0').fill('2');
  await page.getByTestId('act-hh-search').fill(hh.code);
  await page.getByTestId('act-hh-option').first().click();
  const adds = page.getByTestId('act-person-add');
  await adds.first().waitFor();
  for (let i = 0; i < 3; i++) await adds.nth(i).click();
  assert.equal(await page.getByTestId('act-named-row').count(), 3);
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('trainings-360-new-en.png'), fullPage: true });
  await page.getByTestId('act-save').click();

  // Saved as a draft; its training page takes the scores.
  const event = page.getByTestId('training-event');
  await event.waitFor();
  const id = await event.getAttribute('data-id');
  assert.equal(await page.getByTestId('training-title').textContent(), `Kitchen gardens ${s}`);
  assert.equal(await page.getByTestId('training-test-max').textContent(), '20');
  assert.equal(await page.getByTestId('trainee-row').count(), 3);

  // Scores: the second trainee's post-test is above the maximum of 20.
  const scores = [
    ['5', '15'],
    ['10', '25'],
    ['8', '14'],
  ];
  for (const [i, [pre, post]] of scores.entries()) {
    await page.getByTestId(`score-pre-${i}`).fill(pre);
    await page.getByTestId(`score-post-${i}`).fill(post);
  }
  await page.getByTestId('scores-save').click();
  const err = page.getByTestId('score-post-1-error');
  await err.waitFor();
  assert.match(await err.textContent(), /between 0 and the test maximum 20/);
  assert.equal(await page.getByTestId('score-post-1').getAttribute('aria-invalid'), 'true');
  assert.equal(
    await page.getByTestId('score-pre-1-error').count(),
    0,
    'only the wrong input is marked',
  );
  assert.equal(await page.getByTestId('score-post-0-error').count(), 0);
  await page.screenshot({
    path: outputPath('trainings-360-scores-refused-en.png'),
    fullPage: true,
  });
  // Nothing was saved.
  assert.deepEqual(
    (await mob.get(`/activities/${id}`)).attendance.map((x) => x.post_score),
    [null, null, null],
  );

  await page.getByTestId('score-post-1').fill('20');
  await page.getByTestId('scores-save').click();
  await page.getByTestId('alert-info').filter({ hasText: 'Scores saved.' }).waitFor();
  await page.getByTestId('score-post-1-error').waitFor({ state: 'detached' });

  // Gains: post − pre; normalised: (post − pre) / (20 − pre).
  const expected = [
    [10, 10 / 15],
    [10, 10 / 10],
    [6, 6 / 12],
  ];
  const gains = page.getByTestId('trainee-gain');
  const ngains = page.getByTestId('trainee-ngain');
  await page.waitForFunction(
    () => document.querySelector('[data-testid="trainee-gain"]')?.getAttribute('data-value') !== '',
  );
  for (const [i, [g, n]] of expected.entries()) {
    assert.equal(Number(await gains.nth(i).getAttribute('data-value')), g);
    assert.ok(Math.abs(Number(await ngains.nth(i).getAttribute('data-value')) - n) < 1e-9);
  }
  assert.deepEqual(await gains.allTextContents(), ['10', '10', '6']);
  assert.deepEqual(await ngains.allTextContents(), ['0.67', '1', '0.5']);
  // Averages: (10 + 10 + 6) / 3 = 8.67; (0.667 + 1 + 0.5) / 3 = 0.72.
  assert.equal(await page.getByTestId('average-gain').textContent(), '8.7');
  assert.equal(await page.getByTestId('average-ngain').textContent(), '0.72');
  assert.ok(
    Math.abs(
      Number(await page.getByTestId('average-ngain').getAttribute('data-value')) -
        (2 / 3 + 1 + 0.5) / 3,
    ) < 1e-9,
  );
  assert.ok((await overflow(page)) <= 0, 'the score table fits the phone');
  await page.screenshot({ path: outputPath('trainings-360-event-en.png'), fullPage: true });

  // A follow-up of the first trainee.
  const trainees = (await mob.get(`/activities/${id}`)).attendance;
  await page.getByTestId('followup-save').click();
  await page.getByTestId('followup-applies-error').waitFor();
  await page.getByTestId('followup-person').selectOption(trainees[0].person_id);
  await page.getByTestId('followup-applies-partly').check();
  await page
    .getByTestId('followup-notes')
    .fill('Washes hands at the right times; no soap at home yet.');
  await page.getByTestId('followup-save').click();
  const fu = page.locator(`[data-testid="followup-row"][data-person="${trainees[0].person_id}"]`);
  await fu.waitFor();
  assert.equal(await fu.getAttribute('data-applies'), 'partly');
  assert.match(await fu.textContent(), /Partly/);
  const followups = (await mob.get(`/trainings/${id}/followups`)).items;
  assert.equal(followups.length, 1);
  assert.equal(followups[0].followed_on, today());

  // Submitted from the session record; an officer verifies it.
  await page.getByTestId('training-record').click();
  await page.getByTestId('activity-detail').waitFor();
  await page.getByTestId('activity-trainees').waitFor();
  await page.getByTestId('activity-submit').click();
  await page.locator('[data-testid="activity-status"][data-status="submitted"]').waitFor();
  await page.context().close();
  const officer = await new Api().login('officer.t1', 'demo-pass');
  const submitted = await officer.get(`/activities/${id}`);
  await officer.post(`/activities/${id}/verify`, { version: submitted.version });

  // The officer plans this course for the village this month, on a phone.
  const month = today().slice(0, 7);
  const op = await loginAs(browser, 'officer.t1');
  await op.goto(BASE + '/#/trainings/plans/new');
  await op.getByTestId('plan-form').waitFor();
  await op.getByTestId('plan-period').fill('2026-13');
  await op.getByTestId('plan-events-input').fill('2');
  await op.getByTestId('plan-participants-input').fill('6');
  await op.getByTestId('plan-save').click();
  await op.getByTestId('plan-period-error').waitFor();
  assert.match(await op.getByTestId('plan-course-error').textContent(), /no such course/i);
  await op.getByTestId('plan-course').selectOption(c.id);
  await pickArea(op, 'plan-area', VILLAGE);
  await op.getByTestId('plan-period').fill(month);
  await op.screenshot({ path: outputPath('trainings-360-plan-form-en.png'), fullPage: true });
  await op.getByTestId('plan-save').click();
  await op.getByTestId('plans').waitFor();
  const planRow = op.locator(
    `[data-testid="plan-row"][data-course="${c.id}"][data-period="${month}"]`,
  );
  await planRow.waitFor();
  assert.equal(await planRow.getByTestId('plan-events').textContent(), '2');
  assert.equal(await planRow.getByTestId('plan-participants').textContent(), '6');
  assert.ok((await overflow(op)) <= 0);
  await op.screenshot({ path: outputPath('trainings-360-plans-en.png'), fullPage: true });

  // Plans from a CSV made here: a dry run names the bad rows, then a clean file loads.
  const quarter = `${month.slice(0, 4)}Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
  const header = 'course_code,area_code,period,planned_events,planned_participants\n';
  const bad =
    header +
    `TR-${s},${VILLAGE},${quarter},3,45\nNO-SUCH-${s},${VILLAGE},${quarter},1,10\nTR-${s},${VILLAGE},2026Q5,x,10\n`;
  await op.getByTestId('plan-import-link').click();
  await op.getByTestId('plan-import').waitFor();
  await op
    .getByTestId('import-file')
    .setInputFiles({ name: `plans-${s}.csv`, mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await op.getByTestId('import-dry-run').click();
  await op.getByTestId('import-check-bad').waitFor();
  const errorRows = op.getByTestId('import-error-row');
  const errorText = (await errorRows.allTextContents()).join('\n');
  assert.match(errorText, /course_code.*no course with this code/);
  assert.match(errorText, /period/);
  assert.match(errorText, /planned_events.*whole number/);
  assert.ok(await op.getByTestId('import-run').isDisabled(), 'nothing loads while a row is wrong');
  assert.ok((await overflow(op)) <= 0);
  await op.screenshot({ path: outputPath('trainings-360-import-errors-en.png'), fullPage: true });

  const good =
    header +
    `TR-${s},${VILLAGE},${quarter},3,45\nTR-${s},P1-D1-T1-U1,${month.slice(0, 4)},12,180\n`;
  await op.getByTestId('import-file').setInputFiles({
    name: `plans-${s}-fixed.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(good),
  });
  await op.getByTestId('import-dry-run').click();
  await op.getByTestId('import-check-ok').waitFor();
  assert.match(await op.getByTestId('import-check-ok').textContent(), /2 rows are correct/);
  await op.getByTestId('import-run').click();
  await op.getByTestId('import-done').waitFor();
  assert.match(await op.getByTestId('import-done').textContent(), /2 plans saved/);
  // Listed for the quarter (with this month's plan, which falls within it).
  const imported = (
    await officer.get(`/training-plans?area=${v.id}&period=${quarter}`)
  ).items.filter((p) => p.course_id === c.id);
  assert.deepEqual(
    imported.map((p) => [p.period, p.planned_events, p.planned_participants]).sort(),
    [
      [month, 2, 6],
      [quarter, 3, 45],
    ].sort(),
  );

  // Plan against achievement for the village this month: 1 of 2 events, 3 of 6 trained.
  await op.goto(BASE + '/#/trainings/achievement');
  await op.getByTestId('achievement').waitFor();
  // The plan list's area and period carry over.
  assert.match(await op.getByTestId('ach-filter-area-chosen').textContent(), new RegExp(v.name));
  assert.equal(await op.getByTestId('ach-filter-period').inputValue(), month);
  const ach = op.locator(`[data-testid="ach-row"][data-course="${c.id}"][data-period="${month}"]`);
  await ach.waitFor();
  assert.equal(await ach.getAttribute('data-held'), '1');
  assert.equal(await ach.getAttribute('data-trained'), '3');
  assert.match(await ach.textContent(), /1 of 2.*3 of 6/);
  // A bar per plan in each chart: half the events held, half the people trained.
  const planId = await ach.getAttribute('data-id');
  const bar = op.locator(
    `[data-testid="ach-chart-events"] [data-testid="chart-bar"][data-key="${planId}"]`,
  );
  await bar.waitFor();
  assert.equal(await bar.getAttribute('data-value'), '0.5000');
  assert.equal(
    await op
      .locator(`[data-testid="ach-chart-people"] [data-testid="chart-bar"][data-key="${planId}"]`)
      .getAttribute('data-value'),
    '0.5000',
  );
  assert.ok((await overflow(op)) <= 0);
  await op.screenshot({ path: outputPath('trainings-360-achievement-en.png'), fullPage: true });
  await op.context().close();

  // The same on a desktop.
  const desk = await loginAs(browser, 'officer.t1', 'en', DESKTOP);
  await desk.goto(BASE + '/#/trainings/achievement');
  await desk.locator(`[data-testid="ach-row"][data-course="${c.id}"]`).first().waitFor();
  await desk.screenshot({ path: outputPath('trainings-1280-achievement-en.png'), fullPage: true });
  await desk.goto(BASE + `/#/trainings/${id}`);
  await desk.getByTestId('trainee-row').first().waitFor();
  await desk.screenshot({ path: outputPath('trainings-1280-event-en.png'), fullPage: true });
  await desk.context().close();
});

test('a session with an institution picked, verified, then corrected by a supervisor with a reason', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const v = await areaByCode(mob, VILLAGE);
  const inst = await mob.post('/institutions', {
    type: 'CO',
    area_id: v.id,
    name: `Roshan CO ${s}`,
    sex_composition: 'women',
  });

  const page = await loginAs(browser, 'mobiliser.u1');
  await page.goto(BASE + '/#/activities/new');
  await page.getByTestId('activity-form').waitFor();
  await page.getByTestId('act-type').selectOption('institution_meeting');
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-inst-change').click();
  await page.getByTestId('act-inst-search').fill(`Roshan CO ${s}`);
  await page.locator(`[data-testid="act-inst-option"][data-id="${inst.id}"]`).click();
  await page.locator(`[data-testid="act-institution"][data-id="${inst.id}"]`).waitFor();
  await page.getByTestId('act-count-f-18-59-0').fill('14');
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('activities-360-institution-en.png'), fullPage: true });
  await page.getByTestId('act-save').click();
  await page.getByTestId('activity-detail').waitFor();
  assert.equal(await page.getByTestId('activity-institutions').textContent(), `Roshan CO ${s}`);
  const id = await page.getByTestId('activity-detail').getAttribute('data-id');
  assert.deepEqual((await mob.get(`/activities/${id}`)).institution_ids, [inst.id]);
  await page.getByTestId('activity-submit').click();
  await page.locator('[data-testid="activity-status"][data-status="submitted"]').waitFor();
  await page.context().close();

  const officer = await new Api().login('officer.t1', 'demo-pass');
  await officer.post(`/activities/${id}/verify`, {
    version: (await officer.get(`/activities/${id}`)).version,
  });

  // The supervisor corrects the count; the reason is required.
  const op = await loginAs(browser, 'officer.t1');
  await op.goto(BASE + `/#/activities/${id}`);
  await op.getByTestId('activity-correct').click();
  await op.getByTestId('act-correcting').waitFor();
  await op.getByTestId('act-count-f-18-59-0').fill('16');
  await op.getByTestId('act-save').click();
  assert.match(await op.getByTestId('act-correction-reason-error').textContent(), /reason/);
  await op.getByTestId('act-correction-reason').fill('The attendance sheet lists 16 women.');
  await op.screenshot({ path: outputPath('activities-360-correction-en.png'), fullPage: true });
  await op.getByTestId('act-save').click();
  await op.getByTestId('activity-detail').waitFor();
  await op.getByTestId('alert-info').filter({ hasText: 'Correction saved.' }).waitFor();
  assert.equal(await op.getByTestId('activity-total').textContent(), '16');
  const a = await officer.get(`/activities/${id}`);
  assert.equal(a.status, 'verified');
  assert.equal(a.counted_total, 16);
  await op.context().close();

  // The correction -- who, when, why -- for everyone who sees the session, its author too.
  const author = await loginAs(browser, 'mobiliser.u1', 'en', PHONE);
  await author.goto(BASE + `/#/activities/${id}`);
  const corr = author.getByTestId('activity-correction');
  await corr.waitFor();
  assert.match(await corr.textContent(), /Demo officer.*The attendance sheet lists 16 women\./s);
  await author.screenshot({
    path: outputPath('activities-360-corrections-en.png'),
    fullPage: true,
  });
  await author.context().close();
});

test('a training need of a community institution, its errors shown on their fields', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const v = await areaByCode(mob, VILLAGE);
  const inst = await mob.post('/institutions', {
    type: 'CO',
    area_id: v.id,
    name: `Sahar CO ${s}`,
    sex_composition: 'women',
  });

  const page = await loginAs(browser, 'mobiliser.u1');
  await page.goto(BASE + '/#/trainings/needs');
  await page.getByTestId('need-new').click();
  await page.getByTestId('need-form').waitFor();
  await page.getByTestId('need-save').click();
  await page.getByTestId('need-area-error').waitFor();
  assert.match(
    await page.getByTestId('need-priority-error').textContent(),
    /one of:? high, medium, low/i,
  );
  assert.ok(await page.getByTestId('need-text-error').isVisible());
  assert.equal(await page.getByTestId('need-inst-error').textContent(), 'Choose the institution.');
  await page.screenshot({ path: outputPath('trainings-360-need-errors-en.png'), fullPage: true });

  await pickArea(page, 'need-area', VILLAGE);
  await page.getByTestId('need-inst-change').click();
  await page.getByTestId('need-inst-search').fill(`Sahar CO ${s}`);
  await page.locator(`[data-testid="need-inst-option"][data-id="${inst.id}"]`).click();
  await page.getByTestId('need-text').fill(`Bookkeeping for the savings group ${s}`);
  await page.getByTestId('need-priority').selectOption('high');
  await page.getByTestId('need-save').click();
  await page.getByTestId('needs').waitFor();
  const row = page
    .getByTestId('need-row')
    .filter({ hasText: `Bookkeeping for the savings group ${s}` });
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(`Sahar CO ${s}`));
  assert.equal(await row.getByTestId('need-priority').getAttribute('data-priority'), 'high');
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('trainings-360-needs-en.png'), fullPage: true });
  await page.context().close();
});
