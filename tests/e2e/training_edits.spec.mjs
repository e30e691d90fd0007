// Trainings, second part, on a 360 x 740 phone in English and in Pashto (right to left): an officer
// enters the scores of a SUBMITTED training -- one above the maximum refused on its own input, the
// reason required -- as a correction that the author then reads on the session record (who, why);
// a mobiliser changes a training need (the staff member picked from the staff list by name,
// never typed as an id) and deletes it; in English, a follow-up changed and deleted, a plan
// changed and deleted, and a course in use refused deletion. Screenshots of each step in
// tests/output.
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
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A course with a test out of 20 and a submitted training of three trainees without scores.
async function submittedTraining(s) {
  const mgr = await new Api().login('manager.d1', 'demo-pass');
  const course = await mgr.post('/courses', {
    code: `ED-${s}`,
    title: `Savings group bookkeeping ${s}`,
    title_local: `د سپما ډلې حساب ساتنه ${s}`,
    audience: 'community',
    topics: ['livelihoods'],
    duration_hours: 3,
    test_max: 20,
  });
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  const list = await mob.get(`/households?area=${village.id}&limit=50`);
  const hh = await mob.get(`/households/${list.items.find((x) => x.person_count >= 3).id}`);
  const people = hh.people.slice(0, 3);
  const t = await mob.post('/activities', {
    type: 'training',
    course_id: course.id,
    held_on: '2026-02-10',
    area_id: village.id,
    attendance: people.map((p) => ({ person_id: p.id })),
  });
  await mob.post(`/activities/${t.id}/submit`, { version: t.version });
  return { mob, course, village, people, id: t.id };
}

