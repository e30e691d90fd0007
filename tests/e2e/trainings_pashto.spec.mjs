// The training screens in Pashto on a 360 x 740 phone: a training recorded right to left with
// three trainees, their scores (one above the maximum refused on its input), gains in Pashto
// digits, a follow-up, and plan against achievement with a mirrored chart; then every new page
// (and the activity pages that changed) in English and Pashto without sideways scrolling, a
// screenshot of each in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  areaByCode,
  BASE,
  launch,
  loginAs,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';
const today = () => new Date().toISOString().slice(0, 10);
// A number as the browser writes it in Pashto (its digits depend on the browser's locale data).
const ps = (page, n, digits = 0) =>
  page.evaluate(([x, d]) => x.toLocaleString('ps', { maximumFractionDigits: d }), [n, digits]);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function setup(s) {
  const mgr = await new Api().login('manager.d1', 'demo-pass');
  const course = await mgr.post('/courses', {
    code: `PS-${s}`,
    title: `Nutrition counselling ${s}`,
    title_local: `د تغذیې مشوره ${s}`,
    audience: 'community',
    topics: ['iycf'],
    duration_hours: 4,
    test_max: 10,
  });
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  const page = await mob.get(`/households?area=${village.id}&limit=50`);
  const hh = await mob.get(`/households/${page.items.find((x) => x.person_count >= 3).id}`);
  return { mgr, mob, course, village, hh };
}

test('a training recorded in Pashto on a phone, right to left', async () => {
  const s = uniq().toUpperCase();
  const { course, village, hh } = await setup(s);
  const page = await loginAs(browser, 'mobiliser.u1', 'ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByTestId('menu-toggle').click();
  assert.equal(await page.getByTestId('nav-trainings').textContent(), 'روزنې');
  await page.getByTestId('nav-trainings').click();
  await page.getByRole('heading', { name: 'د روزنې غونډې', level: 1 }).waitFor();
  // The tab row runs right to left.
  const first = await page.getByTestId('tr-tab-events').boundingBox();
  const second = await page.getByTestId('tr-tab-courses').boundingBox();
  assert.ok(first.x > second.x, 'the first tab stands at the right');

  await page.getByTestId('training-new').click();
  await page.getByRole('heading', { name: 'یوه روزنه ثبت کړئ', level: 1 }).waitFor();
  assert.equal(
    await page
      .getByTestId('act-course')
      .evaluate((e, id) => [...e.options].find((o) => o.value === id)?.textContent, course.id),
    `د تغذیې مشوره ${s}`,
  );
  await page.getByTestId('act-course').selectOption(course.id);
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-count-f-18-59-0').fill('3');
  await page.getByTestId('act-hh-search').fill(hh.code);
  await page.getByTestId('act-hh-option').first().click();
  const adds = page.getByTestId('act-person-add');
  await adds.first().waitFor();
  for (let i = 0; i < 3; i++) await adds.nth(i).click();
  assert.ok((await overflow(page)) <= 0);
  await page.getByTestId('act-save').click();

  const event = page.getByTestId('training-event');
  await event.waitFor();
  const id = await event.getAttribute('data-id');
  assert.equal(await page.getByTestId('training-title').textContent(), `د تغذیې مشوره ${s}`);
  assert.equal(await page.getByTestId('training-test-max').textContent(), await ps(page, 10));

  // Maximum 10: the first trainee's pre-test of 12 is refused on its own input.
  const scores = [
    ['12', '9'],
    ['4', '7'],
    ['10', '10'],
  ];
  for (const [i, [pre, post]] of scores.entries()) {
    await page.getByTestId(`score-pre-${i}`).fill(pre);
    await page.getByTestId(`score-post-${i}`).fill(post);
  }
  await page.getByTestId('scores-save').click();
  await page.getByTestId('score-pre-0-error').waitFor();
  assert.equal(await page.getByTestId('score-pre-0').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByTestId('score-post-0-error').count(), 0);
  // The error sits under its input, inside the card, on the right-to-left page.
  const input = await page.getByTestId('score-pre-0').boundingBox();
  const error = await page.getByTestId('score-pre-0-error').boundingBox();
  assert.ok(error.y > input.y && error.x >= 0 && error.x + error.width <= 360);
  await page.screenshot({
    path: outputPath('trainings-360-scores-refused-ps.png'),
    fullPage: true,
  });

  await page.getByTestId('score-pre-0').fill('6');
  await page.getByTestId('scores-save').click();
  await page.getByTestId('score-pre-0-error').waitFor({ state: 'detached' });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="trainee-gain"]')?.getAttribute('data-value') !== '',
  );
  // Gains 3, 3, 0; normalised 3/4, 3/6 and none for the perfect pre-test; averages 2 and 0.63.
  assert.deepEqual(await page.getByTestId('trainee-gain').allTextContents(), [
    await ps(page, 3),
    await ps(page, 3),
    await ps(page, 0),
  ]);
  assert.deepEqual(await page.getByTestId('trainee-ngain').allTextContents(), [
    await ps(page, 0.75, 2),
    await ps(page, 0.5, 2),
    '–',
  ]);
  assert.equal(await page.getByTestId('average-gain').textContent(), await ps(page, 2));
  assert.equal(await page.getByTestId('average-ngain').textContent(), await ps(page, 0.625, 2));
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.ok((await overflow(page)) <= 0, 'the training page fits the phone');
  await page.screenshot({ path: outputPath('trainings-360-event-ps.png'), fullPage: true });

  // A follow-up: applies the skills.
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const trainees = (await mob.get(`/activities/${id}`)).attendance;
  await page.getByTestId('followup-person').selectOption(trainees[1].person_id);
  await page.getByTestId('followup-applies-yes').check();
  await page.getByTestId('followup-save').click();
  const fu = page.locator(`[data-testid="followup-row"][data-person="${trainees[1].person_id}"]`);
  await fu.waitFor();
  assert.match(await fu.textContent(), /هو/);

  await page.getByTestId('training-record').click();
  await page.getByTestId('activity-submit').click();
  await page.locator('[data-testid="activity-status"][data-status="submitted"]').waitFor();
  await page.context().close();

  // Verified, planned: plan against achievement in Pashto, the chart mirrored.
  const officer = await new Api().login('officer.t1', 'demo-pass');
  await officer.post(`/activities/${id}/verify`, {
    version: (await officer.get(`/activities/${id}`)).version,
  });
  await officer.post('/training-plans', {
    course_id: course.id,
    area_id: village.id,
    period: today().slice(0, 7),
    planned_events: 4,
    planned_participants: 12,
  });
  const op = await loginAs(browser, 'officer.t1', 'ps');
  await op.goto(BASE + '/#/trainings/achievement');
  await pickArea(op, 'ach-filter-area', VILLAGE);
  await op.getByTestId('ach-filter-period').fill(today().slice(0, 7));
  const row = op.locator(`[data-testid="ach-row"][data-course="${course.id}"]`);
  await row.waitFor();
  assert.equal(await row.getAttribute('data-held'), '1');
  assert.equal(await row.getAttribute('data-trained'), '3');
  assert.match(await row.textContent(), new RegExp(`${await ps(op, 1)} له ${await ps(op, 4)} څخه`));
  const svg = op.locator('[data-testid="ach-chart-events"] svg');
  assert.equal(await svg.getAttribute('data-dir'), 'rtl');
  // The bar grows from the right edge of its track.
  const planId = await row.getAttribute('data-id');
  const bar = await op
    .locator(`[data-testid="ach-chart-events"] [data-key="${planId}"] .chart-bar`)
    .boundingBox();
  const track = await op
    .locator(`[data-testid="ach-chart-events"] [data-key="${planId}"] .chart-track`)
    .boundingBox();
  assert.ok(
    Math.abs(bar.x + bar.width - (track.x + track.width)) < 1.5 && bar.width < track.width / 2 + 1,
  );
  assert.ok((await overflow(op)) <= 0);
  await op.screenshot({ path: outputPath('trainings-360-achievement-ps.png'), fullPage: true });
  await op.context().close();
});

