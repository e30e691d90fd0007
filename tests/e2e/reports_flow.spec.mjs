// Progress reports end to end, in English: officer.t1 creates the monthly progress report of a
// village of its own (two verified activities this month), reads "Activities held: 2" in it,
// writes the narrative and a success story, submits it and exports it as CSV (the file holds the
// value); a manager of the union created here approves it; a third activity verified afterwards
// marks the number "changed since approval". An administrator defines an indicator: a bad filter
// value is refused on its own field first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  Api,
  areaByCode,
  BASE,
  DESKTOP,
  PHONE,
  launch,
  login,
  loginAs,
  newPage,
  outputPath,
  overflow,
  pickArea,
  uniq,
  setAccountLocale,
} from './support.mjs';
import { seedVillage, thisMonth, UNION, verifiedActivity } from './reports_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an officer writes and submits a monthly report, exports it, and a manager of the union approves it', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 2);
  const union = await areaByCode(seed.admin, UNION);
  const approver = `e2e.mgr.${s.toLowerCase()}`;
  const password = 'approve-pass-' + s;
  await seed.admin.post('/users', {
    username: approver,
    full_name: `E2E Approver ${s}`,
    password,
    locale: 'en',
    roles: [{ role: 'manager', area_id: union.id }],
  });

  const page = await loginAs(browser, 'officer.t1', 'en', PHONE);
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('reports').waitFor();
  await page.getByTestId('report-new').click();
  await page.getByTestId('report-form').waitFor();
  await page.getByTestId('report-template').selectOption('MPR');
  await page.getByTestId('report-area-change').click();
  await pickArea(page, 'report-area', seed.code);
  assert.equal(await page.getByTestId('report-period').getAttribute('data-value'), thisMonth());
  await page.screenshot({ path: outputPath('reports-360-new-en.png'), fullPage: true });
  await page.getByTestId('report-create').click();

  const report = page.getByTestId('report');
  await report.waitFor();
  const id = await report.getAttribute('data-id');
  assert.equal(await report.getAttribute('data-status'), 'draft');
  const activities = page.locator('[data-testid="report-indicator"][data-code="ACTIVITIES"]');
  assert.equal(await activities.getByTestId('cell-period').textContent(), '2');
  assert.equal(await activities.getByTestId('cell-target').textContent(), '–');
  // The disaggregation of reach by sex and age is there, folded on a phone.
  const reach = page.locator('[data-testid="report-breakdown"][data-code="REACH"]');
  assert.equal(await reach.evaluate((d) => d.open), false);
  await reach.locator('summary').click();
  await reach.getByTestId('report-disaggregation').waitFor();

  await page
    .getByTestId('report-achievements')
    .fill(`Two community dialogues held in the new village ${s}.`);
  await page.getByTestId('report-challenges').fill('Late harvest kept some men away.');
  await page.getByTestId('report-add-story').click();
  await page.getByTestId('story-0-title').fill('A water point cleaned');
  await page
    .getByTestId('story-0-body')
    .fill("After the dialogue the women's group organised a cleaning rota.");
  await page.getByTestId('report-save').click();
  await page.getByTestId('alert-info').filter({ hasText: 'Saved.' }).waitFor();
  assert.ok((await overflow(page)) <= 0, 'the report fits the phone');
  await page.screenshot({ path: outputPath('reports-360-draft-en.png'), fullPage: true });

  await page.getByTestId('report-submit').click();
  await page.locator('[data-testid="report"][data-status="submitted"]').waitFor();
  await page.locator('[data-testid="report-event"][data-action="submitted"]').waitFor();
  assert.equal(await page.getByTestId('report-submit').count(), 0, 'no second submission');
  assert.equal(
    await page.getByTestId('report-approve').count(),
    0,
    'the author does not approve their own report',
  );

  // CSV export: the server prepares the file, the browser saves it; it holds the value.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-export-csv').click(),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /\.csv$/);
  const line = csv
    .split(/\r?\n/)
    .find((l) => l.includes('ACTIVITIES') || l.includes('Activities held'));
  assert.ok(line, 'the CSV has the activities row:\n' + csv.slice(0, 800));
  assert.match(line, /(^|,|")2(,|"|$)/);
  await page.getByTestId('alert-info').filter({ hasText: 'Downloaded' }).waitFor();
  await page.context().close();

  // The union's manager approves.
  const mgr = await newPage(browser, DESKTOP);
  await mgr.goto(BASE + '/');
  await mgr.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await login(mgr, approver, password);
  await mgr.goto(`/#/reports`);
  await mgr.getByTestId('reports-filters').click();
  await mgr.getByTestId('reports-status-filter').selectOption('submitted');
  await mgr.locator(`[data-testid="report-row"][data-id="${id}"] a`).click();
  await mgr.locator('[data-testid="report"][data-status="submitted"]').waitFor();
  assert.match(
    await mgr.getByTestId('report-achievements').textContent(),
    /Two community dialogues/,
  );
  await mgr.screenshot({ path: outputPath('reports-1280-submitted-en.png'), fullPage: true });
  await mgr.getByTestId('report-approve').click();
  await mgr.locator('[data-testid="report"][data-status="approved"]').waitFor();
  await mgr.getByTestId('report-approved-note').waitFor();
  await mgr
    .locator('[data-testid="report-event"][data-action="approved"]')
    .filter({ hasText: `E2E Approver ${s}` })
    .waitFor();
  assert.equal(
    await mgr
      .locator('[data-testid="report-indicator"][data-code="ACTIVITIES"]')
      .getAttribute('data-changed'),
    'false',
  );

  // A third activity verified after approval: the approved 2 stays, marked as now 3.
  await verifiedActivity(seed.mob, seed.officer, seed.village, `Late ${s}`);
  await mgr.reload();
  const changed = mgr.locator('[data-testid="report-indicator"][data-code="ACTIVITIES"]');
  await changed.locator('[data-testid="report-changed"]').waitFor();
  assert.equal(await changed.getAttribute('data-changed'), 'true');
  assert.equal(await changed.getByTestId('cell-period').textContent(), '2');
  assert.match(
    await changed.getByTestId('report-changed').textContent(),
    /Changed since approval: now 3/,
  );
  // Its breakdown by type keeps the approved figure too, marked.
  const byType = mgr.locator(
    '[data-testid="report-breakdown"][data-code="ACTIVITIES"] [data-testid="report-disaggregation"] tbody tr',
  );
  assert.equal(await byType.count(), 1);
  assert.equal(await byType.getAttribute('data-changed'), 'true');
  assert.equal(await byType.locator('td').first().textContent(), '2');
  assert.match(await byType.locator('.changed').textContent(), /Changed since approval: now 3/);
  await mgr.screenshot({ path: outputPath('reports-1280-approved-en.png'), fullPage: true });
  await mgr.context().close();

  const stored = await seed.admin.get(`/reports/${id}`);
  assert.equal(stored.status, 'approved');
  assert.equal(stored.stories.length, 1);
  assert.equal(stored.challenges, 'Late harvest kept some men away.');
});

