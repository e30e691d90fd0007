// Test data for the monitoring specs (dashboard, progress reports): a village of its own under the
// demo union P1-D1-T1-U1, so its figures are exactly what the test puts there, with activities
// recorded by mobiliser.u1 and verified by officer.t1 today.
import { Api, areaByCode } from './support.mjs';

export const UNION = 'P1-D1-T1-U1';
export const today = () => new Date().toISOString().slice(0, 10);
export const thisMonth = () => today().slice(0, 7);

// A verified community dialogue in `village` with `women` and `men` counted (aged 18-59).
export async function verifiedActivity(mob, officer, village, place, women = 9, men = 4) {
  const a = await mob.post('/activities', {
    type: 'community_dialogue',
    held_on: today(),
    area_id: village.id,
    place,
    counts: [
      { sex: 'f', age_band: '18-59', disability: false, count: women },
      { sex: 'm', age_band: '18-59', disability: false, count: men },
    ],
  });
  const submitted = await mob.post(`/activities/${a.id}/submit`, { version: a.version });
  await officer.post(`/activities/${a.id}/verify`, { version: submitted.version });
  return a;
}

// A new village with `count` verified activities (and one draft, which does not count).
export async function seedVillage(tag, count = 2) {
  const admin = await new Api().login();
  const union = await areaByCode(admin, UNION);
  const code = `E2R-${tag}`;
  const village = await admin.post('/areas', {
    parent_id: union.id,
    code,
    name: `Report village ${tag}`,
  });
  const mob = await new Api().login('mobiliser.u1', 'demo-pass');
  const officer = await new Api().login('officer.t1', 'demo-pass');
  const activities = [];
  for (let i = 0; i < count; i++)
    activities.push(await verifiedActivity(mob, officer, village, `Hujra ${tag} ${i + 1}`));
  await mob.post('/activities', {
    type: 'community_dialogue',
    held_on: today(),
    area_id: village.id,
    place: `Draft ${tag}`,
    counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 3 }],
  });
  return { admin, union, village, code, mob, officer, activities };
}
