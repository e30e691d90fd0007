// Field activities on a phone: a mobiliser records a session (counts with a running total),
// attaches a PNG of the attendance sheet (thumbnail shown) and submits it; officer.t1 verifies one
// session and returns another with a comment from the verification queue.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pngOf } from '../api/support.mjs';
import { Api, areaByCode, BASE, launch, loginAs, outputPath, pickArea, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The attendance sheet: a small PNG, blue and yellow squares.
const sheet = () =>
  pngOf(48, 36, (x, y) =>
    ((x >> 3) + (y >> 3)) % 2 === 0 ? [0x1f, 0x5f, 0x8b] : [0xf2, 0xb1, 0x34],
  );

const noOverflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test('an officer records a session facilitated with a mobiliser picked by name from the staff of the area', async () => {
  const page = await loginAs(browser, 'officer.t1');
  await page.goto(BASE + '/#/activities/new');
  await page.getByTestId('activity-form').waitFor();
  await page.getByTestId('act-type').selectOption('community_dialogue');
  await pickArea(page, 'act-area', VILLAGE);
  const colleague = page.getByTestId('act-facilitator-staff');
  const option = colleague.locator('option', { hasText: 'mobiliser (P1-D1-T1-U1)' });
  await option.waitFor({ state: 'attached' });
  const mobiliserId = await option.getAttribute('value');
  await colleague.selectOption(mobiliserId);
  await page
    .locator('[data-testid="act-facilitator"]', { hasText: 'mobiliser (P1-D1-T1-U1)' })
    .waitFor();
  assert.equal(
    await colleague.locator('option', { hasText: 'mobiliser (P1-D1-T1-U1)' }).count(),
    0,
    'not offered twice',
  );
  await page.getByTestId('act-count-f-18-59-0').fill('4');
  assert.ok(await noOverflow(page), 'the form fits the phone');
  await page
    .getByTestId('act-facilitators')
    .screenshot({ path: outputPath('activities-360-facilitators-en.png') });
  await page.getByTestId('act-save').click();
  const detail = page.getByTestId('activity-detail');
  await detail.waitFor();
  const saved = await (
    await new Api().login('officer.t1', 'demo-pass')
  ).get(`/activities/${await detail.getAttribute('data-id')}`);
  assert.ok(
    saved.facilitators.some((x) => x.user_id === mobiliserId),
    JSON.stringify(saved.facilitators),
  );
  await page.context().close();
});

test('a mobiliser records a session on a phone, attaches the attendance sheet and submits it', async () => {
  const s = uniq();
  const page = await loginAs(browser, 'mobiliser.u1');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-activities').click();
  await page.getByTestId('activities').waitFor();
  assert.equal(await page.getByTestId('nav-verify').count(), 0, 'no Verify entry for a mobiliser');
  await page.getByTestId('activity-new').click();
  await page.getByTestId('activity-form').waitFor();

  await page.getByTestId('act-type').selectOption('awareness_session');
  await page.getByTestId('act-topic-iycf').check();
  await page.getByTestId('act-topic-wash').check();
  await page.getByTestId('act-start').fill('10:00');
  await page.getByTestId('act-end').fill('11:30');
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-place').fill(`Mosque courtyard ${s}`);
  await page.getByTestId('act-count-f-18-59-0').fill('12');
  await page.getByTestId('act-count-m-18-59-0').fill('7');
  await page.getByTestId('act-count-f-60+-0').fill('3');
  await page.getByTestId('act-disability-toggle').click();
  await page.getByTestId('act-count-m-5-11-1').fill('1');
  assert.equal(await page.getByTestId('act-total').getAttribute('data-total'), '23');
  assert.match(await page.getByTestId('act-total').textContent(), /Total: 23 participants/);
  await page.getByTestId('act-decisions').fill('Start a hand-washing station at the school.');
  assert.ok(await noOverflow(page), 'the form fits the phone');
  await page.screenshot({ path: outputPath('activities-360-form-en.png'), fullPage: true });
  await page.getByTestId('act-save').click();

  const detail = page.getByTestId('activity-detail');
  await detail.waitFor();
  const id = await detail.getAttribute('data-id');
  assert.equal(await detail.getAttribute('data-status'), 'draft');
  assert.equal(await page.getByTestId('activity-total').textContent(), '23');

  // The attendance sheet: a PNG made here; progress, then a thumbnail served by the API.
  await page
    .getByTestId('activity-file-input')
    .setInputFiles({ name: `attendance-${s}.png`, mimeType: 'image/png', buffer: sheet() });
  const thumb = page.getByTestId('activity-thumb');
  await thumb.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="activity-thumb"]');
    return img && img.complete && img.naturalWidth === 48;
  });
  assert.match(await thumb.getAttribute('src'), /^\/api\/v1\/files\//);
  assert.ok(await noOverflow(page), 'the record page fits the phone');
  await page.screenshot({ path: outputPath('activities-360-detail-en.png'), fullPage: true });

  await page.getByTestId('activity-submit').click();
  await page.locator('[data-testid="activity-status"][data-status="submitted"]').waitFor();
  assert.equal(await page.getByTestId('activity-edit').count(), 0, 'no editing while it waits');

  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const a = await api.get(`/activities/${id}`);
  assert.equal(a.status, 'submitted');
  assert.equal(a.counted_total, 23);
  assert.deepEqual([...a.topics].sort(), ['iycf', 'wash']);
  assert.equal(a.file_count, 1);
  assert.equal(a.start_time, '10:00');

  // Listed among "mine".
  await page.goto('/#/activities');
  await page.locator(`[data-testid="activity-row"][data-id="${id}"]`).waitFor();
  await page.screenshot({ path: outputPath('activities-360-list-en.png'), fullPage: true });
  await page.context().close();
});

