// The programme set-up screens in Pashto and English, on a 360 x 740 phone and a desktop: right
// to left in Pashto with the set-up's own words, no sideways scrolling, and a screenshot of each
// page in tests/output: the settings with a changed (unsaved) fiscal year, a template with an
// indicator's breakdown open, the DHIS2 mapping with a new area and data element row. Nothing
// is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, DESKTOP, PHONE, launch, loginAs, outputPath, overflow } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PAGES = [
  ['setup', '#/setup', 'setup', null],
  [
    'settings',
    '#/setup/settings',
    'settings-form',
    async (page) => {
      await page.getByTestId('settings-start-month').selectOption('4');
      await page.locator('[data-testid="settings-preview"][data-changed="true"]').waitFor();
    },
  ],
  ['templates', '#/setup/templates', 'templates-list', null],
  [
    'template',
    '#/setup/templates/QPR',
    'template-form',
    async (page) => {
      await page.getByTestId('tpl-item-1-1-by').locator('summary').click();
      await page.getByTestId('tpl-item-1-1-by-sex').waitFor();
    },
  ],
  [
    'dhis2',
    '#/setup/dhis2',
    'dhis2-form',
    async (page) => {
      await page.getByTestId('d2-unit-add').click();
      await page.getByTestId('d2-map-add').click();
      await page.getByTestId('d2-map-row').last().waitFor();
    },
  ],
];

const WORDS = {
  ps: {
    setup: 'د پروګرام تنظیم',
    settings: 'د پروګرام تنظیمات',
    templates: 'د راپور قالبونه',
    template: 'د پرمختګ درې میاشتنی راپور',
    dhis2: 'د DHIS2 نقشه',
  },
  en: {
    setup: 'Programme set-up',
    settings: 'Programme settings',
    templates: 'Report templates',
    template: 'Quarterly progress report',
    dhis2: 'DHIS2 mapping',
  },
};

for (const [size, viewport] of [
  ['360', PHONE],
  ['1280', DESKTOP],
]) {
  test(`the set-up screens at ${size} px in English and Pashto`, async () => {
    for (const lang of ['en', 'ps']) {
      const page = await loginAs(browser, 'admin', lang, viewport, 'admin-demo-pass');
      assert.equal(
        await page.evaluate(() => document.documentElement.dir),
        lang === 'ps' ? 'rtl' : 'ltr',
      );
      for (const [name, hash, ready, act] of PAGES) {
        await page.goto(BASE + '/' + hash);
        await page.getByTestId(ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.getByRole('heading', { level: 1, name: WORDS[lang][name] }).waitFor();
        if (act) await act(page);
        const wide = await overflow(page);
        assert.ok(wide <= 0, `${name} (${lang}, ${size} px) is ${wide}px wider than the window`);
        await page.screenshot({
          path: outputPath(`setup-${size}-${name}-${lang}.png`),
          fullPage: true,
        });
      }
      if (lang === 'ps') {
        // The set-up tab and the fiscal preview in Pashto words.
        await page.goto(BASE + '/#/reports');
        await page.getByTestId('rep-tab-setup').filter({ hasText: 'تنظیم' }).waitFor();
        await page.goto(BASE + '/#/setup/settings');
        await page.getByTestId('settings-form').waitFor();
        assert.equal(await page.getByTestId('settings-save').textContent(), 'تنظیمات خوندي کړئ');
        await page.getByText('د پروژې پیل', { exact: true }).waitFor();
      }
      await page.context().close();
    }
  });
}
