// The field screens in Pashto on a phone: a session recorded right to left, and every new page
// (activities, verification, feedback) at 360 px in English and Pashto without sideways
// scrolling, a screenshot of each in tests/output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Api, areaByCode, BASE, launch, loginAs, outputPath, pickArea, uniq } from './support.mjs';

const VILLAGE = 'P1-D1-T1-U1-V1';
// 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGOQl5YGAAEZAKNf8Q8yAAAAAElFTkSuQmCC',
  'base64',
);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a session recorded in Pashto, right to left', async () => {
  const page = await loginAs(browser, 'mobiliser.u1', 'ps');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.getByTestId('menu-toggle').click();
  assert.equal(await page.getByTestId('nav-activities').textContent(), 'فعالیتونه');
  await page.getByTestId('nav-activities').click();
  await page.getByRole('heading', { name: 'فعالیتونه', level: 1 }).waitFor();
  await page.getByTestId('activity-new').click();
  await page.getByRole('heading', { name: 'یوه غونډه ثبت کړئ', level: 1 }).waitFor();
  assert.equal(
    await page.getByTestId('act-type').evaluate((e) => e.options[2].textContent),
    'د پوهاوي غونډه',
  );
  await page.getByTestId('act-type').selectOption('awareness_session');
  await page.getByTestId('act-topic-health').check();
  await pickArea(page, 'act-area', VILLAGE);
  await page.getByTestId('act-count-f-18-59-0').fill('5');
  await page.getByTestId('act-count-m-12-17-0').fill('4');
  assert.equal(await page.getByTestId('act-total').getAttribute('data-total'), '9');
  assert.match(await page.getByTestId('act-total').textContent(), /^ټول: (9|۹) ګډونوال$/);

  // Mirrored: the "Female" column stands right of "Male", the type label at the right edge.
  const f = await page.getByTestId('act-count-f-18-59-0').boundingBox();
  const m = await page.getByTestId('act-count-m-18-59-0').boundingBox();
  assert.ok(f.x > m.x, 'columns run right to left');
  const label = await page.locator('label', { hasText: 'د غونډې ډول' }).boundingBox();
  const select = await page.getByTestId('act-type').boundingBox();
  assert.ok(
    Math.abs(label.x + label.width - (select.x + select.width)) < 2,
    'label aligned with its select at the right',
  );
  await page.getByTestId('act-save').click();
  await page.getByTestId('activity-detail').waitFor();
  assert.equal(await page.getByTestId('activity-status').textContent(), 'مسوده');
  assert.equal(await page.getByTestId('activity-submit').textContent(), 'د تایید لپاره ولېږئ');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  await page.context().close();
});

test('every field screen fits a 360 px phone in English and Pashto', async () => {
  const s = uniq();
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const village = await areaByCode(mob, VILLAGE);
  const a = await mob.post('/activities', {
    type: 'community_dialogue',
    held_on: new Date().toISOString().slice(0, 10),
    area_id: village.id,
    place: `Hujra ${s}`,
    topics: ['health', 'wash'],
    decisions: 'Clean the water point every Friday.',
    counts: [
      { sex: 'f', age_band: '18-59', disability: false, count: 11 },
      { sex: 'm', age_band: '60+', disability: true, count: 2 },
    ],
  });
  const res = await fetch(`${BASE}/api/v1/activities/${a.id}/files?filename=sheet.png`, {
    method: 'POST',
    headers: { cookie: mob.cookie, 'x-csrf-token': mob.csrf, 'content-type': 'image/png' },
    body: PNG,
  });
  assert.equal(res.status, 201, await res.text());
  await mob.post(`/activities/${a.id}/submit`, { version: a.version });
  const fb = await mob.post('/feedback', {
    area_id: village.id,
    channel: 'community_meeting',
    category: 'suggestion',
    anonymous: true,
    description: `Please hold the sessions after the harvest ${s}`,
    tags: ['timing'],
  });

  const pages = [
    ['activities', '#/activities', 'activities'],
    ['activity-new', '#/activities/new', 'activity-form'],
    ['activity-detail', `#/activities/${a.id}`, 'activity-thumb'],
    ['verify', '#/verify', 'verify-queue'],
    ['feedback', '#/feedback', 'feedback-analysis'],
    ['feedback-new', '#/feedback/new', 'feedback-form'],
    ['feedback-detail', `#/feedback/${fb.id}`, 'feedback-events'],
  ];
  for (const lang of ['en', 'ps']) {
    const page = await loginAs(browser, 'officer.t1', lang);
    for (const [name, hash, ready] of pages) {
      await page.goto(BASE + '/' + hash);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 0, `${name} (${lang}) is ${overflow}px wider than the phone`);
      assert.equal(
        await page.evaluate(() => document.documentElement.dir),
        lang === 'ps' ? 'rtl' : 'ltr',
      );
      await page.screenshot({ path: outputPath(`field-360-${name}-${lang}.png`), fullPage: true });
    }
    await page.context().close();
  }
});
