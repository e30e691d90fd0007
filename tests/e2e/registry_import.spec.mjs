// Registry imports: a households file with a bad row is checked (dry run) and refused row by row,
// nothing loaded; the corrected file then loads. The institutions page checks a file too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, PHONE, launch, login, newPage, outputPath, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V2';
const HEADER =
  'household_code,area_code,head_name,head_father_name,psc_score,psc_date,person_name,sex,age,relation,' +
  'wg_seeing,wg_hearing,wg_mobility,wg_cognition,wg_self_care,wg_communication';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const csv = (rows) => Buffer.from([HEADER, ...rows].join('\n') + '\n', 'utf8');

async function pick(page, name, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

test('households import: the dry run lists the bad row, then a clean file loads', async () => {
  const api = await new Api().login();
  const s = uniq().toUpperCase();
  const good = [
    `IMP-${s}-1,${VILLAGE},Imp Head ${s},Imp Father ${s},10,2025-01-15,Imp Head ${s},f,40,head,1,1,1,1,1,1`,
    `IMP-${s}-1,,,,,,Imp Son ${s},m,12,son,1,1,4,1,1,1`,
    `IMP-${s}-2,${VILLAGE},Imp Other ${s},,30,2025-01-15,Imp Other ${s},m,55,head,,,,,,`,
  ];
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto('/#/households');
  await page.getByTestId('household-import-link').click();
  await page.getByTestId('household-import').waitFor();

  // Row 3 (the son) has an unknown sex.
  await pick(
    page,
    'households-bad.csv',
    csv([good[0], good[1].replace(',m,12,', ',q,12,'), good[2]]),
  );
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-bad').waitFor();
  const rows = page.getByTestId('import-error-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-row'), '3');
  assert.equal((await rows.first().locator('td').allTextContents())[1], 'sex');
  assert.ok(await page.getByTestId('import-run').isDisabled());
  await page.screenshot({ path: outputPath('registry-import-households-en.png'), fullPage: true });
  assert.equal((await api.get(`/households?q=IMP-${s}`)).total, 0, 'a dry run loads nothing');

  await pick(page, 'households.csv', csv(good));
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-ok').waitFor();
  assert.match(
    await page.getByTestId('import-check-ok').textContent(),
    /3 rows.*2 households, 3 people/,
  );
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor();
  assert.match(
    await page.getByTestId('import-done').textContent(),
    /2 households loaded, with 3 people/,
  );

  const loaded = await api.get(`/households?q=IMP-${s}`);
  assert.equal(loaded.total, 2);
  const first = await api.get(
    `/households/${loaded.items.find((h) => h.code === `IMP-${s}-1`).id}`,
  );
  assert.equal(first.people.length, 2);
  assert.ok(first.flags.includes('disability'), 'the son cannot walk at all');
  await page.context().close();
});

test('institutions import: a file naming an unknown type is refused on its row', async () => {
  const s = uniq().toUpperCase();
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto('/#/institutions/import');
  await page.getByTestId('institution-import').waitFor();
  const file = Buffer.from(
    [
      'code,type,area_code,name,sex_composition',
      `IMPI-${s}-1,CO,${VILLAGE},Imp CO ${s},women`,
      `IMPI-${s}-2,NOPE,${VILLAGE},Imp Bad ${s},women`,
    ].join('\n') + '\n',
  );
  await pick(page, 'institutions.csv', file);
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-bad').waitFor();
  const rows = page.getByTestId('import-error-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().getAttribute('data-row'), '3');
  assert.equal((await rows.first().locator('td').allTextContents())[1], 'type');
  await page.screenshot({
    path: outputPath('registry-import-institutions-en.png'),
    fullPage: true,
  });

  await pick(
    page,
    'institutions-good.csv',
    Buffer.from(
      file
        .toString()
        .split('\n')
        .filter((l) => !l.includes('NOPE'))
        .join('\n'),
    ),
  );
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-check-ok').waitFor();
  await page.getByTestId('import-run').click();
  await page.getByTestId('import-done').waitFor();
  const api = await new Api().login();
  assert.equal((await api.get(`/institutions?q=IMPI-${s}`)).total, 1);
  await page.context().close();
});
