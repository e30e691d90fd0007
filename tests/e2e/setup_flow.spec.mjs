// The programme set-up screens end to end, in English: the programme administrator moves the
// fiscal year to July (a bad threshold refused on its field first) and a quarter's months follow,
// in the settings preview, the values endpoint and a new quarterly report; edits the bi-annual
// template (an indicator added and moved, sections reordered, an untitled section refused on its
// title) and a new report of that template shows it; creates a template on a phone with Pashto
// titles, reads a report of it in Pashto, and deletes an unused one; maps an indicator and an area to DHIS2 from
// the template check and exports a report as DHIS2 JSON holding the data element. An
// administrator and an M&E officer of one province see the same screens read-only; a mobiliser
// is not offered them. Programme-wide settings, templates and mapping are put back afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  Api,
  BASE,
  DESKTOP,
  PHONE,
  launch,
  loginAs,
  outputPath,
  overflow,
  pickArea,
  uniq,
} from './support.mjs';
import { seedVillage, thisMonth } from './reports_support.mjs';

let browser;
let admin;
let saved;
before(async () => {
  browser = await launch();
  admin = await new Api().login();
  saved = {
    settings: await admin.get('/programme-settings'),
    templates: (await admin.get('/report-templates')).items,
    dhis2: await admin.get('/dhis2-mapping'),
  };
});
after(async () => {
  // Put back what the tests changed: the other specs share this programme.
  if (saved) {
    const s = saved.settings;
    await admin.request('PUT', '/programme-settings', {
      fiscal_year_start_month: s.fiscal_year_start_month,
      fiscal_year_label: s.fiscal_year_label,
      light_green: s.light_green,
      light_amber: s.light_amber,
    });
    for (const t of saved.templates)
      await admin.request('PUT', `/report-templates/${t.code}`, {
        items: t.items.map(({ section, indicator_code, by }) => ({ section, indicator_code, by })),
      });
    await admin.request('PUT', '/dhis2-mapping', saved.dhis2);
  }
  await browser?.close();
});

const pad = (n) => String(n).padStart(2, '0');
// The fiscal year (starting in July, named by its start) that today falls in.
function julyYear(d = new Date()) {
  return d.getMonth() + 1 >= 7 ? d.getFullYear() : d.getFullYear() - 1;
}