for (const lang of ['en', 'ps']) {
  const words =
    lang === 'en'
      ? { saved: 'Correction saved.', reason: 'Scores copied from the attendance sheet' }
      : { saved: 'سمون خوندي شو.', reason: 'نمرې د حاضرۍ له پاڼې اخیستل شوې' };

  test(`${lang}: an officer scores a submitted training as a correction; the author reads who and why`, async () => {
    const s = uniq().toUpperCase();
    const { mob, people, id } = await submittedTraining(s);
    const page = await loginAs(browser, 'officer.t1', lang, PHONE);
    await page.goto(BASE + `/#/trainings/${id}`);
    await page.locator('[data-testid="training-event"][data-status="submitted"]').waitFor();
    if (lang === 'ps') assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    await page.getByTestId('scores-correcting').waitFor();

    const scores = [
      ['6', '14'],
      ['9', '21'],
      ['', '12'],
    ]; // 21 is above the maximum; no pre-test for the third
    for (const [i, [pre, post]] of scores.entries()) {
      await page.getByTestId(`score-pre-${i}`).fill(pre);
      await page.getByTestId(`score-post-${i}`).fill(post);
    }
    await page.getByTestId('scores-correction-reason').fill(words.reason);
    await page.getByTestId('scores-save').click();
    await page.getByTestId('score-post-1-error').waitFor();
    assert.equal(await page.getByTestId('score-post-1').getAttribute('aria-invalid'), 'true');
    assert.equal(
      await page.getByTestId('score-pre-1-error').count(),
      0,
      'only the wrong input is marked',
    );
    assert.ok((await overflow(page)) <= 0, 'the score table fits the phone');
    await page.screenshot({
      path: outputPath(`training-edits-360-correction-refused-${lang}.png`),
      fullPage: true,
    });
    assert.deepEqual(
      (await mob.get(`/activities/${id}`)).attendance.map((x) => x.post_score),
      [null, null, null],
      'nothing written',
    );

    // Without a reason: said on the reason's field.
    await page.getByTestId('score-post-1').fill('19');
    await page.getByTestId('scores-correction-reason').fill('');
    await page.getByTestId('scores-save').click();
    await page.getByTestId('scores-correction-reason-error').waitFor();
    await page.getByTestId('scores-correction-reason').fill(words.reason);
    await page.getByTestId('scores-save').click();
    await page.getByTestId('alert-info').filter({ hasText: words.saved }).waitFor();
    await page.getByTestId('score-post-1-error').waitFor({ state: 'detached' });
    await page.locator('[data-testid="trainee-gain"][data-value="10"]').waitFor();
    const report = await mob.get(`/trainings/${id}/trainees`);
    assert.equal(report.status, 'submitted');
    // The table's rows follow the session's attendance.
    const rows = (await mob.get(`/activities/${id}`)).attendance.map((x) => x.person_id);
    const byPerson = Object.fromEntries(
      report.items.map((x) => [x.person_id, [x.pre_score, x.post_score]]),
    );
    assert.deepEqual(
      rows.map((p) => byPerson[p]),
      [
        [6, 14],
        [9, 19],
        [null, 12],
      ],
    );
    assert.deepEqual(new Set(rows), new Set(people.map((p) => p.id)));
    assert.ok((await overflow(page)) <= 0);
    await page.screenshot({
      path: outputPath(`training-edits-360-scores-corrected-${lang}.png`),
      fullPage: true,
    });
    await page.context().close();

    // The author reads the correction on the session record: who and why.
    const author = await loginAs(browser, 'mobiliser.u1', lang, PHONE);
    await author.goto(BASE + `/#/activities/${id}`);
    const corr = author.getByTestId('activity-correction');
    await corr.waitFor();
    assert.equal(
      await corr.getByTestId('activity-correction-by').textContent(),
      'Demo officer (P1-D1-T1)',
    );
    assert.equal(await corr.getByTestId('activity-correction-reason').textContent(), words.reason);
    assert.ok((await overflow(author)) <= 0);
    await author.getByTestId('activity-corrections').scrollIntoViewIfNeeded();
    await author.screenshot({
      path: outputPath(`training-edits-360-corrections-${lang}.png`),
      fullPage: true,
    });
    await author.context().close();
  });

  test(`${lang}: a training need changed (a staff member picked by name) and deleted`, async () => {
    const s = uniq();
    const mob = await new Api().login('mobiliser.u1', 'demo-pass');
    const village = await areaByCode(mob, VILLAGE);
    const inst = await mob.post('/institutions', {
      type: 'CO',
      area_id: village.id,
      name: `Gulalai CO ${s}`,
      sex_composition: 'women',
    });
    const need = await mob.post('/training-needs', {
      area_id: village.id,
      institution_id: inst.id,
      need: `Record keeping ${s}`,
      priority: 'high',
      assessed_on: '2026-01-20',
    });

    const page = await loginAs(browser, 'mobiliser.u1', lang, PHONE);
    await page.goto(BASE + '/#/trainings/needs');
    const row = page.locator(`[data-testid="need-row"][data-id="${need.id}"]`);
    await row.getByTestId('need-open').click();
    await page.locator(`[data-testid="need-form"][data-id="${need.id}"]`).waitFor();
    assert.equal(await page.getByTestId('need-text').inputValue(), `Record keeping ${s}`);
    assert.match(
      await page.getByTestId('need-area-chosen').textContent(),
      new RegExp(village.name),
    );

    // The need becomes the mobiliser's own, picked from the staff of the area by name.
    await page.getByTestId('need-kind-staff').check();
    const select = page.getByTestId('need-user');
    await select.waitFor();
    const options = await select.evaluate((e) =>
      [...e.options].map((o) => ({ value: o.value, text: o.textContent })),
    );
    const me = options.find((o) => o.value === mob.user.id);
    assert.ok(me && me.text.startsWith('Demo mobiliser (P1-D1-T1-U1)'), JSON.stringify(options));
    assert.ok(!options.some((o) => /@|\d{6,}/.test(o.text)), 'no e-mails or phone numbers');
    await select.selectOption(mob.user.id);
    await page.getByTestId('need-priority').selectOption('low');
    await page.getByTestId('need-text').fill(`Record keeping and reporting ${s}`);
    assert.ok((await overflow(page)) <= 0);
    await page.screenshot({
      path: outputPath(`training-edits-360-need-edit-${lang}.png`),
      fullPage: true,
    });
    await page.getByTestId('need-save').click();
    await page.getByTestId('needs').waitFor();
    await row.locator('[data-testid="need-priority"][data-priority="low"]').waitFor();
    const saved = await mob.get(`/training-needs/${need.id}`);
    assert.deepEqual(
      [saved.user_id, saved.institution_id, saved.priority, saved.need, saved.version],
      [mob.user.id, null, 'low', `Record keeping and reporting ${s}`, 2],
    );
    await page.screenshot({
      path: outputPath(`training-edits-360-needs-changed-${lang}.png`),
      fullPage: true,
    });

    // Deleted after a confirmation.
    await row.getByTestId('need-open').click();
    await page.locator(`[data-testid="need-form"][data-id="${need.id}"]`).waitFor();
    await page.getByTestId('need-delete').click();
    await page.getByTestId('need-delete-confirm').waitFor();
    assert.ok((await overflow(page)) <= 0);
    await page.screenshot({
      path: outputPath(`training-edits-360-need-delete-${lang}.png`),
      fullPage: true,
    });
    await page.getByTestId('need-delete-yes').click();
    await page.getByTestId('needs').waitFor();
    await row.waitFor({ state: 'detached' });
    await assert.rejects(mob.get(`/training-needs/${need.id}`), /: 404 /);
    await page.context().close();
  });
}

