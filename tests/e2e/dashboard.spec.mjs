// The dashboard: for a village of its own with two verified activities this month (and a draft,
// which does not count), the "Activities held" card shows 2; the number opens the two activities,
// each a link to its page; a target of 4 set on the targets screen (first refused with the
// server's field errors) shows 50% achieved with a red light; the monthly trend has a point a
// month so far and the sub-area chart of the union has a bar for the village. Targets come in
// from a CSV file too: a dry run names the bad row, a clean file loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DESKTOP,
  PHONE,
  launch,
  loginAs,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';
import { seedVillage, thisMonth, UNION } from './reports_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function openDashboard(page, code) {
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('dash-area-change').click();
  await pickArea(page, 'dash-area', code);
}

test('the dashboard shows a seeded figure, its records, and % achieved once a target is set', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 2);
  const month = thisMonth();
  const api = await seed.admin.get(
    `/indicators/ACTIVITIES/values?area=${seed.village.id}&period=${month}`,
  );
  assert.equal(
    api.total.period,
    2,
    'two verified activities this month (the draft does not count)',
  );

  const page = await loginAs(browser, 'manager.d1', 'en', PHONE);
  await openDashboard(page, seed.code);
  const card = page.getByTestId('kpi-ACTIVITIES');
  await card.locator(`[data-testid="kpi-value"][data-value="2"]`).waitFor();
  assert.equal(await card.getByTestId('kpi-value').textContent(), '2');
  assert.equal(await card.getByTestId('kpi-target').textContent(), '–');
  assert.equal(await page.getByTestId('dashboard').getAttribute('data-period'), month);
  for (const code of [
    'HH_ORGANISED',
    'HH_POOR_ORGANISED_PCT',
    'REACH',
    'PEOPLE_TRAINED',
    'FEEDBACK_ON_TIME_PCT',
    'SAVINGS',
  ])
    await page.getByTestId('kpi-' + code).waitFor();
  // The trend of activities: a point a month of the year so far, this month's value 2.
  await page.getByTestId('dash-trend-indicator').selectOption('ACTIVITIES');
  const line = page.getByTestId('dash-line');
  await line.waitFor();
  // Months still to come have no point.
  const keys = await line
    .getByTestId('chart-point')
    .evaluateAll((ps) => ps.map((p) => p.dataset.key));
  assert.equal(keys.length, Number(month.slice(5, 7)), keys.join(' '));
  assert.ok(keys.every((k) => k <= month));
  await line.locator(`[data-testid="chart-point"][data-key="${month}"][data-value="2"]`).waitFor();
  await page.getByTestId('dash-no-children').waitFor();
  assert.ok((await overflow(page)) <= 0, 'the dashboard fits the phone');
  await page.screenshot({ path: outputPath('dashboard-360-en.png'), fullPage: true });

  // The number opens the records behind it: the two verified activities, not the draft.
  await card.getByTestId('kpi-value').click();
  await page.getByTestId('indicator-records').waitFor();
  await page.getByTestId('records-row').first().waitFor();
  const ids = await page
    .getByTestId('records-row')
    .evaluateAll((rows) => rows.map((r) => r.dataset.id).sort());
  assert.deepEqual(ids, seed.activities.map((a) => a.id).sort());
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('dashboard-360-records-en.png'), fullPage: true });
  await page.locator(`[data-testid="records-row"][data-id="${seed.activities[0].id}"] a`).click();
  await page
    .locator(`[data-testid="activity-detail"][data-id="${seed.activities[0].id}"]`)
    .waitFor();

  // A target of 4 for this month: first nothing chosen (the server names the fields), then right.
  await page.goto('/#/targets');
  await page.getByTestId('target-form').waitFor();
  await page.getByTestId('target-save').click();
  assert.match(await page.getByTestId('target-value-input-error').textContent(), /required/i);
  await page.getByTestId('target-indicator').selectOption('ACTIVITIES');
  await page.getByTestId('target-value-input').fill('4');
  await page.getByTestId('target-save').click();
  assert.match(await page.getByTestId('target-area-error').textContent(), /no such area/i);
  await pickArea(page, 'target-area', seed.code);
  assert.equal(await page.getByTestId('target-period').getAttribute('data-value'), month);
  await page.screenshot({ path: outputPath('targets-360-form-en.png'), fullPage: true });
  await page.getByTestId('target-save').click();
  await page.getByTestId('alert-info').filter({ hasText: 'Target saved.' }).waitFor();
  const row = page
    .locator('[data-testid="target-row"][data-code="ACTIVITIES"]')
    .filter({ hasText: `Report village ${s}` });
  await row.waitFor();
  assert.equal(await row.getByTestId('target-value').textContent(), '4');
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('targets-360-en.png'), fullPage: true });

  // Back on the dashboard (the area and period are kept): 2 of 4, 50%, red.
  await page.goto('/#/dashboard');
  await card.locator('[data-testid="kpi-target"]').filter({ hasText: /^4$/ }).waitFor();
  assert.equal(await card.getByTestId('kpi-achieved').getAttribute('data-light'), 'red');
  assert.match(await card.getByTestId('kpi-achieved').textContent(), /^50%/);
  assert.equal(await card.getAttribute('data-light'), 'red');
  await page.screenshot({ path: outputPath('dashboard-360-target-en.png'), fullPage: true });
  await page.context().close();
});

