// Community profiles and risks on a 360 x 740 phone, in English and in Pashto (right to left): a
// village profile saved with figures, a facility and a SWOT, shown with its PDF sheet link (the
// sheet fetched and checked to be a PDF); a risk raised and its level changed, the change on
// the home screen of the area's supervisor. Screenshots of each page in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, areaByCode, BASE, launch, loginAs, outputPath, overflow, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';
const today = () => new Date().toISOString().slice(0, 10);

let browser, village;
before(async () => {
  browser = await launch();
  village = await areaByCode(await new Api().login('mobiliser.u1', 'demo-pass'), VILLAGE);
});
after(async () => {
  await browser?.close();
});

for (const lang of ['en', 'ps'])
  test(`a village profile with a SWOT and its PDF sheet (${lang})`, async () => {
    const s = uniq();
    const page = await loginAs(browser, 'mobiliser.u1', lang);
    await page.goto(`${BASE}/#/areas/${village.id}`);
    await page.getByTestId('area-profile').click();
    await page.getByTestId('profile').waitFor();
    await page.getByTestId('profile-new').click();
    await page.getByTestId('profile-form').waitFor();
    await page.getByTestId('pf-as-of').fill(today());
    await page.getByTestId('pf-figures-add').click();
    const n = (await page.locator('[data-testid^="pf-figure-name-"]').count()) - 1;
    await page.getByTestId(`pf-figure-name-${n}`).fill(`Population ${s}`);
    await page.getByTestId(`pf-figure-value-${n}`).fill('1250');
    await page.getByTestId(`pf-figure-source-${n}`).fill('District census');
    await page.getByTestId('pf-facilities-add').click();
    const m = (await page.locator('[data-testid^="pf-facility-name-"]').count()) - 1;
    await page.getByTestId(`pf-facility-name-${m}`).fill(`Girls primary ${s}`);
    await page.getByTestId(`pf-facility-status-${m}`).selectOption('partly_functional');
    const strength =
      lang === 'ps' ? `فعاله کلیوالې ټولنه ${s}` : `Active village organisation ${s}`;
    await page.getByTestId('pf-strengths').fill(strength);
    await page.getByTestId('pf-weaknesses').fill(`No clinic ${s}`);
    await page.getByTestId('pf-opportunities').fill(`New road ${s}`);
    await page.getByTestId('pf-threats').fill(`Floods ${s}\nWinter closure ${s}`);
    assert.ok((await overflow(page)) <= 0, 'the form fits the phone');
    await page.screenshot({
      path: outputPath(`community-profile-form-${lang}.png`),
      fullPage: true,
    });
    await page.getByTestId('pf-save').click();

    await page.getByTestId('profile').waitFor();
    await page.getByTestId('swot-strengths').getByText(strength).waitFor();
    assert.equal(await page.getByTestId('swot-threats').getAttribute('data-count'), '2');
    await page.getByTestId('profile-facilities').getByText(`Girls primary ${s}`).waitFor();
    if (lang === 'ps') {
      assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
      await page.getByRole('heading', { name: /د ټولنې پېژندپاڼه/, level: 1 }).waitFor();
    } else {
      await page.getByRole('heading', { name: /Community profile/, level: 1 }).waitFor();
    }
    assert.ok((await overflow(page)) <= 0, 'the profile fits the phone');
    await page.screenshot({ path: outputPath(`community-profile-${lang}.png`), fullPage: true });

    const href = await page.getByTestId('profile-pdf').getAttribute('href');
    assert.match(href, new RegExp(`format=pdf&lang=${lang}`));
    const pdf = await page.request.get(BASE + href);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');
    await page.close();
  });

for (const lang of ['en', 'ps'])
  test(`a risk raised and its level changed, seen by the supervisor (${lang})`, async () => {
    const s = uniq();
    const page = await loginAs(browser, 'mobiliser.u1', lang);
    await page.goto(`${BASE}/#/areas/${village.id}`);
    await page.getByTestId('area-risks').click();
    await page.getByTestId('risks').waitFor();
    await page.getByTestId('risk-new').click();
    await page.getByTestId('risk-category').selectOption('security');
    await page.getByTestId('risk-description').fill(`Checkpoint on the market road ${s}`);
    await page.getByTestId('risk-likelihood').selectOption('2');
    await page.getByTestId('risk-impact').selectOption('2');
    await page.getByTestId('risk-next-review').fill(today());
    await page.getByTestId('risk-save').click();
    const item = page.getByTestId('risk').filter({ hasText: `market road ${s}` });
    await item.waitFor();
    assert.equal(await item.getByTestId('risk-band').getAttribute('data-band'), 'low');
    assert.equal(await item.getByTestId('risk-overdue').count(), 0, 'due today is not overdue');

    await item.getByTestId('risk-edit').click();
    await item.getByTestId('risk-likelihood').selectOption('5');
    await item.getByTestId('risk-impact').selectOption('4');
    assert.match(await item.getByTestId('risk-form-level').textContent(), /20/);
    await item.getByTestId('risk-save').click();
    await page
      .locator(`[data-testid="risk"][data-level="20"]`)
      .filter({ hasText: `market road ${s}` })
      .waitFor();
    assert.equal(await item.getByTestId('risk-band').getAttribute('data-band'), 'critical');
    assert.ok((await overflow(page)) <= 0, 'the register fits the phone');
    await page.screenshot({ path: outputPath(`community-risks-${lang}.png`), fullPage: true });
    await page.close();

    const boss = await loginAs(browser, 'officer.t1', lang);
    await boss.goto(`${BASE}/#/home`);
    await boss.getByTestId('home-risk-changes').getByText(`market road ${s}`).waitFor();
    assert.ok((await overflow(boss)) <= 0, 'home fits the phone');
    await boss.screenshot({
      path: outputPath(`community-home-alerts-${lang}.png`),
      fullPage: true,
    });
    await boss.close();
  });
