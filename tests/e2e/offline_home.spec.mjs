// The field app's shortcuts: a mobiliser lands on the home screen (a session returned for
// correction, an overdue complaint, an unfinished form, the outbox; today's plan as a named empty
// slot; the area tree one tap away in the menu), and the household form asks less: "use my
// location" fills the coordinates (and says so when refused), age in years by default, the
// disability flag follows the Washington Group answers, and the user's few villages are listed
// without typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  BASE,
  PHONE,
  areaByCode,
  launch,
  login,
  loginAs,
  openMenu,
  outputPath,
  overflow,
  uniq,
} from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';
const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a mobiliser lands on what to do next: returned session, overdue feedback, a draft', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const officer = await new Api().login('officer.t1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  // A session the officer returned with a comment, and a complaint past its due date.
  const a = await mob.post('/activities', {
    type: 'community_dialogue',
    held_on: daysAgo(1),
    area_id: village.id,
    place: `Home ${s}`,
    counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 5 }],
  });
  const submitted = await mob.post(`/activities/${a.id}/submit`, { version: a.version });
  await officer.post(`/activities/${a.id}/return`, {
    version: submitted.version,
    comment: `Count the men too ${s}`,
  });
  const late = await mob.post('/feedback', {
    area_id: village.id,
    channel: 'suggestion_box',
    category: 'complaint_staff',
    received_on: daysAgo(40),
    description: `Late again ${s}`,
    anonymous: true,
  });

  const page = await loginAs(browser, 'mobiliser.u1', 'en');
  await page.goto('/');
  await page.getByTestId('home').waitFor();
  await page.locator(`[data-testid="home-returned-row"][data-id="${a.id}"]`).waitFor();
  assert.match(
    await page.locator(`[data-testid="home-returned-row"][data-id="${a.id}"]`).innerText(),
    new RegExp(`Count the men too ${s}`),
  );
  const lateRow = page.locator(`[data-testid="home-due-row"][data-id="${late.id}"]`);
  await lateRow.waitFor();
  assert.match(await lateRow.innerText(), /overdue/);
  // Today's plan: the card is there (its items are checked in offline_team.spec.mjs).
  assert.match(await page.getByTestId('home-plan').getAttribute('data-state'), /^(none|items)$/);

  // Half a household typed, then away: the home screen lists it and reopens it.
  await page.getByTestId('home-new-household').click();
  await page.getByTestId('household-form').waitFor();
  await page.getByTestId('hh-head-name').fill(`Draft Gul ${s}`);
  const key = 'household:new';
  // Straight away: the form keeps what was typed even when left before its pause.
  await page.goto('/#/home');
  const draft = page.locator(`[data-testid="home-draft"][data-key="${key}"]`);
  await draft.waitFor();
  assert.match(await draft.innerText(), new RegExp(`Draft Gul ${s}`));
  await draft.getByRole('link').click();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await page.getByTestId('hh-head-name').inputValue(), `Draft Gul ${s}`);
  await page.getByTestId('draft-discard').click();

  // The area tree is still one tap away.
  await page.goto('/#/home');
  await openMenu(page);
  await page.getByTestId('nav-areas').click();
  await page.getByTestId('area-tree').waitFor();
  await page.context().close();
});

test('the home screen on a 360-px phone in Pashto', async () => {
  const page = await loginAs(browser, 'mobiliser.u1', 'ps');
  await page.goto('/');
  await page.getByTestId('home').waitFor();
  await page.locator('[data-testid="home-due"][data-count]:not([data-count=""])').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
  await page.screenshot({ path: outputPath('home-360-ps.png'), fullPage: true });
  await page.context().close();
});

async function householdForm(context) {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await login(page, 'mobiliser.u1', 'demo-pass');
  await page.goto('/#/households/new');
  await page.getByTestId('household-form').waitFor();
  return page;
}

test('household form: my location, age in years, disability from the people, my villages', async () => {
  const s = uniq();
  const api = await new Api().login('mobiliser.u1', 'demo-pass');
  const context = await browser.newContext({
    viewport: PHONE,
    baseURL: BASE,
    permissions: ['geolocation'],
    geolocation: { latitude: 33.123456, longitude: 69.654321, accuracy: 12 },
  });
  const page = await householdForm(context);

  // The user's villages, listed before any typing; one tap chooses.
  const mine = page.getByTestId('hh-area-mine');
  await mine.waitFor();
  const option = mine.locator(`[data-testid="hh-area-mine-option"][data-code="${VILLAGE}"]`);
  await option.click();
  await page.getByTestId('hh-area-chosen').waitFor();

  await page.getByTestId('hh-gps-button').click();
  await page.locator('[data-testid="hh-gps-state"][data-state="found"]').waitFor();
  assert.equal(await page.getByTestId('hh-latitude').inputValue(), '33.123456');
  assert.equal(await page.getByTestId('hh-longitude').inputValue(), '69.654321');

  const head = `E2E Shortcuts ${s}`;
  await page.getByTestId('hh-head-name').fill(head);
  await page.getByTestId('person-0-sex').selectOption('m');
  await page.getByTestId('person-0-relation').selectOption('head');
  // Age in years is the default: no switch to press.
  await page.getByTestId('person-0-age').fill('45');
  // The disability flag is not asked: it follows the Washington Group answers.
  assert.equal(await page.getByTestId('hh-flag-disability').count(), 0);
  const derived = page.getByTestId('hh-derived-flags');
  assert.doesNotMatch((await derived.getAttribute('data-flags')) ?? '', /disability/);
  for (const d of ['seeing', 'hearing', 'cognition', 'self_care', 'communication'])
    await page.getByTestId(`person-0-wg-${d}`).selectOption('1');
  assert.doesNotMatch((await derived.getAttribute('data-flags')) ?? '', /disability/);
  await page.getByTestId('person-0-wg-mobility').selectOption('3');
  await page.locator('[data-testid="hh-derived-flags"][data-flags~="disability"]').waitFor();
  assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
  await page.screenshot({
    path: outputPath('household-form-shortcuts-360-en.png'),
    fullPage: true,
  });
  await page.getByTestId('hh-save').click();
  await page.getByTestId('household-detail').waitFor();
  const id = await page.getByTestId('household-detail').getAttribute('data-id');

  const h = await api.get(`/households/${id}`);
  assert.equal(h.latitude, 33.123456);
  assert.equal(h.longitude, 69.654321);
  assert.ok(h.flags.includes('disability'), 'the server derived the same flag');
  assert.equal(h.people[0].age, 45);
  assert.equal(h.people[0].birth_date_estimated, true);
  await context.close();
});

test('"use my location" refused: the form says so and the boxes stay for typing', async () => {
  const context = await browser.newContext({ viewport: PHONE, baseURL: BASE });
  const page = await householdForm(context);
  await page.getByTestId('hh-gps-button').click();
  await page.locator('[data-testid="hh-gps-state"][data-state="failed"]').waitFor();
  assert.match(await page.getByTestId('hh-gps-state').innerText(), /location/i);
  await page.getByTestId('hh-latitude').fill('34.5');
  assert.equal(await page.getByTestId('hh-latitude').inputValue(), '34.5');
  await context.close();
});