async function submittedActivity(api, village, place) {
  const a = await api.post('/activities', {
    type: 'community_dialogue',
    held_on: new Date().toISOString().slice(0, 10),
    area_id: village.id,
    place,
    counts: [
      { sex: 'f', age_band: '18-59', disability: false, count: 9 },
      { sex: 'm', age_band: '18-59', disability: false, count: 4 },
    ],
  });
  return api.post(`/activities/${a.id}/submit`, { version: a.version });
}

test('officer.t1 verifies one session and returns another with a comment from the queue', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  const one = await submittedActivity(mob, village, `Verify me ${s}`);
  const two = await submittedActivity(mob, village, `Return me ${s}`);

  const page = await loginAs(browser, 'officer.t1');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-verify').click();
  await page.getByTestId('verify-queue').waitFor();
  await page.locator(`[data-testid="activity-row"][data-id="${one.id}"]`).waitFor();
  assert.ok(await noOverflow(page));
  await page.screenshot({ path: outputPath('activities-360-queue-en.png'), fullPage: true });

  await page.locator(`[data-testid="activity-row"][data-id="${one.id}"] a`).click();
  await page.getByTestId('activity-detail').waitFor();
  await page.getByTestId('activity-verify').click();
  await page.getByTestId('verify-queue').waitFor();
  await page.getByTestId('alert-info').filter({ hasText: 'Verified.' }).waitFor();
  await page
    .locator(`[data-testid="activity-row"][data-id="${one.id}"]`)
    .waitFor({ state: 'detached' });

  await page.locator(`[data-testid="activity-row"][data-id="${two.id}"] a`).click();
  await page.getByTestId('activity-return').click();
  assert.ok(
    await page.getByTestId('activity-return-send').isDisabled(),
    'a return needs a comment',
  );
  await page
    .getByTestId('activity-return-comment-input')
    .fill('Please add the attendance sheet photo.');
  await page.screenshot({ path: outputPath('activities-360-return-en.png'), fullPage: true });
  await page.getByTestId('activity-return-send').click();
  await page.getByTestId('verify-queue').waitFor();
  await page
    .locator(`[data-testid="activity-row"][data-id="${two.id}"]`)
    .waitFor({ state: 'detached' });

  assert.equal((await mob.get(`/activities/${one.id}`)).status, 'verified');
  const returned = await mob.get(`/activities/${two.id}`);
  assert.equal(returned.status, 'returned');
  assert.equal(returned.return_comment, 'Please add the attendance sheet photo.');
  await page.context().close();

  // The author sees the comment and may edit again.
  const author = await loginAs(browser, 'mobiliser.u1');
  await author.goto(`/#/activities/${two.id}`);
  await author
    .getByTestId('activity-return-comment')
    .filter({ hasText: 'attendance sheet photo' })
    .waitFor();
  await author.getByTestId('activity-edit').waitFor();
  await author.context().close();
});
