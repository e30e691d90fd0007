// Field errors carry a code and parameters from the server's one catalogue (issue 14), so the
// phone can say them in Pashto or Ukrainian beside the field. support.mjs checks on every error
// of every API test that field_codes names the same fields as fields, each with a published code;
// here the codes and params of a few refusals a field user meets.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq } from './support.mjs';

describe('field codes', () => {
  let srv, admin, mob, village, uc, otherUc;
  before(async () => {
    srv = await startServer();
    admin = await login(srv.base, 'admin');
    mob = await login(srv.base, 'mobiliser.u1');
    village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
    uc = await areaByCode(admin, 'P1-D1-T1-U1');
    otherUc = await areaByCode(admin, 'P1-D1-T1-U2');
  });
  after(async () => {
    await srv?.stop();
  });

  test('the catalogue is published with English templates and param names', async () => {
    const doc = (await admin.get('/api/v1/openapi.json')).json;
    const codes = doc['x-field-codes'];
    assert.deepEqual(codes.required, { template: 'is required', params: [] });
    assert.deepEqual(codes.no_such_in_scope, {
      template: 'no such {what} in your areas',
      params: ['what'],
    });
  });

  test('a household with a bad person age: out_of_range with its bounds', async () => {
    const r = await mob.post('/api/v1/households', {
      area_id: village.id,
      head_name: `Head ${uniq()}`,
      people: [
        { name: `P ${uniq()}`, sex: 'f', relation: 'head', age: 40 },
        { name: `P ${uniq()}`, sex: 'm', relation: 'son', age: 130 },
      ],
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json.error.field_codes['people[1].age'], {
      code: 'out_of_range',
      params: { min: '0', max: '120' },
    });
    assert.equal(r.json.error.fields['people[1].age'], 'must be between 0 and 120');
  });

  test('an activity in an area outside the user scope: no_such_in_scope (area)', async () => {
    const r = await mob.post('/api/v1/activities', {
      type: 'awareness_session',
      title: `Hand washing ${uniq()}`,
      held_on: '2026-01-15',
      area_id: otherUc.id,
      topics: ['wash'],
      counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 3 }],
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json.error.field_codes.area_id, {
      code: 'no_such_in_scope',
      params: { what: 'area' },
    });
    assert.equal(r.json.error.fields.area_id, 'no such area in your areas');
  });

  test('feedback without its required fields: required on each; a list param stays a list', async () => {
    let r = await mob.post('/api/v1/feedback', { area_id: uc.id, person_sex: 'q' });
    assert.equal(r.status, 400, r.text);
    const codes = r.json.error.field_codes;
    for (const f of ['channel', 'category', 'description'])
      assert.deepEqual(codes[f], { code: 'required', params: {} }, f);
    assert.equal(codes.person_sex.code, 'one_of');
    assert.ok(Array.isArray(codes.person_sex.params.allowed), r.text);
    assert.ok(codes.person_sex.params.allowed.includes('f'), r.text);
    // The reader's own checks are coded too: an unknown field, a wrong type.
    r = await mob.post('/api/v1/feedback', { area_id: 7, zz: 1 });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json.error.field_codes.zz, { code: 'unknown_field', params: {} });
    assert.deepEqual(r.json.error.field_codes.area_id, { code: 'not_a_string', params: {} });
  });

  test('a stale write: conflict with field_codes.version = stale_version', async () => {
    const h = (
      await mob.post('/api/v1/households', {
        area_id: village.id,
        head_name: `Head ${uniq()}`,
        people: [{ name: `P ${uniq()}`, sex: 'f', relation: 'head', age: 40 }],
      })
    ).json;
    const r = await mob.patch(`/api/v1/households/${h.id}`, {
      version: h.version + 5,
      head_name: 'Other',
    });
    assert.equal(r.status, 409, r.text);
    assert.deepEqual(r.json.error.field_codes.version, {
      code: 'stale_version',
      params: { current: String(h.version) },
    });
  });
});