test('the fiscal year moves to July: a quarter covers July to September in the preview, the values and a new report', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 1);
  await admin.request('PUT', '/programme-settings', {
    fiscal_year_start_month: 1,
    fiscal_year_label: 'start',
  });
  const fy = julyYear();

  const page = await loginAs(browser, 'admin', 'en', PHONE, 'admin-demo-pass');
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('rep-tab-setup').click();
  await page.getByTestId('setup').waitFor();
  await page.getByTestId('setup-settings').click();
  await page.getByTestId('settings-form').waitFor();
  assert.equal(await page.getByTestId('settings-preview').getAttribute('data-changed'), 'false');
  assert.equal(await page.getByTestId('settings-save').isDisabled(), true, 'nothing to save yet');

  // July: the preview shows this fiscal year's first quarter now (January-March) and after the change.
  await page.getByTestId('settings-start-month').selectOption('7');
  await page.locator('[data-testid="settings-preview"][data-changed="true"]').waitFor();
  const q1 = page.locator(`[data-testid="settings-preview-row"][data-period="${fy}Q1"]`);
  assert.equal(await q1.getByTestId('preview-now').textContent(), `Jan ${fy} – Mar ${fy}`);
  assert.equal(await q1.getByTestId('preview-after').textContent(), `Jul ${fy} – Sep ${fy}`);
  await page.getByTestId('settings-fiscal-warning').waitFor();
  assert.match(
    await page.getByTestId('settings-label').locator('..').textContent(),
    new RegExp(`July ${fy} – June ${fy + 1} is called ${fy}`),
  );

  // A green threshold under the amber one is refused on its own field; nothing is saved.
  await page.getByTestId('settings-green').fill('50');
  await page.getByTestId('settings-save').click();
  const err = page.getByTestId('settings-green-error');
  await err.waitFor();
  assert.match(await err.textContent(), /amber must not be above green/i);
  assert.equal((await admin.get('/programme-settings')).fiscal_year_start_month, 1);
  assert.ok((await overflow(page)) <= 0, 'the settings fit the phone');
  await page.screenshot({ path: outputPath('setup-360-settings-error-en.png'), fullPage: true });

  await page.getByTestId('settings-green').fill(String(saved.settings.light_green));
  await page.getByTestId('settings-save').click();
  await page.getByTestId('alert-info').filter({ hasText: 'Programme settings saved.' }).waitFor();
  await page.locator('[data-testid="settings-preview"][data-changed="false"]').waitFor();
  assert.equal(
    await page
      .locator(`[data-testid="settings-preview-row"][data-period="${fy}Q1"]`)
      .getByTestId('preview-now')
      .textContent(),
    `Jul ${fy} – Sep ${fy}`,
  );
  await page.screenshot({ path: outputPath('setup-360-settings-saved-en.png'), fullPage: true });
  const stored = await admin.get('/programme-settings');
  assert.equal(stored.fiscal_year_start_month, 7);
  assert.equal(stored.light_green, saved.settings.light_green);

  // The values endpoint: the quarter now runs from July.
  const v = await admin.get(`/indicators/ACTIVITIES/values?area=${seed.village.id}&period=${fy}Q1`);
  assert.deepEqual([v.period.start, v.period.end], [`${fy}-07-01`, `${fy}-09-30`]);

  // A quarterly report of the village for that quarter says so.
  await page.goto(BASE + '/#/reports/new');
  await page.getByTestId('report-form').waitFor();
  await page.getByTestId('report-template').selectOption('QPR');
  await page.getByTestId('report-area-change').click();
  await pickArea(page, 'report-area', seed.code);
  await page.getByTestId('report-period-year').selectOption(String(fy));
  await page.getByTestId('report-period-part').selectOption('1');
  assert.equal(await page.getByTestId('report-period').getAttribute('data-value'), `${fy}Q1`);
  await page.getByTestId('report-create').click();
  await page.getByTestId('report').waitFor();
  const heading = await page.locator('#report-heading').textContent();
  assert.match(heading, new RegExp(`Q1 ${fy}`));
  assert.match(
    await page.getByTestId('report').locator('dl').first().textContent(),
    new RegExp(`${fy}-07-01 – ${fy}-09-30`),
  );
  await page.screenshot({ path: outputPath('setup-360-qpr-july-en.png'), fullPage: true });
  await page.context().close();

  await admin.request('PUT', '/programme-settings', {
    fiscal_year_start_month: saved.settings.fiscal_year_start_month,
    fiscal_year_label: saved.settings.fiscal_year_label,
  });
});

