// Community feedback on a phone: mobiliser.u1 logs a complaint and officer.t1 assigns it to
// himself, records the response and closes the loop; an overdue record stands out in the queue;
// a sensitive record logged by the mobiliser leaves only a receipt: the mobiliser cannot see it
// afterwards, focal.d1 can.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, areaByCode, launch, loginAs, outputPath, pickArea, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const noOverflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

test('a complaint logged by a mobiliser is assigned, answered and closed by officer.t1', async () => {
  const s = uniq();
  const text = `The water pump at the school has been broken for two weeks ${s}`;
  const page = await loginAs(browser, 'mobiliser.u1');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-feedback').click();
  await page.getByTestId('feedback').waitFor();
  await page.getByTestId('feedback-new').click();
  await page.getByTestId('feedback-form').waitFor();
  await page.getByTestId('fb-category').selectOption('complaint_service');
  assert.equal(await page.getByTestId('fb-sensitive-notice').count(), 0);
  await page.getByTestId('fb-channel').selectOption('hotline');
  await pickArea(page, 'fb-area', VILLAGE);
  await page.getByTestId('fb-description').fill(text);
  await page.getByTestId('fb-person-name').fill(`Bibi Hawa ${s}`);
  await page.getByTestId('fb-person-contact').fill('0700 123 456');
  await page.getByTestId('fb-person-sex').selectOption('f');
  await page.getByTestId('fb-language').selectOption('ps');
  await page.getByTestId('fb-tags').fill('water, school');
  assert.ok(await noOverflow(page));
  await page.screenshot({ path: outputPath('feedback-360-form-en.png'), fullPage: true });
  await page.getByTestId('fb-save').click();
  const detail = page.getByTestId('feedback-detail');
  await detail.waitFor();
  const id = await detail.getAttribute('data-id');
  assert.equal(await detail.getAttribute('data-status'), 'open');
  assert.equal(
    await page.getByTestId('feedback-actions').count(),
    0,
    'a mobiliser does not work cases',
  );
  await page.context().close();

  // An old complaint, past its due date, to see the overdue highlight.
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  const late = await mob.post('/feedback', {
    area_id: village.id,
    channel: 'suggestion_box',
    category: 'complaint_staff',
    received_on: daysAgo(40),
    description: `Staff came late to the distribution ${s}`,
    anonymous: true,
    tags: ['distribution'],
  });

  const officer = await loginAs(browser, 'officer.t1');
  await officer.goto('/#/feedback');
  await officer.getByTestId('feedback').waitFor();
  await officer.getByTestId('feedback-overdue-filter').check();
  const lateRow = officer.locator(`[data-testid="feedback-row"][data-id="${late.id}"]`);
  await lateRow.waitFor();
  assert.equal(await lateRow.getAttribute('data-overdue'), 'true');
  // The date sits in directional isolates so it keeps its order inside right-to-left text.
  const due = (await lateRow.getByTestId('feedback-due').textContent()).replace(
    /[\u2066-\u2069]/g,
    '',
  );
  assert.equal(due, `Overdue: Due ${late.due_on}`);
  await officer.getByTestId('feedback-analysis').waitFor();
  await officer.getByTestId('fb-chart-category').waitFor();
  assert.ok(await noOverflow(officer));
  await officer.screenshot({ path: outputPath('feedback-360-list-en.png'), fullPage: true });
  await officer.getByTestId('feedback-overdue-filter').uncheck();

  await officer.goto(`/#/feedback/${id}`);
  await officer.getByTestId('feedback-detail').waitFor();
  assert.match(await officer.getByTestId('feedback-description').textContent(), new RegExp(s));
  await officer.getByTestId('fb-step-assign').click();
  await officer.getByTestId('fb-assign-me').click();
  await officer.locator('[data-testid="feedback-detail"][data-status="assigned"]').waitFor();
  assert.match(await officer.getByTestId('feedback-assigned').textContent(), /.+/);

  await officer.getByTestId('fb-step-respond').click();
  await officer.getByTestId('fb-response').fill('The pump was repaired by the water committee.');
  await officer.getByTestId('fb-step-send').click();
  await officer.locator('[data-testid="feedback-detail"][data-status="responded"]').waitFor();

  await officer.getByTestId('fb-step-close').click();
  await officer.getByTestId('fb-loop').selectOption('phone');
  await officer.getByTestId('fb-satisfaction').selectOption('satisfied');
  await officer.getByTestId('fb-note').fill('Called her back.');
  await officer.screenshot({ path: outputPath('feedback-360-detail-en.png'), fullPage: true });
  await officer.getByTestId('fb-step-send').click();
  await officer.locator('[data-testid="feedback-detail"][data-status="closed"]').waitFor();
  const actions = await officer
    .getByTestId('feedback-event')
    .evaluateAll((els) => els.map((e) => e.dataset.action));
  assert.deepEqual(actions, ['logged', 'assign', 'respond', 'close']);
  assert.equal(
    await officer.getByTestId('feedback-actions').count(),
    0,
    'nothing left to do once closed',
  );
  assert.ok(await noOverflow(officer));

  const fb = await mob.get(`/feedback/${id}`);
  assert.equal(fb.status, 'closed');
  assert.equal(fb.loop_closed_by, 'phone');
  assert.equal(fb.satisfaction, 'satisfied');
  await officer.context().close();
});

