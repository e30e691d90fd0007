// The audit log: an admin filters by record type and user and finds a change just made.
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

test('admin filters the audit log by record type and user', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const parent = await api.firstChild(root.id);
  const area = await api.post('/areas', {
    parent_id: parent.id,
    code: 'E2A-' + uniq().toUpperCase(),
    name: 'E2E audit',
  });

  const page = await newPage(browser, DESKTOP);
  await login(page);
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-table').waitFor();
  await page.getByTestId('audit-entity').selectOption('area');
  await page.getByTestId('audit-user').selectOption(api.user.id);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByTestId('audit-from').fill(today);
  await page.getByTestId('audit-apply').click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=audit-row]')];
    return rows.length > 0 && rows.every((r) => r.getAttribute('data-entity') === 'area');
  });
  const first = page.getByTestId('audit-row').first();
  assert.equal(await first.getAttribute('data-action'), 'create');
  assert.ok((await first.locator('[title]').getAttribute('title')) === area.id);
  await page.context().close();
});
