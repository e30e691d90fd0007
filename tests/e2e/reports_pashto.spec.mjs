// The monitoring screens in Pashto on a 360 x 740 phone: right to left (the trend runs from the
// right), no sideways scrolling on the dashboard, the records behind a number, the reports list
// and a report page, targets and the indicator library; the same pages in English for comparison,
// a screenshot of each in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, loginAs, outputPath, overflow, uniq } from './support.mjs';
import { seedVillage, thisMonth } from './reports_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('the dashboard in Pashto: right to left, the trend mirrored, Pashto names and digits', async () => {
  const page = await loginAs(browser, 'officer.t1', 'ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByTestId('menu-toggle').click();
  assert.equal(await page.getByTestId('nav-dashboard').textContent(), 'ډشبورډ');
  await page.getByTestId('nav-dashboard').click();
  await page.getByRole('heading', { name: 'ډشبورډ', level: 1 }).waitFor();
  await page.getByTestId('kpi-ACTIVITIES').getByText('ترسره شوي فعالیتونه').waitFor();
  const line = page.getByTestId('dash-line');
  await line.waitFor();
  assert.equal(await line.locator('svg').getAttribute('data-dir'), 'rtl');
  const xs = await line
    .getByTestId('chart-point')
    .evaluateAll((ps) => ps.map((p) => [p.dataset.key, Number(p.dataset.x)]));
  const sorted = [...xs].sort((a, b) => a[0].localeCompare(b[0]));
  assert.ok(
    sorted.length >= 2 && sorted[0][1] > sorted[sorted.length - 1][1],
    'the first month stands at the right',
  );
  await page.getByTestId('dash-children').waitFor();
  await page.waitForLoadState('networkidle');
  const wide = await overflow(page);
  assert.ok(wide <= 0, `the dashboard is ${wide}px wider than the phone`);
  await page.screenshot({ path: outputPath('dashboard-360-ps.png'), fullPage: true });
  await page.context().close();
});

test('every monitoring screen fits a 360 px phone in English and Pashto', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 1);
  const report = await seed.officer.post('/reports', {
    template_code: 'MPR',
    area_id: seed.village.id,
    period: thisMonth(),
  });
  await seed.officer.request('PATCH', `/reports/${report.id}`, {
    version: report.version,
    achievements: 'د کلي په جومات کې دوه غونډې جوړې شوې.',
    stories: [
      { title: 'د اوبو ځای پاک شو', body: 'د ښځو ډلې د پاکولو نوبت جوړ کړ.', file_ids: [] },
    ],
  });
  const month = thisMonth();
  const pages = [
    ['dashboard', '#/dashboard', 'dash-children'],
    ['records', `#/dashboard/records/ACTIVITIES/${seed.village.id}/${month}/period`, 'records-row'],
    ['reports', '#/reports', 'reports-list'],
    ['report', `#/reports/${report.id}`, 'report-export'],
    ['report-new', '#/reports/new', 'report-form'],
    ['targets', '#/targets', 'targets'],
    ['indicators', '#/indicators', 'indicators-list'],
    ['indicator', '#/indicators/HH_POOR_ORGANISED_PCT', 'indicator-detail'],
  ];
  for (const lang of ['en', 'ps']) {
    const page = await loginAs(browser, 'officer.t1', lang);
    for (const [name, hash, ready] of pages) {
      await page.goto(BASE + '/' + hash);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const wide = await overflow(page);
      assert.ok(wide <= 0, `${name} (${lang}) is ${wide}px wider than the phone`);
      assert.equal(
        await page.evaluate(() => document.documentElement.dir),
        lang === 'ps' ? 'rtl' : 'ltr',
      );
      await page.screenshot({
        path: outputPath(`reports-360-${name}-${lang}.png`),
        fullPage: true,
      });
    }
    // The report in Pashto: translated headings and status, the narrative right to left.
    if (lang === 'ps') {
      await page.goto(BASE + `/#/reports/${report.id}`);
      await page.getByTestId('report').waitFor();
      assert.equal(await page.getByTestId('report-status').textContent(), 'مسوده');
      await page.getByRole('heading', { name: 'فعالیتونه او رسېدنه' }).waitFor();
      await page.getByTestId('report-submit').filter({ hasText: 'د تایید لپاره ولېږئ' }).waitFor();
    }
    await page.context().close();
  }
});
