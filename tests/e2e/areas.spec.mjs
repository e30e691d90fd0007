// (b) An admin creates an area under an existing one.
// (c) A user scoped to an area, with role mobiliser, sees only that area.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, DESKTOP, PHONE, launch, login, logout, newPage, openMenu, uniq } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('admin creates a sub-area under an existing area', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const parent = await api.firstChild(root.id);
  const code = 'E2E-' + uniq().toUpperCase();
  const name = 'E2E area ' + code;

  const page = await newPage(browser, DESKTOP);
  await login(page);
  await page.goto(`/#/areas/${parent.id}`);
  await page.getByTestId('area-detail').waitFor();
  await page.getByTestId('area-new-child').click();
  await page.getByTestId('area-child-name').fill(name);
  await page.getByTestId('area-child-code').fill(code);
  await page.getByTestId('area-child-save').click();

  await page.locator(`[data-testid=area-child][data-code="${code}"]`).waitFor();
  assert.match(await page.getByTestId('alert-info').textContent(), /\S/);

  // A second area with the same code is refused; the message shows in the alert region.
  await page.getByTestId('area-new-child').click();
  await page.getByTestId('area-child-name').fill(name + ' again');
  await page.getByTestId('area-child-code').fill(code);
  await page.getByTestId('area-child-save').click();
  await page.getByTestId('alert-error').filter({ hasText: /\S/ }).waitFor();

  // The new area opens with its breadcrumb.
  await page.locator(`[data-testid=area-child][data-code="${code}"]`).click();
  await page.locator(`[data-testid=area-detail][data-code="${code}"]`).waitFor();
  const crumbs = await page.getByTestId('breadcrumb').textContent();
  assert.ok(crumbs.includes(parent.name) && crumbs.includes(name), crumbs);
  await page.context().close();
});

test('a mobiliser scoped to one area sees only that area', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const parent = await api.firstChild(root.id);
  const code = 'E2U-' + uniq().toUpperCase();
  const area = await api.post('/areas', { parent_id: parent.id, code, name: 'E2E scope ' + code });
  const username = 'e2e.' + uniq();
  const password = 'e2e-pass-' + uniq() + uniq();

  const page = await newPage(browser, DESKTOP);
  await login(page);
  await openMenu(page);
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-new').click();
  await page.getByTestId('user-username').fill(username);
  await page.getByTestId('user-full-name').fill('E2E Mobiliser ' + username);
  await page.getByTestId('user-password').fill(password);
  const row = page.getByTestId('role-row').first();
  await row.getByTestId('role-select').selectOption('mobiliser');
  await row.getByTestId('role-area-search').fill(code);
  await row.locator(`[data-testid=role-area-option][data-code="${code}"]`).click();
  await row.getByTestId('role-area-chosen').waitFor();
  await page.getByTestId('user-save').click();
  await page.locator(`[data-testid=user-edit][data-username="${username}"]`).waitFor();

  // The list finds the new user by name and by role.
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-search').fill(username);
  await page.getByTestId('user-role-filter').selectOption('mobiliser');
  await page.locator(`[data-testid=user-row][data-username="${username}"]`).waitFor();

  await logout(page);
  await page.setViewportSize(PHONE);
  await login(page, username, password);
  // A field user lands on the home screen; the area tree is one tap away in the menu.
  await page.getByTestId('home').waitFor();
  await openMenu(page);
  await page.getByTestId('nav-areas').click();
  const tree = page.getByTestId('area-tree');
  await tree.waitFor();
  await tree.getByTestId('tree-node').first().waitFor();
  const top = tree.locator(':scope > [data-testid=tree-node]');
  assert.equal(await top.count(), 1);
  assert.equal(await top.first().getAttribute('data-code'), code);
  assert.equal(
    (await top.first().getByTestId('tree-link').first().textContent()).trim(),
    area.name,
  );

  // No admin menu entries, and the parent is out of reach.
  await openMenu(page);
  assert.equal(await page.getByTestId('nav-users').count(), 0);
  assert.equal(await page.getByTestId('nav-audit').count(), 0);
  await page.goto(`/#/areas/${parent.id}`);
  await page.getByTestId('alert-error').filter({ hasText: /\S/ }).waitFor();
  await page.context().close();
});

test('admin edits, moves and deletes areas; a refused delete shows the server message', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const children = await api.get(`/areas/${root.id}/children`);
  const [p1, p2] = Array.isArray(children) ? children : children.items;
  const s = uniq().toUpperCase();
  const a = await api.post('/areas', { parent_id: p1.id, code: `E2M-${s}`, name: `E2E move ${s}` });
  await api.post('/areas', { parent_id: a.id, code: `E2M-${s}-K`, name: `E2E kid ${s}` });

  const page = await newPage(browser, DESKTOP);
  await login(page);
  await page.goto(`/#/areas/${a.id}`);
  await page.getByTestId('area-detail').waitFor();

  // Edit: the PATCH carries the version; the new name shows.
  await page.getByTestId('area-edit').click();
  await page.getByTestId('area-edit-name').fill(`E2E moved ${s}`);
  await page.getByTestId('area-edit-name-local').fill(`Переміщена ${s}`);
  await page.getByTestId('area-edit-save').click();
  await page
    .getByTestId('area-name')
    .filter({ hasText: `E2E moved ${s}` })
    .waitFor();

  // Move under the second province.
  await page.getByTestId('area-move').click();
  await page.getByTestId('area-move-picker-search').fill(p2.code);
  await page.locator(`[data-testid=area-move-picker-option][data-code="${p2.code}"]`).click();
  await page.getByTestId('area-move-save').click();
  await page.getByTestId('breadcrumb').filter({ hasText: p2.name }).waitFor();
  assert.equal((await api.get(`/areas/${a.id}`)).parent_id, p2.id);

  // It still has a child: the server refuses (409) and the message is shown.
  await page.getByTestId('area-delete').click();
  await page.getByTestId('area-delete-yes').click();
  const alert = page.getByTestId('alert-error').filter({ hasText: /\S/ });
  await alert.waitFor();
  assert.ok((await api.get(`/areas/${a.id}`)).id);

  // Delete the child first, then the area itself.
  await page.locator(`[data-testid=area-child][data-code="E2M-${s}-K"]`).click();
  await page.locator(`[data-testid=area-detail][data-code="E2M-${s}-K"]`).waitFor();
  await page.getByTestId('area-delete').click();
  await page.getByTestId('area-delete-yes').click();
  await page.locator(`[data-testid=area-detail][data-code="E2M-${s}"]`).waitFor();
  await page.getByTestId('area-delete').click();
  await page.getByTestId('area-delete-yes').click();
  await page.locator(`[data-testid=area-detail][data-code="${p2.code}"]`).waitFor();
  assert.equal((await api.get(`/areas?q=E2M-${s}`)).items.length, 0);
  await page.context().close();
});
