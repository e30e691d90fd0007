// "Fix" from the outbox for memberships and trainee scores (issue 14): entries queued offline
// that the server refuses once back online (a member who joined before the institution was
// formed, a membership ended before it began, a score above the course's test maximum) stay in
// the outbox; "Fix" opens each in its form with what was typed and the server's error, and the
// corrected entry replaces the refused one: each reaches the server exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  BASE,
  PHONE,
  areaByCode,
  householdOfTwo,
  launch,
  backOnline,
  syncedPage,
  trainingToday,
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

async function fixFromOutbox(page, record) {
  await page.goto('/#/outbox');
  const entry = page.locator(
    `[data-testid="outbox-entry"][data-record="${record}"][data-state="failed"]`,
  );
  await entry.getByTestId('outbox-error').waitFor();
  await entry.getByTestId('outbox-fix').click();
}

test('refused membership add and end are fixed from the outbox and arrive once', async () => {
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const village = await areaByCode(mob, VILLAGE);
  const co = await mob.post('/institutions', {
    type: 'CO',
    area_id: village.id,
    name: `Fix CO ${s}`,
    sex_composition: 'women',
    formed_on: '2024-01-10',
  });
  const stays = await householdOfTwo(mob, village, `Stays ${s}`);
  const joins = await householdOfTwo(mob, village, `Joins ${s}`);
  const old = await mob.post(`/institutions/${co.id}/members`, {
    household_id: stays.id,
    role: 'member',
    joined_on: '2024-02-01',
  });

  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await syncedPage(context);
  await context.setOffline(true);
  await page.goto(`/#/institutions/${co.id}`);
  await page.getByTestId('institution-detail').waitFor();

  // Joined before the institution was formed.
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-household-search').fill(`Joins ${s}`);
  await page.locator(`[data-testid="member-household-option"][data-id="${joins.id}"]`).click();
  await page.getByTestId('member-household-chosen').waitFor();
  await page.getByTestId('member-role').selectOption('treasurer');
  await page.getByTestId('member-joined-on').fill('2023-05-01');
  await page.getByTestId('member-save').click();
  const added = page.locator('[data-testid="member-row"][data-pending="true"]', {
    hasText: `Joins ${s}`,
  });
  await added.waitFor();
  const addedId = await added.getAttribute('data-id');

  // Ended before the member joined.
  const oldRow = page.locator(`[data-testid="member-row"][data-id="${old.id}"]`);
  await oldRow.getByTestId('member-end').click();
  await page.getByTestId('member-left-on').fill('2024-01-15');
  await page.getByTestId('member-left-reason').fill('moved away');
  await page.getByTestId('member-end-save').click();
  await oldRow.waitFor({ state: 'detached' });

  await backOnline(page, context, 2);
  assert.equal(
    (await mob.get(`/institutions/${co.id}/members?all=true`)).items.length,
    1,
    'neither refused entry reached the server',
  );

  // The add, in its form: the household, role and date as typed, the server's error by the date.
  await fixFromOutbox(page, addedId);
  await page.getByTestId('member-form').waitFor();
  assert.match(
    await page.getByTestId('member-household-chosen').innerText(),
    new RegExp(`Joins ${s}`),
  );
  assert.equal(await page.getByTestId('member-role').inputValue(), 'treasurer');
  assert.equal(await page.getByTestId('member-joined-on').inputValue(), '2023-05-01');
  await page.getByTestId('member-joined-on-error').waitFor();
  await page.getByTestId('member-joined-on').fill('2024-03-01');
  await page.getByTestId('member-save').click();
  await page.getByTestId('member-form').waitFor({ state: 'detached' });
  await page.locator('[data-testid="offline-status"][data-problems="1"]').waitFor();

  // The end, in its form: the date and reason as typed, the server's error by the date.
  await fixFromOutbox(page, old.id);
  await page.getByTestId('member-end-form').waitFor();
  assert.equal(await page.getByTestId('member-left-on').inputValue(), '2024-01-15');
  assert.equal(await page.getByTestId('member-left-reason').inputValue(), 'moved away');
  await page.getByTestId('member-left-on-error').waitFor();
  await page.getByTestId('member-left-on').fill(today());
  await page.getByTestId('member-end-save').click();
  await page.getByTestId('member-end-form').waitFor({ state: 'detached' });
  await page
    .locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]')
    .waitFor();

  const members = (await mob.get(`/institutions/${co.id}/members?all=true`)).items;
  const joined = members.filter((m) => m.household_id === joins.id);
  assert.equal(joined.length, 1, 'added once');
  assert.equal(joined[0].id, addedId, 'with the id the phone gave it');
  assert.equal(joined[0].joined_on, '2024-03-01');
  assert.equal(joined[0].role, 'treasurer');
  const ended = members.find((m) => m.id === old.id);
  assert.equal(ended.left_on, today());
  assert.equal(ended.left_reason, 'moved away');
  await page.goto('/#/outbox');
  await page.getByTestId('outbox-empty').waitFor();
  await context.close();
});

test('a refused trainee score is fixed from the outbox and arrives once', async () => {
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const s = uniq();
  const village = await areaByCode(mob, VILLAGE);
  const trainees = await householdOfTwo(mob, village, `Trainee ${s}`);
  const training = await trainingToday(mob, village, trainees.people, `FIX-${s}`);

  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await syncedPage(context);
  await context.setOffline(true);
  await page.goto(`/#/trainings/${training.id}`);
  await page.getByTestId('trainee-table').waitFor();
  await page.getByTestId('score-pre-0').fill('6');
  await page.getByTestId('score-post-0').fill('25'); // above the test's maximum of 20
  await page.getByTestId('score-pre-1').fill('4');
  await page.getByTestId('score-post-1').fill('12');
  await page.getByTestId('scores-save').click();
  await page.locator('[data-testid="offline-status"][data-waiting="1"]').waitFor();

  await backOnline(page, context, 1);
  await fixFromOutbox(page, `${training.id}/trainees`);
  await page.getByTestId('trainee-table').waitFor();
  await page.getByTestId('score-post-0-error').waitFor();
  assert.equal(await page.getByTestId('score-pre-0').inputValue(), '6');
  assert.equal(await page.getByTestId('score-post-0').inputValue(), '25');
  assert.equal(await page.getByTestId('score-post-1').inputValue(), '12');
  const before = await mob.get(`/activities/${training.id}`);
  assert.ok(
    before.attendance.every((x) => x.post_score === null),
    'the refused scores did not reach the server',
  );
  await page.getByTestId('score-post-0').fill('16');
  await page.getByTestId('scores-save').click();
  await page
    .locator('[data-testid="offline-status"][data-waiting="0"][data-problems="0"]')
    .waitFor();

  const scored = await mob.get(`/activities/${training.id}`);
  const byPerson = new Map(scored.attendance.map((x) => [x.person_id, x]));
  assert.equal(byPerson.get(trainees.people[0].id).pre_score, 6);
  assert.equal(byPerson.get(trainees.people[0].id).post_score, 16);
  assert.equal(byPerson.get(trainees.people[1].id).post_score, 12);
  await page.goto('/#/outbox');
  await page.getByTestId('outbox-empty').waitFor();
  await context.close();
});
