// Users import on a phone, in English and in Pashto (right to left): an administrator checks a
// file whose bad row is named, then loads a clean one; the new users' first passwords are shown
// once, and one of them signs in with hers; the reporting line the file drew is on the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  PHONE,
  launch,
  login,
  loginAs,
  newPage,
  outputPath,
  overflow,
  uniq,
} from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const HEAD = 'username,full_name,role,area_code,supervisor,locale';
const csv = (rows) => Buffer.from([HEAD, ...rows].join('\n') + '\n', 'utf8');
const pick = (page, name, buffer) =>
  page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });

for (const lang of ['en', 'ps'])
  test(`users and their supervisors come in from a file (${lang})`, async () => {
    const s = uniq();
    const [lead, crp] = [`lead.${s}`, `crp.${s}`];
    const good = [
      `${lead},Cluster Lead ${s},officer,P1-D1-T1,manager.d1,${lang}`,
      `${crp},Resource Person ${s},mobiliser,P1-D1-T1-U1,${lead},${lang}`,
    ];
    const page = await loginAs(browser, 'admin', lang, PHONE, 'admin-demo-pass');
    assert.equal(
      await page.evaluate(() => document.documentElement.dir),
      lang === 'ps' ? 'rtl' : 'ltr',
    );
    await page.goto('/#/users');
    await page.getByTestId('user-import-link').click();
    await page.getByTestId('user-import').waitFor();

    // Row 3 names a supervisor no one has heard of.
    await pick(page, 'users-bad.csv', csv([good[0], good[1].replace(lead, 'no.such.lead')]));
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-check-bad').waitFor();
    const rows = page.getByTestId('import-error-row');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute('data-row'), '3');
    assert.equal((await rows.first().locator('td').allTextContents())[1], 'supervisor');
    assert.ok(await page.getByTestId('import-run').isDisabled());
    assert.ok((await overflow(page)) <= 0, 'the import fits the phone');
    await page.screenshot({ path: outputPath(`user-import-360-bad-${lang}.png`), fullPage: true });

    await pick(page, 'users.csv', csv(good));
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-check-ok').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('first-passwords').waitFor();
    const shown = await page
      .getByTestId('first-password')
      .evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(shown.map(([u]) => u).sort(), [crp, lead].sort());
    assert.ok((await overflow(page)) <= 0, 'the passwords fit the phone');
    await page.screenshot({ path: outputPath(`user-import-360-${lang}.png`), fullPage: true });
    await page.context().close();

    // The resource person signs in with the password shown, and reports to the new lead.
    const password = shown.find(([u]) => u === crp)[1];
    const own = await newPage(browser, PHONE);
    await login(own, crp, password, lang);
    await own.context().close();
    const api = await new Api().login();
    const u = (await api.get(`/users?q=${crp}`)).items.find((x) => x.username === crp);
    assert.equal(u.supervisor_name, `Cluster Lead ${s}`);
  });
