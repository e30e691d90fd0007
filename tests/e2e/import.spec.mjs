// (e) Area import: a dry run lists the bad row and loads nothing; a good file then loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, DESKTOP, launch, login, newPage, uniq } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

function csv(rows) {
  return Buffer.from(['code,name,name_local,level,parent_code', ...rows].join('\n') + '\n', 'utf8');
}

async function pick(page, name, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

test('dry run shows the bad row, then a good file loads', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const s = uniq().toUpperCase();

  const page = await newPage(browser, DESKTOP);
  await login(page);
  await page.getByTestId('area-import-link').click();
  await page.getByTestId('area-import').waitFor();

  // One good row, one whose parent does not exist.
  await pick(
    page,
    'bad.csv',
    csv([`IMP-${s}-A,Import ${s} A,,,${root.code}`, `IMP-${s}-B,Import ${s} B,,,NO-SUCH-${s}`]),
  );
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-bad').waitFor();
  const rows = page.getByTestId('import-error-row');
  assert.equal(await rows.count(), 1);
  const cells = await rows.first().locator('td').allTextContents();
  assert.equal(cells[1], 'parent_code');
  assert.match(cells[2], new RegExp(`NO-SUCH-${s}`));
  assert.ok(await page.getByTestId('import-run').isDisabled());
  assert.equal((await api.get(`/areas?q=IMP-${s}`)).items.length, 0, 'a dry run loads nothing');

  // A good file: a district and a village under it, in one go.
  await pick(
    page,
    'good.csv',
    csv([
      `IMP-${s}-A,Import ${s} A,,,${root.code}`,
      `IMP-${s}-C,Import ${s} C,Імпорт ${s},,IMP-${s}-A`,
    ]),
  );
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-ok').waitFor();
  assert.equal(await page.getByTestId('import-error-row').count(), 0);
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor();

  const found = (await api.get(`/areas?q=IMP-${s}`)).items.map((a) => a.code).sort();
  assert.deepEqual(found, [`IMP-${s}-A`, `IMP-${s}-C`]);
  await page.context().close();
});