test('an administrator defines an indicator; a bad filter value is refused on its field first', async () => {
  const s = uniq().toUpperCase();
  const code = `E2E_WOMEN_${s}`;
  const page = await loginAs(browser, 'admin', 'en', DESKTOP, 'admin-demo-pass');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('rep-tab-indicators').click();
  await page.getByTestId('indicators').waitFor();
  await page.getByTestId('indicator-new').click();
  await page.getByTestId('indicator-form').waitFor();
  await page.getByTestId('ind-code').fill(code);
  await page.getByTestId('ind-name').fill(`Women reached ${s}`);
  await page.getByTestId('ind-name-ps').fill(`رسېدلې ښځې ${s}`);
  await page.getByTestId('ind-record').selectOption('participant');
  await page.getByTestId('ind-measure').selectOption('distinct_people');
  await page.getByTestId('ind-filter-add').click();
  await page.getByTestId('ind-filter-0-field').selectOption('sex');
  await page.getByTestId('ind-filter-0-values').fill('woman');
  await page.getByTestId('ind-dim-age_band').check();
  await page.getByTestId('ind-save').click();
  const err = page.getByTestId('ind-filter-0-values-error');
  await err.waitFor();
  assert.match(await err.textContent(), /woman/);
  await page.screenshot({ path: outputPath('indicators-1280-error-en.png'), fullPage: true });

  await page.getByTestId('ind-filter-0-values').fill('f');
  await page.getByTestId('ind-save').click();
  await page.locator(`[data-testid="indicator-detail"][data-code="${code}"]`).waitFor();
  assert.match(await page.getByTestId('indicator-filters').textContent(), /sex: f/);
  await page.screenshot({ path: outputPath('indicators-1280-detail-en.png'), fullPage: true });

  const api = await new Api().login();
  const d = await api.get(`/indicators/${code}`);
  assert.equal(d.record, 'participant');
  assert.deepEqual(d.filters, [{ field: 'sex', values: ['f'] }]);
  assert.ok(d.dims.includes('age_band'));
  assert.equal(d.names.ps, `رسېدلې ښځې ${s}`);

  // Listed in the library; in Pashto by its Pashto name.
  await page.goto('/#/indicators');
  await page
    .locator(`[data-testid="indicator-row"][data-code="${code}"]`)
    .filter({ hasText: `Women reached ${s}` })
    .waitFor();
  // The app speaks the account's language: switch the account, as the language menu does.
  await setAccountLocale('admin', 'admin-demo-pass', 'ps');
  await page.reload();
  await page
    .locator(`[data-testid="indicator-row"][data-code="${code}"]`)
    .filter({ hasText: `رسېدلې ښځې ${s}` })
    .waitFor();
  await page.context().close();
});
