// Collect devices on a phone: the administrator adds a device for a field worker and sees, once,
// the QR code whose text is Collect's settings (the server URL with the device's token) and the
// same URL to type in; the device then reads its form list, and once revoked (after a
// confirmation) it is refused at once. A field worker sees their own devices and cannot add one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, BASE, PHONE, launch, loginAs, newPage, login, uniq } from './support.mjs';
import { deviceFor, formList, readQr, settingsOf } from './collect_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('add a Collect device, scan its QR code, revoke it', async (t) => {
  const api = await new Api().login();
  const worker = (await api.get('/users?q=mobiliser.u1')).items.find(
    (u) => u.username === 'mobiliser.u1',
  );
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto(BASE + '/#/collect/devices');
  await page.getByTestId('col-device-new').click();
  const name = 'E2E phone ' + uniq();
  await page.getByTestId('col-device-name').fill(name);
  await page.getByTestId('col-device-user-search').fill('mobiliser.u1');
  await page.locator(`[data-testid="col-device-user-option"][data-value="${worker.id}"]`).click();
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/devices') && r.request().method() === 'POST',
  );
  await page.getByTestId('col-device-save').click();
  const made = await (await answer).json();
  assert.equal(made.user_id, worker.id);

  // Shown once: the warning, the QR code of the settings, the URL and token to type in.
  await page.getByTestId('col-once-warning').waitFor();
  await page.getByTestId('col-qr').waitFor();
  const text = await readQr(page);
  assert.equal(text, made.settings);
  const settings = settingsOf(text);
  assert.equal(settings.general.server_url, made.server_url);
  assert.ok(made.server_url.endsWith('/openrosa/key/' + made.token), made.server_url);
  assert.match(made.token, /^[A-Za-z0-9!$]{64}$/);
  assert.equal(await page.getByTestId('col-once-url').textContent(), made.server_url);
  assert.equal(await page.getByTestId('col-once-token').textContent(), made.token);
  const width = await page.getByTestId('col-qr').evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(width >= 200 && width <= 360, `QR code ${width} px wide`);

  // The device's URL works for Collect until the device is revoked.
  assert.equal((await formList(made.server_url)).status, 200);
  await page.getByTestId('col-once-done').click();
  await page.getByTestId('col-once-warning').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('col-once-token').count(), 0);

  const row = page.locator(`[data-testid="col-device-row"][data-id="${made.id}"]`);
  await row.getByTestId('col-device-revoke').click();
  await row.getByTestId('col-device-revoke-yes').click();
  await page
    .locator(`[data-testid="col-device-row"][data-id="${made.id}"][data-revoked="true"]`)
    .waitFor();
  assert.equal((await formList(made.server_url)).status, 403);
  const listed = (await api.get('/devices')).items.find((d) => d.id === made.id);
  assert.ok(listed.revoked_at, 'revoked on the server');
  await page.context().close();
});

test('a field worker sees their own devices and adds none', async (t) => {
  const { device } = await deviceFor('mobiliser.u1');
  const page = await loginAs(browser, 'mobiliser.u1');
  await page.goto(BASE + '/#/collect/devices');
  await page.locator(`[data-testid="col-device-row"][data-id="${device.id}"]`).waitFor();
  assert.equal(await page.getByTestId('col-device-new').count(), 0);
  assert.equal(await page.getByTestId('col-device-revoke').count(), 0);
  await page.context().close();
});