test('the bi-annual template: an indicator added and moved, sections reordered, an untitled section refused; a new report follows it', async () => {
  const s = uniq().toUpperCase();
  const page = await loginAs(browser, 'admin', 'en', DESKTOP, 'admin-demo-pass');
  await page.goto(BASE + '/#/setup/templates');
  await page.getByTestId('templates-list').waitFor();
  await page.locator('[data-testid="template-row"][data-code="BAR"] a').click();
  await page.getByTestId('template-form').waitFor();

  // Section 2 ("Activities and reach"): add the trainings planned, picked by name.
  const section = page.locator('[data-testid="template-section"][data-index="1"]');
  assert.equal(await page.getByTestId('tpl-section-1-title').inputValue(), 'Activities and reach');
  await page.getByTestId('tpl-section-1-add').click();
  await page.getByTestId('tpl-section-1-pick-search').fill('events planned');
  await page
    .locator('[data-testid="tpl-section-1-pick-option"][data-value="TRAININGS_PLANNED"]')
    .click();
  const codes = () =>
    section.getByTestId('tpl-item').evaluateAll((xs) => xs.map((x) => x.dataset.code));
  assert.deepEqual(await codes(), ['ACTIVITIES', 'REACH', 'ATTENDANCES', 'TRAININGS_PLANNED']);
  // Moved above the attendances, broken down by course.
  await page.getByTestId('tpl-item-1-3-up').click();
  assert.deepEqual(await codes(), ['ACTIVITIES', 'REACH', 'TRAININGS_PLANNED', 'ATTENDANCES']);
  await page.getByTestId('tpl-item-1-2-by').locator('summary').click();
  await page.getByTestId('tpl-item-1-2-by-course').check();
  // The section moves to the top.
  await page.getByTestId('tpl-section-1-up').click();
  assert.equal(await page.getByTestId('tpl-section-0-title').inputValue(), 'Activities and reach');

  // A new section without a title: the server refuses it there.
  await page.getByTestId('tpl-add-section').click();
  await page.getByTestId('tpl-section-5-add').click();
  await page.getByTestId('tpl-section-5-pick-search').fill('savings');
  await page.locator('[data-testid="tpl-section-5-pick-option"][data-value="SAVINGS"]').click();
  await page.getByTestId('template-save').click();
  await page.getByTestId('tpl-section-5-title-error').waitFor();
  await page.screenshot({ path: outputPath('setup-1280-template-error-en.png'), fullPage: true });
  await page.getByTestId('tpl-section-5-title').fill(`Extra ${s}`);
  await page.getByTestId('template-save').click();
  await page
    .getByTestId('alert-info')
    .filter({ hasText: 'Bi-annual progress report saved.' })
    .waitFor();
  await page.screenshot({ path: outputPath('setup-1280-template-saved-en.png'), fullPage: true });

  const bar = (await admin.get('/report-templates')).items.find((x) => x.code === 'BAR');
  const first = bar.items.filter((i) => i.section === 'Activities and reach');
  assert.deepEqual(
    first.map((i) => i.indicator_code),
    ['ACTIVITIES', 'REACH', 'TRAININGS_PLANNED', 'ATTENDANCES'],
  );
  assert.equal(bar.items[0].section, 'Activities and reach');
  assert.deepEqual(first[2].by, ['course']);
  assert.equal(bar.items.at(-1).section, `Extra ${s}`);
  assert.equal(bar.items.at(-1).indicator_code, 'SAVINGS');

  // A new bi-annual report of a village of its own has the sections in that order.
  const seed = await seedVillage(s, 1);
  await page.goto(BASE + '/#/reports/new');
  await page.getByTestId('report-form').waitFor();
  await page.getByTestId('report-template').selectOption('BAR');
  await page.getByTestId('report-area-change').click();
  await pickArea(page, 'report-area', seed.code);
  await page.getByTestId('report-create').click();
  await page.getByTestId('report').waitFor();
  const sections = page.getByTestId('report-section');
  assert.equal(await sections.first().locator('h2').textContent(), 'Activities and reach');
  assert.deepEqual(
    await sections
      .first()
      .getByTestId('report-indicator')
      .evaluateAll((xs) => xs.map((x) => x.dataset.code)),
    ['ACTIVITIES', 'REACH', 'TRAININGS_PLANNED', 'ATTENDANCES'],
  );
  assert.equal(await sections.last().locator('h2').textContent(), `Extra ${s}`);
  await page.context().close();
});