test("on a desktop the union compares its villages, and a bar opens the village's records", async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 1);
  const page = await loginAs(browser, 'officer.t1', 'en', DESKTOP);
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('dash-area-change').click();
  await pickArea(page, 'dash-area', UNION);
  await page.getByTestId('dash-trend-indicator').selectOption('ACTIVITIES');
  const bar = page.locator(
    `[data-testid="dash-children"] [data-testid="chart-bar"][data-key="${seed.village.id}"]`,
  );
  await bar.waitFor();
  await page.getByTestId('dash-line').waitFor();
  await page.screenshot({ path: outputPath('dashboard-1280-en.png'), fullPage: true });
  await bar.click();
  await page.getByTestId('indicator-records').waitFor();
  await page.locator(`[data-testid="records-row"][data-id="${seed.activities[0].id}"]`).waitFor();
  assert.equal(await page.getByTestId('records-row').count(), 1);
  await page.context().close();
});

test('targets imported from a CSV file: the dry run names the bad row, then a clean file loads', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 0);
  const month = thisMonth();
  const page = await loginAs(browser, 'manager.d1', 'en', DESKTOP);
  await page.goto('/#/targets');
  await page.getByTestId('targets-import').click();
  await page.getByTestId('target-import').waitFor();
  const file = (rows) => ({
    name: `targets-${s}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'indicator_code,area_code,period,disaggregation,value\n' + rows.join('\n') + '\n',
    ),
  });
  await page
    .getByTestId('import-file')
    .setInputFiles(
      file([`ACTIVITIES,${seed.code},${month},,6`, `NO_SUCH_${s},${seed.code},${month},,5`]),
    );
  await page.getByTestId('import-dry-run').click();
  await page.locator('[data-testid="import-error-row"][data-row="3"]').waitFor();
  assert.ok(
    await page.getByTestId('import-run').isDisabled(),
    'nothing loads while a row is wrong',
  );
  await page.screenshot({ path: outputPath('targets-1280-import-en.png'), fullPage: true });

  await page
    .getByTestId('import-file')
    .setInputFiles(
      file([`ACTIVITIES,${seed.code},${month},,6`, `REACH,${seed.code},${month},sex=f,20`]),
    );
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-ok').waitFor();
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').filter({ hasText: '2 targets loaded.' }).waitFor();
  const list = await seed.admin.get(`/targets?area=${seed.village.id}&period=${month}`);
  assert.deepEqual(
    list.items.map((x) => `${x.indicator_code}|${x.disaggregation}|${x.value}`).sort(),
    ['ACTIVITIES||6', 'REACH|sex=f|20'],
  );
  await page.context().close();
});