test('en: a follow-up, a plan and a course changed or deleted; a course in use is kept', async () => {
  const s = uniq().toUpperCase();
  const { mob, course, village, people, id } = await submittedTraining(s);
  const fu = await mob.post(`/trainings/${id}/followups`, {
    person_id: people[0].id,
    followed_on: '2026-03-01',
    applies: 'partly',
    notes: 'Some',
  });
  const page = await loginAs(browser, 'mobiliser.u1', 'en', PHONE);
  await page.goto(BASE + `/#/trainings/${id}`);
  const row = page.locator(`[data-testid="followup-row"][data-id="${fu.id}"]`);
  await row.getByTestId('followup-edit').click();
  await page.locator(`[data-testid="followup-form"][data-editing="${fu.id}"]`).waitFor();
  await page.getByTestId('followup-applies-yes').check();
  await page.getByTestId('followup-notes').fill('');
  await page.getByTestId('followup-save').click();
  await page
    .locator(`[data-testid="followup-row"][data-id="${fu.id}"][data-applies="yes"]`)
    .waitFor();
  assert.deepEqual(
    (await mob.get(`/trainings/${id}/followups`)).items.map((f) => [f.applies, f.notes, f.version]),
    [['yes', null, 2]],
  );
  await row.getByTestId('followup-delete').click();
  await row.getByTestId('followup-delete-confirm').waitFor();
  assert.ok((await overflow(page)) <= 0);
  await page
    .getByTestId('training-followups')
    .screenshot({ path: outputPath('training-edits-360-followup-delete-en.png') });
  await row.getByTestId('followup-delete-yes').click();
  await page.getByTestId('followup-none').waitFor();
  await page.context().close();

  // An officer moves a plan to another quarter, then deletes it.
  const officer = await new Api().login('officer.t1', 'demo-pass');
  const plan = await officer.post('/training-plans', {
    course_id: course.id,
    area_id: village.id,
    period: '2026Q2',
    planned_events: 2,
    planned_participants: 30,
  });
  const op = await loginAs(browser, 'officer.t1', 'en', PHONE);
  await op.goto(BASE + `/#/trainings/plans/${plan.id}`);
  await op.locator(`[data-testid="plan-form"][data-id="${plan.id}"]`).waitFor();
  await op.getByTestId('plan-period').fill('2026Q3');
  await op.getByTestId('plan-events-input').fill('4');
  assert.ok((await overflow(op)) <= 0);
  await op.screenshot({ path: outputPath('training-edits-360-plan-edit-en.png'), fullPage: true });
  await op.getByTestId('plan-save').click();
  await op.getByTestId('plans').waitFor();
  const changed = await officer.get(`/training-plans/${plan.id}`);
  assert.deepEqual([changed.period, changed.planned_events, changed.version], ['2026Q3', 4, 2]);
  await op
    .locator(`[data-testid="plan-row"][data-period="2026Q3"]`)
    .filter({ hasText: course.title })
    .getByTestId('plan-open')
    .click();
  await op.getByTestId('plan-delete').click();
  await op.getByTestId('plan-delete-yes').click();
  await op.getByTestId('plans').waitFor();
  await assert.rejects(officer.get(`/training-plans/${plan.id}`), /: 404 /);
  await op.context().close();

  // A manager cannot delete a course used by a training; an unused one goes.
  const mgr = await new Api().login('manager.d1', 'demo-pass');
  const unused = await mgr.post('/courses', {
    code: `UN-${s}`,
    title: `Unused ${s}`,
    audience: 'staff',
    duration_hours: 1,
  });
  const mp = await loginAs(browser, 'manager.d1', 'en', PHONE);
  await mp.goto(BASE + `/#/trainings/courses/${course.id}`);
  await mp.getByTestId('course-form').waitFor();
  await mp.getByTestId('course-delete').click();
  await mp.getByTestId('course-delete-yes').click();
  await mp
    .getByTestId('alert-error')
    .filter({ hasText: 'the course is used by 1 training event' })
    .waitFor();
  await mp.screenshot({
    path: outputPath('training-edits-360-course-in-use-en.png'),
    fullPage: true,
  });
  await mp.goto(BASE + `/#/trainings/courses/${unused.id}`);
  await mp.locator('[data-testid="course-code"]').waitFor();
  assert.equal(await mp.getByTestId('course-code').inputValue(), `UN-${s}`);
  await mp.getByTestId('course-delete').click();
  await mp.getByTestId('course-delete-yes').click();
  await mp.getByTestId('courses').waitFor();
  assert.equal(await mp.locator(`[data-testid="course-row"][data-code="UN-${s}"]`).count(), 0);
  await mp.context().close();
});
