// Every Collect screen on a 360 x 740 phone in English and Pashto: right to left in Pashto with
// the screens' own words, no sideways scrolling, and a screenshot of each in tests/output (the
// devices with a new device's QR code, the forms, a form, its submissions, a submission with
// its photo). The Collect entry is in the menu for the administrator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, launch, loginAs, openMenu, outputPath, overflow, uniq } from './support.mjs';
import {
  deviceFor,
  publishedForm,
  submit,
  surveyInstance,
  surveyXForm,
} from './collect_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const WORDS = {
  en: { forms: 'Collect forms', devices: 'Collect devices', values: 'Answers', once: 'again' },
  ps: { forms: 'د Collect فورمې', devices: 'د Collect وسایل', values: 'ځوابونه', once: 'بیا' },
};

test('the Collect screens on a phone in English and Pashto', async (t) => {
  const formId = 'e2e_screens_' + uniq();
  const { api, device } = await deviceFor('mobiliser.u1');
  const form = await publishedForm(api, surveyXForm(formId, '2026.1', 'Water points'), device.id);
  const { xml } = surveyInstance(formId, '2026.1', 'Gul Bibi', 3);
  assert.equal((await submit(device.server_url, xml)).status, 201);
  const sub = (await api.get(`/forms/${form.id}/submissions`)).items[0];

  for (const lang of ['en', 'ps']) {
    const page = await loginAs(browser, 'admin', lang, PHONE, 'admin-demo-pass');
    const w = WORDS[lang];
    assert.equal(
      await page.evaluate(() => document.documentElement.dir),
      lang === 'ps' ? 'rtl' : 'ltr',
    );
    await openMenu(page);
    await page.getByTestId('nav-collect').click();
    const shots = [
      ['forms', 'col-forms', w.forms],
      ['form', 'col-form', 'Water points', `#/collect/forms/${form.id}`],
      ['submissions', 'col-submissions', 'Gul Bibi', `#/collect/forms/${form.id}/submissions`],
      ['submission', 'col-sub-values', w.values, `#/collect/submissions/${sub.id}`],
      ['devices', 'col-devices', w.devices, '#/collect/devices'],
    ];
    for (const [name, testid, words, hash] of shots) {
      if (hash) await page.goto(BASE + '/' + hash);
      await page.getByTestId(testid).waitFor();
      await page.getByText(words).first().waitFor();
      if (name === 'submission') await page.getByTestId('col-sub-thumb').waitFor();
      if (name === 'devices') {
        // A new device: the panel shown once, with its QR code.
        await page.getByTestId('col-device-new').click();
        await page.getByTestId('col-device-name').fill('Phone ' + uniq());
        await page.getByTestId('col-device-user-search').fill('mobiliser.u1');
        await page.getByTestId('col-device-user-option').first().click();
        await page.getByTestId('col-device-save').click();
        await page.getByTestId('col-qr').waitFor();
        assert.match(await page.getByTestId('col-once-warning').textContent(), new RegExp(w.once));
      }
      assert.ok((await overflow(page)) <= 0, `${name} in ${lang} scrolls sideways`);
      await page.screenshot({
        path: outputPath(`collect-${name}-${lang}-360.png`),
        fullPage: true,
      });
    }
    await page.context().close();
  }
});