test('every training page fits a 360 px phone in English and Pashto', async () => {
  const s = uniq().toUpperCase();
  const { mob, course, village, hh } = await setup(s);
  const people = hh.people.slice(0, 3);
  const t = await mob.post('/activities', {
    type: 'training',
    course_id: course.id,
    held_on: today(),
    area_id: village.id,
    counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 3 }],
    attendance: people.map((p, i) => ({
      person_id: p.id,
      attended: true,
      pre_score: 2 + i,
      post_score: 8,
    })),
  });
  await mob.post(`/trainings/${t.id}/followups`, {
    person_id: people[0].id,
    followed_on: today(),
    applies: 'partly',
    notes: 'Counsels two neighbours.',
  });
  const inst = await mob.post('/institutions', {
    type: 'CO',
    area_id: village.id,
    name: `Gul CO ${s}`,
    sex_composition: 'women',
  });
  await mob.post('/training-needs', {
    area_id: village.id,
    institution_id: inst.id,
    course_id: course.id,
    need: `Record keeping ${s}`,
    priority: 'medium',
    assessed_on: today(),
  });
  const a = await mob.post('/activities', {
    type: 'community_dialogue',
    held_on: today(),
    area_id: village.id,
    institution_ids: [inst.id],
    counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 7 }],
  });
  await mob.post(`/activities/${a.id}/submit`, { version: a.version });
  const officer = await new Api().login('officer.t1', 'demo-pass');
  await officer.post(`/activities/${a.id}/verify`, {
    version: (await officer.get(`/activities/${a.id}`)).version,
  });
  await officer.post('/training-plans', {
    course_id: course.id,
    area_id: village.id,
    period: today().slice(0, 4),
    planned_events: 8,
    planned_participants: 40,
  });

  const pages = [
    ['events', '#/trainings', 'activity-row'],
    ['new', '#/trainings/new', 'activity-form'],
    ['event', `#/trainings/${t.id}`, 'followup-row'],
    ['courses', '#/trainings/courses', 'course-row'],
    ['course-new', '#/trainings/courses/new', 'course-form'],
    ['course-edit', `#/trainings/courses/${course.id}`, 'course-form'],
    ['needs', '#/trainings/needs', 'need-row'],
    ['need-new', '#/trainings/needs/new', 'need-form'],
    ['plans', '#/trainings/plans', 'plan-row'],
    ['plan-new', '#/trainings/plans/new', 'plan-form'],
    ['plan-import', '#/trainings/plans/import', 'plan-import'],
    ['achievement', '#/trainings/achievement', 'ach-row'],
    ['activity-institutions', `#/activities/${a.id}`, 'activity-institutions'],
    ['activity-correct', `#/activities/${a.id}/edit`, 'act-correcting'],
  ];
  for (const lang of ['en', 'ps']) {
    const page = await loginAs(browser, 'manager.d1', lang);
    for (const [name, hash, ready] of pages) {
      await page.goto(BASE + '/' + hash);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const over = await overflow(page);
      assert.ok(over <= 0, `${name} (${lang}) is ${over}px wider than the phone`);
      assert.equal(
        await page.evaluate(() => document.documentElement.dir),
        lang === 'ps' ? 'rtl' : 'ltr',
      );
      await page.screenshot({
        path: outputPath(`trainings-360-page-${name}-${lang}.png`),
        fullPage: true,
      });
    }
    await page.context().close();
  }
});
