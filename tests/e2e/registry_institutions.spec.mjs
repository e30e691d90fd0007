// Registry, institutions: create a CO federated into a VO (a date in the future is refused on its
// field first), add a household as a member, enter an assessment and see its grade; then change
// the status with a date and reason and end the membership. On a phone.
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

const UNION = 'P1-D1-T1-U1';
const VILLAGE = 'P1-D1-T1-U1-V1';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('create an institution, add a member, assess it and see the grade', async () => {
  const api = await new Api().login();
  const s = uniq();
  const union = await areaByCode(api, UNION);
  const village = await areaByCode(api, VILLAGE);
  const vo = await api.post('/institutions', {
    type: 'VO',
    area_id: union.id,
    name: `E2E VO ${s}`,
    sex_composition: 'women',
    formed_on: '2024-01-10',
  });
  const hh = await api.post('/households', {
    area_id: village.id,
    head_name: `E2E Member ${s}`,
    people: [
      { name: `E2E Member ${s}`, sex: 'f', relation: 'head', age: 35 },
      { name: `E2E Daughter ${s}`, sex: 'f', relation: 'daughter', age: 16 },
    ],
  });

  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto('/#/institutions');
  await page.getByTestId('institution-new').click();
  await page.getByTestId('institution-form').waitFor();
  await page.getByTestId('inst-type').selectOption('CO');
  await pickArea(page, 'inst-area', VILLAGE);
  await page.getByTestId('inst-parent-change').click();
  await page.getByTestId('inst-parent-search').fill(`E2E VO ${s}`);
  await page.locator(`[data-testid="inst-parent-option"][data-id="${vo.id}"]`).click();
  await page.getByTestId('inst-name').fill(`E2E CO ${s}`);
  await page.getByTestId('inst-sex-composition').selectOption('women');
  await page.getByTestId('inst-meeting-frequency').selectOption('monthly');
  await page.getByTestId('inst-formed-on').fill('2099-01-01');
  await page.getByTestId('inst-save').click();
  await page.getByTestId('inst-formed-on-error').waitFor();
  await page.screenshot({ path: outputPath('registry-institution-form-en.png'), fullPage: true });

  await page.getByTestId('inst-formed-on').fill('2025-02-01');
  await page.getByTestId('inst-save').click();
  const detail = page.getByTestId('institution-detail');
  await detail.waitFor();
  const id = await detail.getAttribute('data-id');
  assert.equal(await page.getByTestId('institution-name').textContent(), `E2E CO ${s}`);
  assert.equal((await api.get(`/institutions/${id}`)).parent_id, vo.id);

  // A household member, represented by the daughter rather than the head.
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-household-search').fill(`E2E Member ${s}`);
  await page.locator(`[data-testid="member-household-option"][data-id="${hh.id}"]`).click();
  await page.getByTestId('member-household-chosen').waitFor();
  await page
    .getByTestId('member-person')
    .selectOption(hh.people.find((p) => p.relation === 'daughter').id);
  await page.getByTestId('member-role').selectOption('treasurer');
  await page.getByTestId('member-joined-on').fill('2025-03-01');
  await page.getByTestId('member-save').click();
  const member = page.locator('[data-testid="member-row"]', { hasText: `E2E Member ${s}` });
  await member.waitFor();
  assert.match(await member.textContent(), new RegExp(`E2E Daughter ${s}`));
  assert.equal(
    await page.getByTestId('institution-member-count').evaluate((e) => e.firstChild.textContent),
    '1',
  );

  // Assessment on the configured CO checklist: 8 of 10 on every item = 80% = grade B.
  await page.getByTestId('assessment-add').click();
  await page.getByTestId('assessment-checklist').selectOption('co_grading');
  const items = page.locator('input[data-testid^="assessment-item-"]');
  assert.equal(await items.count(), 10);
  await page.getByTestId('assessment-item-meetings').fill('11');
  await page.getByTestId('assessment-save').click();
  await page.getByTestId('assessment-item-meetings-error').waitFor();
  for (let i = 0; i < 10; i++) await items.nth(i).fill('8');
  assert.match(await page.getByTestId('assessment-total').textContent(), /80 of 100/);
  await page.getByTestId('assessment-date').fill('2026-01-10');
  await page.screenshot({ path: outputPath('registry-assessment-form-en.png'), fullPage: true });
  await page.getByTestId('assessment-save').click();
  const result = page.getByTestId('assessment-result');
  await result.waitFor();
  assert.equal(await result.getAttribute('data-grade'), 'B');
  assert.match(await result.textContent(), /80%.*grade B/);
  await page.locator('[data-testid="grade-badge"]', { hasText: 'B' }).first().waitFor();
  assert.equal(await page.getByTestId('institution-grade').textContent(), 'B');
  assert.equal(await page.getByTestId('assessment-row').count(), 1);
  assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    'no sideways scrolling',
  );
  await page.screenshot({ path: outputPath('registry-institution-detail-en.png'), fullPage: true });

  // The VO's members are institutions federated into it, each with a representative who is one
  // of that institution's members.
  await page.goto(`/#/institutions/${vo.id}`);
  await page.getByTestId('member-add').click();
  await page.getByTestId('member-institution').selectOption(id);
  await page
    .getByTestId('member-person')
    .selectOption(hh.people.find((p) => p.relation === 'daughter').id);
  await page.getByTestId('member-joined-on').fill('2025-06-01');
  await page.getByTestId('member-save').click();
  await page.locator('[data-testid="member-row"]', { hasText: `E2E CO ${s}` }).waitFor();
  const voMembers = await api.get(`/institutions/${vo.id}/members`);
  assert.equal(voMembers.items[0].member_institution_id, id);
  await page.goto(`/#/institutions/${id}`);
  await page.getByTestId('institution-detail').waitFor();

  // Status change: active since a date, with a reason; then end the membership.
  await page.getByTestId('institution-edit').click();
  await page.getByTestId('inst-status').selectOption('active');
  await page.getByTestId('inst-status-on').fill('2025-04-01');
  await page.getByTestId('inst-status-reason').fill('First meeting held');
  await page.getByTestId('inst-save').click();
  await page
    .locator(
      '[data-testid="institution-detail"] [data-testid="status-badge"][data-status="active"]',
    )
    .first()
    .waitFor();
  // An active CO of one member, expected to have 15-25: a warning, not a refusal.
  await page.locator('[data-testid="warnings"] [data-code="size"]').waitFor();
  await page.getByTestId('status-history').locator('summary').click();
  assert.match(await page.getByTestId('status-history').textContent(), /First meeting held/);

  await page.getByTestId('member-end').click();
  await page.getByTestId('member-left-on').fill('2026-02-01');
  await page.getByTestId('member-left-reason').fill('Moved away');
  await page.getByTestId('member-end-save').click();
  await page.getByTestId('members-none').waitFor();
  await page.getByTestId('members-all').check();
  await page.locator('[data-testid="member-row"]', { hasText: 'Moved away' }).waitFor();
  const members = await api.get(`/institutions/${id}/members?all=true`);
  assert.equal(members.items[0].left_on, '2026-02-01');

  // The list finds it by name, filtered by type and status.
  await page.goto('/#/institutions');
  await page.getByTestId('institution-search').fill(`E2E CO ${s}`);
  await page.locator('.filter-box > summary').click();
  await page.getByTestId('institution-type-filter').selectOption('CO');
  await page.getByTestId('institution-status-filter').selectOption('active');
  await page.locator(`[data-testid="institution-row"][data-id="${id}"]`).waitFor();
  assert.equal(await page.getByTestId('institution-row').count(), 1);
  await page.screenshot({ path: outputPath('registry-institutions-en.png'), fullPage: true });
  await page.context().close();
});