test('a new template at 360 px: code, name, period kind, sections with their Pashto titles; a report from it in Pashto; deleted while unused', async () => {
  const s = uniq().toUpperCase();
  const code = `CEFC-${s}`;
  const page = await loginAs(browser, 'admin', 'en', PHONE, 'admin-demo-pass');
  await page.goto(BASE + '/#/setup/templates');
  await page.getByTestId('template-new').click();
  await page.getByTestId('template-form').waitFor();
  assert.equal(await page.getByTestId('template-delete').count(), 0, 'nothing to delete yet');

  // A code with a space, no name and an untitled section: refused on their fields, nothing saved.
  await page.getByTestId('template-code').fill(`CEFC ${s}`);
  await page.getByTestId('template-period-kind').selectOption('quarter');
  await page.getByTestId('tpl-section-0-add').click();
  await page.getByTestId('tpl-section-0-pick-search').fill('activities held');
  await page.locator('[data-testid="tpl-section-0-pick-option"][data-value="ACTIVITIES"]').click();
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-code-error').waitFor();
  assert.match(await page.getByTestId('template-code-error').textContent(), /letters A-Z/);
  await page.getByTestId('template-name-error').waitFor();
  await page.getByTestId('tpl-section-0-title-error').waitFor();
  assert.ok(!(await admin.get('/report-templates')).items.some((x) => x.code.includes(s)));
  assert.ok((await overflow(page)) <= 0, 'the new template fits the phone');
  await page.screenshot({
    path: outputPath('setup-360-template-new-error-en.png'),
    fullPage: true,
  });

  await page.getByTestId('template-code').fill(code);
  await page.getByTestId('template-name').fill(`CEFC report ${s}`);
  await page.getByTestId('template-name-ps').fill(`د CEFC راپور ${s}`);
  await page.getByTestId('tpl-section-0-title').fill('Reach');
  await page.getByTestId('tpl-section-0-langs').locator('summary').click();
  await page.getByTestId('tpl-section-0-title-ps').fill('رسېدنه');
  await page.getByTestId('tpl-section-0-title-uk').fill('Охоплення');
  await page.getByTestId('tpl-add-section').click();
  await page.getByTestId('tpl-section-1-title').fill('Feedback');
  await page.getByTestId('tpl-section-1-add').click();
  await page.getByTestId('tpl-section-1-pick-search').fill('feedback received');
  await page
    .locator('[data-testid="tpl-section-1-pick-option"][data-value="FEEDBACK_RECEIVED"]')
    .click();
  await page.getByTestId('template-save').click();
  await page
    .getByTestId('alert-info')
    .filter({ hasText: `CEFC report ${s} created.` })
    .waitFor();
  await page.locator(`[data-testid="template"][data-code="${code}"]`).waitFor();
  assert.ok((await overflow(page)) <= 0);
  await page.screenshot({ path: outputPath('setup-360-template-created-en.png'), fullPage: true });
  const made = (await admin.get('/report-templates')).items.find((x) => x.code === code);
  assert.deepEqual(
    [made.name, made.names, made.period_kind, made.builtin],
    [`CEFC report ${s}`, { ps: `د CEFC راپور ${s}` }, 'quarter', false],
  );
  assert.deepEqual(
    made.items.map((i) => [i.section, i.indicator_code]),
    [
      ['Reach', 'ACTIVITIES'],
      ['Feedback', 'FEEDBACK_RECEIVED'],
    ],
  );
  assert.deepEqual(made.sections, [{ title: 'Reach', names: { ps: 'رسېدنه', uk: 'Охоплення' } }]);
  await page.context().close();

  // In Pashto: the list and the editor right to left with the translations; a report from it
  // shows the Pashto name and section title, the untranslated one as written.
  const ps = await loginAs(browser, 'admin', 'ps', PHONE, 'admin-demo-pass');
  await ps.goto(BASE + '/#/setup/templates');
  await ps
    .locator(`[data-testid="template-row"][data-code="${code}"]`)
    .filter({ hasText: `د CEFC راپور ${s}` })
    .waitFor();
  await ps.goto(BASE + `/#/setup/templates/${code}`);
  await ps.getByTestId('template-form').waitFor();
  await ps.getByRole('heading', { level: 1, name: `د CEFC راپور ${s}` }).waitFor();
  assert.equal(await ps.evaluate(() => document.documentElement.dir), 'rtl');
  // The languages a title is in, listed with the Pashto comma.
  assert.match(
    await ps.getByTestId('tpl-section-0-langs').locator('summary').textContent(),
    /\S، \S/,
  );
  await ps.getByTestId('tpl-section-0-langs').locator('summary').click();
  assert.equal(await ps.getByTestId('tpl-section-0-title-ps').inputValue(), 'رسېدنه');
  assert.ok((await overflow(ps)) <= 0, 'the Pashto editor fits the phone');
  await ps.screenshot({ path: outputPath('setup-360-template-new-ps.png'), fullPage: true });
  const seed = await seedVillage(s, 1);
  const report = await seed.officer.post('/reports', {
    template_code: code,
    area_id: seed.village.id,
    period: '2025Q1',
  });
  await ps.goto(BASE + `/#/reports/${report.id}`);
  await ps.getByTestId('report').waitFor();
  const sections = ps.getByTestId('report-section');
  await sections.first().locator('h2').filter({ hasText: 'رسېدنه' }).waitFor();
  assert.equal(await sections.last().locator('h2').textContent(), 'Feedback');
  assert.match(await ps.locator('#report-heading').textContent(), new RegExp(`د CEFC راپور ${s}`));
  assert.ok((await overflow(ps)) <= 0);
  await ps.screenshot({ path: outputPath('setup-360-template-report-ps.png'), fullPage: true });
  // Used now: the delete is refused, in Pashto, and the template stays.
  await ps.goto(BASE + `/#/setup/templates/${code}`);
  await ps.getByTestId('template-delete').click();
  await ps.getByTestId('template-delete-yes').click();
  await ps
    .getByTestId('alert-error')
    .filter({ hasText: 'له دې قالب څخه راپورونه جوړ شوي دي' })
    .waitFor();
  assert.ok((await admin.get('/report-templates')).items.some((x) => x.code === code));
  await ps.context().close();

  // An unused one is deleted after the confirm box; the shipped ones offer no delete.
  const spare = `SPARE-${s}`;
  await admin.post('/report-templates', {
    code: spare,
    name: `Spare ${s}`,
    period_kind: 'year',
    items: [{ section: 'All', indicator_code: 'ACTIVITIES', by: [] }],
  });
  const en = await loginAs(browser, 'admin', 'en', PHONE, 'admin-demo-pass');
  await en.goto(BASE + `/#/setup/templates/${spare}`);
  await en.getByTestId('template-delete').click();
  await en
    .getByTestId('template-delete-confirm')
    .filter({ hasText: `Delete Spare ${s}?` })
    .waitFor();
  await en.screenshot({ path: outputPath('setup-360-template-delete-en.png'), fullPage: true });
  await en.getByTestId('template-delete-yes').click();
  await en
    .getByTestId('alert-info')
    .filter({ hasText: `Spare ${s} deleted.` })
    .waitFor();
  await en.getByTestId('templates-list').waitFor();
  assert.equal(await en.locator(`[data-testid="template-row"][data-code="${spare}"]`).count(), 0);
  assert.ok(!(await admin.get('/report-templates')).items.some((x) => x.code === spare));
  await en.goto(BASE + '/#/setup/templates/MPR');
  await en.getByTestId('template-form').waitFor();
  assert.equal(await en.getByTestId('template-delete').count(), 0);
  await en.context().close();
});

