// Registry, households: register a household of two people on a phone (one with "a lot of
// difficulty" walking) and find it in the list; a second household with the same national ID is
// refused until the user confirms; the duplicate review then merges the pair.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  areaByCode,
  PHONE,
  launch,
  login,
  newPage,
  outputPath,
  pickArea,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function fillPerson(page, i, p) {
  await page.getByTestId(`person-${i}-name`).fill(p.name);
  await page.getByTestId(`person-${i}-sex`).selectOption(p.sex);
  await page.getByTestId(`person-${i}-relation`).selectOption(p.relation);
  if (p.age !== undefined) {
    await page.getByTestId(`person-${i}-mode-age`).check();
    await page.getByTestId(`person-${i}-age`).fill(String(p.age));
  } else {
    await page.getByTestId(`person-${i}-mode-date`).check();
    await page.getByTestId(`person-${i}-birth-date`).fill(p.birth_date);
  }
  if (p.wg)
    for (const [domain, answer] of Object.entries(p.wg))
      await page.getByTestId(`person-${i}-wg-${domain}`).selectOption(String(answer));
}

const NO_DIFFICULTY = {
  seeing: 1,
  hearing: 1,
  mobility: 1,
  cognition: 1,
  self_care: 1,
  communication: 1,
};

test('register a household with two people on a phone and find it in the list', async () => {
  const s = uniq();
  const head = `E2E Gul ${s}`;
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();

  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('hh-father-name').fill(`E2E Father ${s}`);
  await page.getByTestId('hh-psc-score').fill('14.5');
  await page.getByTestId('hh-psc-date').fill('2025-05-01');
  // The head's row follows the head's name.
  assert.equal(await page.getByTestId('person-0-name').inputValue(), head);
  await fillPerson(page, 0, {
    name: head,
    sex: 'f',
    relation: 'head',
    birth_date: '1985-03-01',
    wg: NO_DIFFICULTY,
  });
  await page.getByTestId('hh-add-person').click();
  await fillPerson(page, 1, {
    name: `E2E Child ${s}`,
    sex: 'm',
    relation: 'son',
    age: 12,
    wg: { ...NO_DIFFICULTY, mobility: 3 },
  });
  await page.getByTestId('person-1-displacement').selectOption('idp');
  await page.screenshot({ path: outputPath('registry-household-form-en.png'), fullPage: true });
  await page.getByTestId('hh-save').click();

  const detail = page.getByTestId('household-detail');
  await detail.waitFor();
  assert.equal(await page.getByTestId('household-name').textContent(), head);
  const rows = page.getByTestId('person-row');
  assert.equal(await rows.count(), 2);
  assert.equal(
    await page.locator('[data-testid="person-disability"][data-value="true"]').count(),
    1,
  );
  assert.match(await page.getByTestId('household-band').textContent(), /^Chronically poor/);
  const flags = await page
    .getByTestId('household-flag')
    .evaluateAll((els) => els.map((e) => e.dataset.flag).sort());
  assert.deepEqual(flags, ['disability', 'displaced', 'female_headed']);
  await page.screenshot({ path: outputPath('registry-household-detail-en.png'), fullPage: true });

  // Edit: the son's walking answer changes, and a third person joins.
  await page.getByTestId('household-edit').click();
  await page.getByTestId('household-form').waitFor();
  // A registered person shows a line of what is known until "Change details" opens the rest.
  assert.match(await page.getByTestId('person-1-summary').innerText(), /\S/);
  await page.getByTestId('person-1-more').click();
  assert.equal(await page.getByTestId('person-1-wg-mobility').inputValue(), '3');
  await page.getByTestId('person-1-wg-mobility').selectOption('2');
  await page.getByTestId('hh-add-person').click();
  await fillPerson(page, 2, { name: `E2E Mother ${s}`, sex: 'f', relation: 'parent', age: 70 });
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-detail').waitFor();
  await page.locator('[data-testid="person-row"]').nth(2).waitFor();
  assert.equal(
    await page.locator('[data-testid="person-disability"][data-value="true"]').count(),
    0,
  );

  // In the list, by its head's name; no page wider than the phone.
  await page.goto('/#/households');
  await page.getByTestId('household-search').fill(head);
  const row = page.locator('[data-testid="household-row"]', { hasText: head });
  await row.waitFor();
  assert.equal(await page.getByTestId('household-row').count(), 1);
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'no sideways scrolling',
  );
  await page.screenshot({ path: outputPath('registry-households-en.png'), fullPage: true });
  await page.context().close();
});

test('a second household with the same national ID needs confirming; the review merges them', async () => {
  const api = await new Api().login();
  const s = uniq();
  const nid = String(Date.now()).slice(-9) + String(Math.floor(Math.random() * 9000) + 1000);
  const village = await areaByCode(api, VILLAGE);
  const first = await api.post('/households', {
    area_id: village.id,
    head_name: `E2E First ${s}`,
    national_id: nid,
    people: [{ name: `E2E First ${s}`, sex: 'm', relation: 'head', age: 40 }],
  });

  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto('/#/households/new');
  await pickArea(page, 'hh-area', VILLAGE);
  await page.getByTestId('hh-head-name').fill(`E2E Second ${s}`);
  await page.getByTestId('hh-national-id').fill(nid);
  await fillPerson(page, 0, { name: `E2E Second ${s}`, sex: 'm', relation: 'head', age: 41 });
  await page.getByTestId('hh-save').click();

  // Refused: the form names the household that has the ID, and nothing was created.
  const box = page.getByTestId('household-duplicate');
  await box.waitFor();
  assert.match(
    await page.getByTestId('household-duplicate-detail').textContent(),
    new RegExp(`E2E First ${s}`),
  );
  await page.getByTestId('hh-national-id-error').waitFor();
  await page.screenshot({
    path: outputPath('registry-household-duplicate-en.png'),
    fullPage: true,
  });
  assert.equal((await api.get(`/households?q=${encodeURIComponent('E2E Second ' + s)}`)).total, 0);

  await page.getByTestId('household-duplicate-confirm').click();
  await page.getByTestId('household-detail').waitFor();
  const secondId = await page.getByTestId('household-detail').getAttribute('data-id');
  assert.notEqual(secondId, first.id);

  // The review lists the pair side by side; keep the first.
  await page.goto('/#/households/duplicates');
  await pickArea(page, 'dup-area', VILLAGE);
  const pair = page.locator(
    `[data-testid="dup-pair"][data-a="${first.id}"][data-b="${secondId}"], [data-testid="dup-pair"][data-a="${secondId}"][data-b="${first.id}"]`,
  );
  await pair.waitFor();
  assert.equal(await pair.getByTestId('dup-side').count(), 2);
  await page.screenshot({ path: outputPath('registry-duplicates-en.png'), fullPage: true });
  const keepSide = (await pair.getAttribute('data-a')) === first.id ? 'dup-keep-a' : 'dup-keep-b';
  await pair.getByTestId(keepSide).click();
  await pair.getByTestId('dup-merge-yes').click();
  await page
    .getByTestId('alert-info')
    .filter({ hasText: `E2E First ${s}` })
    .waitFor();
  await pair.waitFor({ state: 'detached' });

  const kept = await api.get(`/households/${first.id}`);
  assert.equal(kept.people.length, 2, "the other household's person moved to the kept one");
  assert.equal(
    (await api.get(`/households?q=${encodeURIComponent('E2E Second ' + s)}`)).total,
    0,
    'the merged household left the lists',
  );
  await page.context().close();
});
