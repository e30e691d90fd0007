// A custom survey from upload to review, on a phone: the administrator uploads an XForm (a bad
// file first: its problems are listed and nothing is made), publishes it, assigns it to a field
// worker's Collect device; the device finds it in its form list and submits an instance with a
// photo through the OpenRosa endpoint; the submission is in the form's table, its answers and
// photo on its page, and a supervisor marks it as having issues with a comment; the exports
// download. Closing the form takes it off the device's list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { BASE, PHONE, launch, login, loginAs, newPage, outputPath, uniq } from './support.mjs';
import { deviceFor, formList, submit, surveyInstance, surveyXForm } from './collect_support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('upload, publish and assign a form; a device submits; a supervisor reviews', async (t) => {
  const formId = 'e2e_water_' + uniq();
  const { device } = await deviceFor('mobiliser.u1');
  const page = await newPage(browser, PHONE);
  await login(page);
  await page.goto(BASE + '/#/collect');
  await page.getByTestId('col-forms').waitFor();

  // A file that is no XForm: refused with the server's words, no form made.
  const bad = outputPath(`${formId}-bad.xml`);
  writeFileSync(bad, '<h:html><h:head><h:title>Broken</h:title></h:head>');
  await page.getByTestId('col-upload-file').setInputFiles(bad);
  await page.getByTestId('col-upload-send').click();
  await page.getByTestId('alert-error').waitFor();
  assert.equal(await page.getByTestId('col-form').count(), 0);

  const good = outputPath(`${formId}.xml`);
  writeFileSync(good, surveyXForm(formId));
  await page.getByTestId('col-upload-file').setInputFiles(good);
  await page.getByTestId('col-upload-send').click();
  await page.getByTestId('col-form').waitFor();
  assert.equal(await page.getByTestId('col-form-id').textContent(), formId);
  const formUrl = page.url();
  const id = decodeURIComponent(formUrl.split('/').pop());
  // Not yet offered to phones: no published version.
  await page.locator('[data-testid="col-form-state"][data-state="draft"]').waitFor();
  const v1 = page.locator('[data-testid="col-version"][data-version="1"]');
  await v1.getByTestId('col-version-publish').click();
  await page
    .locator('[data-testid="col-version"][data-version="1"][data-published="true"]')
    .waitFor();
  await page.locator('[data-testid="col-form-state"][data-state="open"]').waitFor();
  assert.match(await page.getByTestId('col-form-published').textContent(), /^1/);

  // Offered to the device once assigned to it.
  assert.doesNotMatch((await formList(device.server_url)).text, new RegExp(formId));
  await page.getByTestId('col-assign-device-' + device.id).check();
  await page.getByTestId('col-assign-save').click();
  await page.getByTestId('alert-info').waitFor();
  const list = await formList(device.server_url);
  assert.equal(list.status, 200);
  assert.match(list.text, new RegExp(`<formID>${formId}</formID>`));

  // Collect sends an instance with its photo.
  const respondent = 'Gul Bibi ' + uniq();
  const { instanceId, xml } = surveyInstance(formId, '1', respondent, 4);
  const sent = await submit(device.server_url, xml);
  assert.equal(sent.status, 201, sent.text);

  await page.getByTestId('col-form-submissions').click();
  const row = page.locator(`[data-testid="col-sub-row"][data-instance="${instanceId}"]`);
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(respondent));
  await row.locator('[data-testid="review-badge"][data-state="received"]').waitFor();
  // The exports answer files for the signed-in user.
  for (const [testid, type] of [
    ['col-export-csv', /zip/],
    ['col-export-xlsx', /spreadsheetml/],
  ]) {
    const href = await page.getByTestId(testid).getAttribute('href');
    const res = await page.request.get(BASE + href);
    assert.equal(res.status(), 200, testid);
    assert.match(res.headers()['content-type'], type);
  }
  await page.context().close();

  // A supervisor of the worker's area reviews it.
  const sup = await loginAs(browser, 'officer.t1');
  await sup.goto(formUrl.replace(/#.*/, `#/collect/forms/${id}/submissions`));
  await sup.locator(`[data-testid="col-sub-row"][data-instance="${instanceId}"] a`).click();
  await sup.getByTestId('col-submission').waitFor();
  assert.equal(
    await sup.locator('[data-testid="col-sub-value"][data-path="/data/households"]').textContent(),
    '4',
  );
  const thumb = sup.getByTestId('col-sub-thumb');
  await thumb.waitFor();
  await sup.waitForFunction(
    () => document.querySelector('[data-testid="col-sub-thumb"]')?.naturalWidth === 8,
  );
  await sup.getByTestId('col-review-state').selectOption('has_issues');
  await sup.getByTestId('col-review-comment').fill('The photo does not show the pump.');
  await sup.getByTestId('col-review-save').click();
  await sup.locator('[data-testid="col-sub-review"] [data-state="has_issues"]').waitFor();
  const comment = sup.getByTestId('col-sub-comment');
  await comment.waitFor();
  assert.match(await comment.textContent(), /does not show the pump/);
  await sup.context().close();

  // Closed: gone from the device's form list.
  const admin = await newPage(browser, PHONE);
  await login(admin);
  await admin.goto(BASE + `/#/collect/forms/${id}`);
  await admin.getByTestId('col-form-to-closed').click();
  await admin.locator('[data-testid="col-form-state"][data-state="closed"]').waitFor();
  assert.doesNotMatch((await formList(device.server_url)).text, new RegExp(formId));
  await admin.context().close();
});