test('an indicator and an area mapped from the template check; the DHIS2 export holds the data element', async () => {
  const s = uniq().toUpperCase();
  const seed = await seedVillage(s, 2);
  const report = await seed.officer.post('/reports', {
    template_code: 'MPR',
    area_id: seed.village.id,
    period: thisMonth(),
  });
  const element = `E2E_ACT_${s}`;
  const unit = `OU_${s}`;

  const page = await loginAs(browser, 'admin', 'en', PHONE, 'admin-demo-pass');
  await page.goto(BASE + '/#/setup/dhis2');
  await page.getByTestId('dhis2-form').waitFor();
  await page.getByTestId('d2-check-template').selectOption('MPR');
  const activities = page.locator('[data-testid="d2-check-row"][data-code="ACTIVITIES"]');
  // Folded on a phone.
  await page.getByTestId('d2-check-toggle').click();
  assert.equal(await activities.getAttribute('data-mapped'), 'false');
  const before = Number(await page.getByTestId('d2-check-summary').getAttribute('data-unmapped'));
  await activities.getByTestId('d2-check-map').click();
  const rows = page.getByTestId('d2-map-row');
  const i = (await rows.count()) - 1;
  assert.equal(await rows.nth(i).getAttribute('data-code'), 'ACTIVITIES');
  assert.equal(
    await page.getByTestId(`d2-map-${i}-indicator-chosen`).getAttribute('data-value'),
    'ACTIVITIES',
  );
  // The new row's data element has the focus; a code with a space is refused on that field.
  await page.keyboard.type('E2E ACT');
  assert.equal(await page.getByTestId(`d2-map-${i}-de`).inputValue(), 'E2E ACT');
  await page.getByTestId('d2-unit-add').click();
  const u = (await page.getByTestId('d2-unit-row').count()) - 1;
  await pickArea(page, `d2-unit-${u}-area`, seed.code);
  await page.getByTestId(`d2-unit-${u}-code`).fill(unit);
  await page.getByTestId('dhis2-save').click();
  const err = page.getByTestId(`d2-map-${i}-de-error`);
  await err.waitFor();
  assert.match(await err.textContent(), /a DHIS2 code or UID/i);
  assert.ok((await overflow(page)) <= 0, 'the mapping fits the phone');
  await page.screenshot({ path: outputPath('setup-360-dhis2-error-en.png'), fullPage: true });

  await page.getByTestId(`d2-map-${i}-de`).fill(element);
  await page.getByTestId('dhis2-save').click();
  await page.getByTestId('alert-info').filter({ hasText: 'DHIS2 mapping saved.' }).waitFor();
  await page
    .locator('[data-testid="d2-check-row"][data-code="ACTIVITIES"][data-mapped="true"]')
    .waitFor();
  assert.equal(
    Number(await page.getByTestId('d2-check-summary').getAttribute('data-unmapped')),
    before - 1,
  );
  await page.screenshot({ path: outputPath('setup-360-dhis2-saved-en.png'), fullPage: true });
  const mapping = await admin.get('/dhis2-mapping');
  assert.ok(
    mapping.mappings.some(
      (m) =>
        m.indicator_code === 'ACTIVITIES' && m.data_element === element && m.disaggregation === '',
    ),
  );
  assert.ok(mapping.org_units.some((o) => o.area_id === seed.village.id && o.org_unit === unit));

  // The report's DHIS2 JSON: the village's org unit, the month, two activities.
  await page.goto(BASE + `/#/reports/${report.id}`);
  await page.getByTestId('report-export').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-export-dhis2').click(),
  ]);
  const json = JSON.parse(await readFile(await download.path(), 'utf8'));
  const value = json.dataValues.find((d) => d.dataElement === element);
  assert.ok(
    value,
    'the export has the mapped data element:\n' + JSON.stringify(json).slice(0, 600),
  );
  assert.equal(value.orgUnit, unit);
  assert.equal(value.period, thisMonth().replace('-', ''));
  assert.equal(Number(value.value), 2);
  await page.context().close();
});

