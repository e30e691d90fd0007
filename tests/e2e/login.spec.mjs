// (a) An admin signs in on a phone and sees the area tree; a wrong password shows an alert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, BASE, DESKTOP, launch, login, newPage, openMenu, PHONE, uniq } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('wrong password shows the error in the alert region', async () => {
  const page = await newPage(browser, PHONE);
  await page.goto('/');
  // A made-up account, so reruns never lock out the admin (failures are counted per account).
  await page.getByTestId('login-username').fill('nobody.' + uniq());
  await page.getByTestId('login-password').fill('not-the-password-' + Date.now());
  await page.getByTestId('login-submit').click();
  const alert = page.getByRole('alert').filter({ hasText: /\S/ });
  await alert.waitFor();
  assert.ok((await alert.textContent()).length > 0);
  assert.equal(await page.getByTestId('user-name').count(), 0);
  await page.context().close();
});

test('admin signs in at 360 px and browses the area tree', async () => {
  const api = await new Api().login();
  const root = await api.rootArea();
  const child = await api.firstChild(root.id);

  const page = await newPage(browser, PHONE);
  await login(page);
  const tree = page.getByTestId('area-tree');
  await tree.waitFor();
  const rootNode = tree.locator(`[data-testid=tree-node][data-code="${root.code}"]`);
  await rootNode.getByTestId('tree-link').first().waitFor();
  assert.equal((await rootNode.getByTestId('tree-link').first().textContent()).trim(), root.name);

  // Children load lazily when the node opens (a single top area opens by itself).
  const toggle = rootNode.getByTestId('tree-toggle').first();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await tree.locator(`[data-testid=tree-node][data-code="${child.code}"]`).waitFor();

  // The detail shows the breadcrumb from the ancestors.
  await tree
    .locator(`[data-testid=tree-node][data-code="${child.code}"] >> [data-testid=tree-link]`)
    .first()
    .click();
  const detail = page.getByTestId('area-detail');
  await detail.waitFor();
  assert.equal(await detail.getAttribute('data-code'), child.code);
  assert.match(await page.getByTestId('breadcrumb').textContent(), new RegExp(root.name));

  // Admins see Users and Audit in the (folded) menu.
  await openMenu(page);
  assert.ok(await page.getByTestId('nav-users').isVisible());
  assert.ok(await page.getByTestId('nav-audit').isVisible());

  // The page fits the phone: nothing wider than the viewport.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `page is ${width}px wide`);
  await page.context().close();
});

test('a phone signs in for a device session; a desktop only when asked', async () => {
  // A touch screen (the phone context) ticks "keep me signed in" by itself.
  const phone = await browser.newContext({
    baseURL: BASE,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
  });
  const page = await phone.newPage();
  await login(page);
  const onPhone = await page.evaluate(async () => (await fetch('/api/v1/session')).json());
  assert.ok(onPhone.device, 'a phone sign-in is a device session');
  assert.match(
    onPhone.device.id,
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.match(onPhone.device.name, /\(.+\)$/);
  // The same browser keeps its device id across sign-ins.
  const kept = await page.evaluate(() => localStorage.getItem('mobilise.device'));
  assert.equal(kept, onPhone.device.id);
  await phone.close();

  const desk = await newPage(browser, DESKTOP);
  await desk.goto('/');
  const keep = desk.getByTestId('login-keep');
  await keep.waitFor();
  assert.equal(await keep.isChecked(), false);
  await login(desk);
  const onDesk = await desk.evaluate(async () => (await fetch('/api/v1/session')).json());
  assert.equal(onDesk.device, null);
  await desk.context().close();
});
