// Test data for the group books specs (books, offline_team): a CO in the demo village V1 of two
// new member households, with rules from 2024: 100.00 saved a month, 2 % declining interest.
import { areaByCode, uniq } from './support.mjs';

export const VILLAGE = 'P1-D1-T1-U1-V1';

// The new group, made by `mob` (a signed-in Api of a mobiliser of the village), named `name`.
export async function savingsGroup(mob, name) {
  const village = await areaByCode(mob, VILLAGE);
  const co = await mob.post('/institutions', {
    type: 'CO',
    area_id: village.id,
    name: `${name} ${uniq()}`,
    sex_composition: 'women',
    formed_on: '2024-01-01',
  });
  for (let i = 0; i < 2; i++) {
    const h = await mob.post('/households', {
      area_id: village.id,
      head_name: `Saver ${i} ${uniq()}`,
      people: [{ name: `Saver ${i}`, sex: 'f', relation: 'head', age: 30 + i }],
    });
    await mob.post(`/institutions/${co.id}/members`, {
      household_id: h.id,
      role: 'member',
      joined_on: '2024-01-01',
    });
  }
  await mob.post(`/institutions/${co.id}/book-rules`, {
    effective_from: '2024-01-01',
    saving_amount: 10000,
    saving_frequency: 'monthly',
    interest_rule: 'declining',
    interest_bp: 200,
  });
  return co;
}