test('an administrator and an M&E officer of one province read the set-up; a mobiliser is not offered it', async () => {
  for (const user of ['admin.p2', 'me.p1']) {
    const page = await loginAs(browser, user, 'en', PHONE);
    await page.goto(BASE + '/#/reports');
    await page.getByTestId('reports').waitFor();
    await page.getByTestId('rep-tab-setup').click();
    await page.getByTestId('setup-readonly').waitFor();

    await page.getByTestId('setup-settings').click();
    await page.getByTestId('settings').getByTestId('setup-readonly').waitFor();
    assert.equal(await page.getByTestId('settings-form').count(), 0, `${user}: no settings form`);
    await page.getByTestId('settings-start-month-value').waitFor();
    await page.getByTestId('settings-preview').waitFor();

    await page.goto(BASE + '/#/setup/templates/MPR');
    await page.getByTestId('template-view').waitFor();
    assert.equal(await page.getByTestId('template-form').count(), 0, `${user}: no template editor`);
    assert.ok((await page.getByTestId('tpl-item').count()) > 0);

    await page.goto(BASE + '/#/setup/dhis2');
    await page.getByTestId('dhis2-view').waitFor();
    assert.equal(await page.getByTestId('dhis2-form').count(), 0, `${user}: no mapping editor`);
    assert.equal(await page.getByTestId('d2-check-map').count(), 0);
    assert.ok((await overflow(page)) <= 0);
    if (user === 'admin.p2') {
      // The village mapped in the test before lies in P1: named for what it is to a P2 administrator.
      await page
        .getByTestId('d2-unit-view')
        .filter({ hasText: 'An area outside your areas' })
        .first()
        .waitFor();
      await page.screenshot({
        path: outputPath('setup-360-dhis2-readonly-en.png'),
        fullPage: true,
      });
    }
    await page.context().close();

    // As the API answers: the write is refused.
    const api = await new Api().login(user, 'demo-pass');
    await assert.rejects(api.request('PUT', '/programme-settings', { light_green: 95 }), /403/);
  }

  const mob = await loginAs(browser, 'mobiliser.u1', 'en', PHONE);
  await mob.goto(BASE + '/#/reports');
  await mob.getByTestId('reports').waitFor();
  assert.equal(await mob.getByTestId('rep-tab-setup').count(), 0, 'no set-up tab for a mobiliser');
  await mob.context().close();
});
