// Registry summary: the roll-up of the programme shows its figures and a bar chart of the
// sub-areas; a bar opens that sub-area's summary. In Pashto the chart grows from the right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, PHONE, launch, login, newPage, openMenu, outputPath } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The first bar's track and bar rectangles, in SVG units.
async function firstBar(page) {
  return page
    .locator('[data-testid="chart-bar"]')
    .first()
    .evaluate((g) => {
      const [, track, bar] = g.querySelectorAll('rect');
      const n = (r, a) => Number(r.getAttribute(a));
      return {
        trackX: n(track, 'x'),
        trackW: n(track, 'width'),
        barX: n(bar, 'x'),
        barW: n(bar, 'width'),
        value: Number(g.dataset.value),
      };
    });
}

test('the summary shows the figures and a chart of the sub-areas, mirrored in Pashto', async () => {
  const api = await new Api().login();
  const summary = await api.get('/registry/summary');

  const page = await newPage(browser, PHONE);
  await login(page);
  await openMenu(page);
  await page.getByTestId('nav-summary').click();
  await page.getByTestId('summary').waitFor();
  assert.equal(await page.getByTestId('summary-area').textContent(), summary.area.name);
  assert.equal(
    await page.getByTestId('tile-registered').locator('.tile-value').textContent(),
    summary.households.registered.toLocaleString('en'),
  );

  const chart = page.getByTestId('summary-chart');
  await chart.waitFor();
  assert.equal(await chart.getByTestId('chart-bar').count(), summary.children.length);
  assert.equal(await chart.locator('svg').getAttribute('data-dir'), 'ltr');
  // Sorted by the share of poor households organised, largest first.
  const values = await chart
    .getByTestId('chart-bar')
    .evaluateAll((gs) => gs.map((g) => Number(g.dataset.value)));
  assert.deepEqual(
    values,
    [...values].sort((a, b) => b - a),
  );
  const ltr = await firstBar(page);
  assert.equal(ltr.barX, ltr.trackX, 'left to right: the bar starts at the left of its track');
  assert.ok(ltr.barW > 0 && Math.abs(ltr.barW - ltr.value * ltr.trackW) < 0.5);
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'no sideways scrolling',
  );
  await chart.screenshot({ path: outputPath('registry-summary-chart-en.png') });
  await page.screenshot({ path: outputPath('registry-summary-en.png'), fullPage: true });

  // Pashto: the same bars end at the right edge of the track.
  await openMenu(page);
  await page.getByTestId('language-switch').selectOption('ps');
  // The switch waits for the Pashto strings (fetched on first use).
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.getByRole('heading', { name: 'د ثبت لنډیز' }).waitFor();
  assert.equal(await chart.locator('svg').getAttribute('data-dir'), 'rtl');
  const rtl = await firstBar(page);
  assert.equal(rtl.barW, ltr.barW);
  assert.ok(
    Math.abs(rtl.barX + rtl.barW - (rtl.trackX + rtl.trackW)) < 0.01,
    'right to left: the bar ends at the right of its track',
  );
  const label = await chart.locator('.chart-label').first().boundingBox();
  const svgBox = await chart.locator('svg').boundingBox();
  assert.ok(
    svgBox.x + svgBox.width - (label.x + label.width) < 12,
    'the area name sits at the right',
  );
  await chart.screenshot({ path: outputPath('registry-summary-chart-ps.png') });
  await page.screenshot({ path: outputPath('registry-summary-ps.png'), fullPage: true });

  // A bar opens its area's summary.
  const first = await chart.getByTestId('chart-bar').first().getAttribute('data-key');
  await chart.getByTestId('chart-bar').first().click();
  await page.locator(`[data-testid="summary"][data-area-id="${first}"]`).waitFor();
  await page.context().close();
});
