// Memberships, feedback and trainee scores offline: a mobiliser, with the network cut, adds a
// household to a community organisation and ends another's membership, logs a complaint (the
// receipt gives the reference at once) and enters a training's scores; back online each is on
// the server exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  BASE,
  PHONE,
  areaByCode,
  householdOfTwo,
  launch,
  syncedPage,
  trainingToday,
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

test('memberships, feedback and scores recorded offline are sent once', async () => {
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const village = await areaByCode(mob, VILLAGE);
  const co = await mob.post('/institutions', {
    type: 'CO',
    area_id: village.id,
    name: `Offline CO ${s}`,
    sex_composition: 'women',
    formed_on: '2024-01-10',
  });
  const stays = await householdOfTwo(mob, village, `Leaving ${s}`);
  const joins = await householdOfTwo(mob, village, `Joining ${s}`);
  const old = await mob.post(`/institutions/${co.id}/members`, {
    household_id: stays.id,
    role: 'member',
    joined_on: '2024-02-01',
  });
  const training = await trainingToday(mob, village, joins.people, `OFF-${s}`);

  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await syncedPage(context);
  await context.setOffline(true);

  // Memberships: one added, one ended, both shown as waiting.
  await page.goto(`/#/institutions/${co.id}`);
  await page.getByTestId('institution-detail').waitFor();
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-household-search').fill(`Joining ${s}`);
  await page.locator(`[data-testid="member-household-option"][data-id="${joins.id}"]`).click();
  await page.getByTestId('member-household-chosen').waitFor();
  await page.getByTestId('member-role').selectOption('treasurer');
  await page.getByTestId('member-save').click();
  const added = page.locator('[data-testid="member-row"][data-pending="true"]', {
    hasText: `Joining ${s}`,
  });
  await added.waitFor();
  const oldRow = page.locator(`[data-testid="member-row"][data-id="${old.id}"]`);
  await oldRow.getByTestId('member-end').click();
  await page.getByTestId('member-left-reason').fill('moved away');
  await page.getByTestId('member-end-save').click();
  // Gone from the current members; among all of them, ended and waiting to send.
  await oldRow.waitFor({ state: 'detached' });
  await page.getByTestId('members-all').check();
  await page
    .locator(`[data-testid="member-row"][data-id="${old.id}"][data-pending="true"]`)
    .waitFor();

  // Feedback: the receipt's reference is the record's id, known before it is sent.
  await page.goto('/#/feedback/new');
  await page.getByTestId('feedback-form').waitFor();
  await page.getByTestId('fb-category').selectOption('complaint_service');
  await page.getByTestId('fb-channel').selectOption('hotline');
  await pickArea(page, 'fb-area', VILLAGE);
  await page.getByTestId('fb-description').fill(`The pump is broken ${s}`);
  await page.getByTestId('fb-save').click();
  await page.getByTestId('feedback-receipt-queued').waitFor();
  const feedbackId = await page.getByTestId('feedback-receipt').getAttribute('data-id');

  // Scores of the training, from the working set.
  await page.goto(`/#/trainings/${training.id}`);
  await page.getByTestId('trainee-table').waitFor();
  await page.getByTestId('score-pre-0').fill('6');
  await page.getByTestId('score-post-0').fill('16');
  await page.getByTestId('score-pre-1').fill('4');
  await page.getByTestId('score-post-1').fill('12');
  await page.getByTestId('scores-save').click();
  await page.locator('[data-testid="offline-status"][data-waiting="4"]').waitFor();

  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page
    .locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]')
    .waitFor();

  const members = (await mob.get(`/institutions/${co.id}/members?all=true`)).items;
  assert.equal(members.filter((m) => m.household_id === joins.id).length, 1, 'added once');
  const ended = members.find((m) => m.id === old.id);
  assert.equal(ended.left_on, today());
  assert.equal(ended.left_reason, 'moved away');
  const fb = await mob.get(`/feedback/${feedbackId}`);
  assert.match(fb.description, new RegExp(`The pump is broken ${s}`));
  const found = (await mob.get(`/feedback?q=${encodeURIComponent(s)}`)).items;
  assert.equal(found.length, 1, 'logged once');
  const scored = await mob.get(`/activities/${training.id}`);
  const byPerson = new Map(scored.attendance.map((x) => [x.person_id, x]));
  assert.equal(byPerson.get(joins.people[0].id).post_score, 16);
  assert.equal(byPerson.get(joins.people[1].id).pre_score, 4);
  await context.close();
});