test('a sensitive record leaves the mobiliser a receipt; only focal.d1 sees it', async () => {
  const s = uniq();
  const page = await loginAs(browser, 'mobiliser.u1');
  await page.goto('/#/feedback/new');
  await page.getByTestId('feedback-form').waitFor();
  await page.getByTestId('fb-category').selectOption('sensitive_sea');
  await page.getByTestId('fb-sensitive-notice').waitFor();
  assert.match(
    await page.getByTestId('fb-sensitive-notice').textContent(),
    /only the feedback focal points/,
  );
  await page.getByTestId('fb-channel').selectOption('cefc_walk_in');
  await pickArea(page, 'fb-area', VILLAGE);
  await page.getByTestId('fb-description').fill(`Sensitive report ${s}`);
  await page.getByTestId('fb-anonymous').check();
  await page.screenshot({ path: outputPath('feedback-360-sensitive-en.png'), fullPage: true });
  await page.getByTestId('fb-save').click();

  const receipt = page.getByTestId('feedback-receipt');
  await receipt.waitFor();
  const id = await receipt.getAttribute('data-id');
  assert.equal(await page.getByTestId('feedback-receipt-id').textContent(), id);
  assert.equal(
    await receipt.getByText(`Sensitive report ${s}`).count(),
    0,
    'the receipt holds no description',
  );
  assert.ok(await noOverflow(page));
  await page.screenshot({ path: outputPath('feedback-360-receipt-en.png'), fullPage: true });

  // Gone for the mobiliser: not in the list, not found by its id.
  await page.goto('/#/feedback');
  await page.getByTestId('feedback-count').or(page.getByTestId('feedback-none')).first().waitFor();
  assert.equal(await page.locator(`[data-testid="feedback-row"][data-id="${id}"]`).count(), 0);
  await page.goto(`/#/feedback/${id}`);
  await page.getByTestId('alert-error').filter({ hasText: /.+/ }).waitFor();
  assert.equal(await page.getByTestId('feedback-detail').count(), 0);
  await page.context().close();

  const focal = await loginAs(browser, 'focal.d1');
  await focal.goto('/#/feedback');
  const row = focal.locator(`[data-testid="feedback-row"][data-id="${id}"]`);
  await row.waitFor();
  await row.locator('a').click();
  await focal.getByTestId('feedback-detail').waitFor();
  assert.match(
    await focal.getByTestId('feedback-description').textContent(),
    new RegExp(`Sensitive report ${s}`),
  );
  await focal.getByTestId('fb-step-assign').waitFor();
  await focal.context().close();
});
