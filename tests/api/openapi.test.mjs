// /api/v1/openapi.json describes the API: every path parameter named as in its pattern, and
// request and response schemas that real answers must match exactly (closed objects, every
// field required, types, nullability, enums), so a writer that adds, drops or retypes a field
// without its schema saying so fails here. Request schemas are checked against the server's own
// answers: an empty body must be refused for at least the schema's required fields and for no
// field the schema does not name, and no field of the schema may be called unknown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq } from './support.mjs';

let srv, admin, doc;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
  doc = (await admin.get('/api/v1/openapi.json')).json;
});
after(async () => {
  await srv?.stop();
});

// ---- a small JSON Schema (OpenAPI 3.0 subset) validator ----

function resolve(schema) {
  while (schema && schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    schema = doc.components.schemas[name];
    assert.ok(schema, `unresolved $ref ${name}`);
  }
  return schema;
}

const typeOf = (v) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v;

// Every way `value` breaks `schema`, as "path: why" strings.
function check(schema, value, path = '$', out = []) {
  schema = resolve(schema);
  if (value === null) {
    if (!schema.nullable && Object.keys(schema).length) out.push(`${path}: null not allowed`);
    return out;
  }
  if (schema.allOf) for (const s of schema.allOf) check(s, value, path, out);
  if (schema.enum && !schema.enum.includes(value))
    out.push(`${path}: ${JSON.stringify(value)} not one of ${schema.enum.join(', ')}`);
  const t = typeOf(value);
  if (schema.type) {
    const ok = schema.type === t || (schema.type === 'number' && t === 'integer');
    if (!ok) {
      out.push(`${path}: ${t}, expected ${schema.type}`);
      return out;
    }
  }
  if (t === 'array' && schema.items)
    value.forEach((v, i) => check(schema.items, v, `${path}[${i}]`, out));
  if (t === 'object') {
    const props = schema.properties || {};
    for (const k of schema.required || [])
      if (!(k in value)) out.push(`${path}.${k}: missing (required)`);
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) check(props[k], v, `${path}.${k}`, out);
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: not in the schema`);
      else if (typeof schema.additionalProperties === 'object')
        check(schema.additionalProperties, v, `${path}.${k}`, out);
    }
  }
  return out;
}

function operation(method, pattern) {
  const op = doc.paths[pattern]?.[method.toLowerCase()];
  assert.ok(op, `no ${method} ${pattern} in the document`);
  return op;
}

function responseSchema(method, pattern, status) {
  const op = operation(method, pattern);
  const r = op.responses[String(status)] || op.responses.default;
  const schema = r?.content?.['application/json']?.schema;
  assert.ok(schema, `${method} ${pattern} ${status}: no schema`);
  return schema;
}

// Calls the route and checks the answer against the document: the status it promises and its
// schema (the error schema for any other status).
async function conforms(method, pattern, path, body, status) {
  const r = await admin.request(method, path, body);
  assert.equal(r.status, status, `${method} ${path}: ${r.text}`);
  const problems = check(responseSchema(method, pattern, status), r.json);
  assert.deepEqual(problems, [], `${method} ${path}`);
  return r.json;
}

// ---- the validator itself ----

test('the validator catches an added, a dropped and a retyped field', () => {
  const schema = {
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'integer', nullable: true } },
    required: ['a', 'b'],
    additionalProperties: false,
  };
  assert.deepEqual(check(schema, { a: 'x', b: null }), []);
  assert.equal(check(schema, { a: 'x', b: 1, c: 2 }).length, 1);
  assert.equal(check(schema, { a: 'x' }).length, 1);
  assert.equal(check(schema, { a: 1, b: 1 }).length, 1);
  assert.equal(check(schema, { a: 'x', b: 1.5 }).length, 1);
  assert.equal(check({ type: 'string', enum: ['f', 'm'] }, 'q').length, 1);
});

// ---- the document's structure ----

test('the document: version, every path parameter named as in its pattern, every $ref resolves', () => {
  assert.equal(doc.openapi, '3.0.3');
  assert.ok(doc.info.version);
  let ops = 0;
  for (const [pattern, methods] of Object.entries(doc.paths)) {
    const names = [...pattern.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(methods)) {
      ops++;
      const params = (op.parameters || []).filter((p) => p.in === 'path');
      assert.deepEqual(
        params.map((p) => p.name),
        names,
        `${method} ${pattern}`,
      );
      for (const p of params) assert.equal(p.required, true);
      assert.ok(op.responses.default, `${method} ${pattern}: no error response`);
    }
  }
  assert.ok(ops > 100, `only ${ops} operations`);
  assert.deepEqual(
    operation('PATCH', '/api/v1/institutions/{id}/members/{membership_id}').parameters.map(
      (p) => p.name,
    ),
    ['id', 'membership_id'],
  );
  assert.equal(operation('GET', '/api/v1/indicators/{code}').parameters[0].name, 'code');
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z]+/g);
  for (const ref of new Set(refs)) resolve({ $ref: ref });
  // The common error body.
  const error = resolve({ $ref: '#/components/schemas/Error' });
  const detail = resolve(error.properties.error);
  assert.deepEqual(detail.required, ['code', 'message', 'fields']);
  assert.ok(detail.properties.current);
  assert.ok(detail.properties.code.enum.includes('validation'));
});

test('every resource family described here has request and response schemas', () => {
  const described = [
    ['POST', '/api/v1/session'],
    ['GET', '/api/v1/areas'],
    ['POST', '/api/v1/areas'],
    ['PATCH', '/api/v1/areas/{id}'],
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users'],
    ['GET', '/api/v1/audit'],
    ['GET', '/api/v1/registry/config'],
    ['GET', '/api/v1/institutions/{id}'],
    ['POST', '/api/v1/institutions'],
    ['POST', '/api/v1/institutions/{id}/members'],
    ['POST', '/api/v1/institutions/{id}/assessments'],
    ['GET', '/api/v1/households'],
    ['POST', '/api/v1/households'],
  ];
  for (const [method, pattern] of described) {
    const op = operation(method, pattern);
    const ok = Object.entries(op.responses).find(([k]) => k !== 'default')[1];
    assert.ok(ok.content, `${method} ${pattern}: no response schema`);
    if (method !== 'GET') assert.ok(op.requestBody, `${method} ${pattern}: no request schema`);
  }
  // A list page.
  const page = responseSchema('GET', '/api/v1/areas', 200);
  assert.deepEqual([...page.required].sort(), ['items', 'limit', 'offset', 'total']);
});

// ---- request schemas against the server's own reading ----

// Sends {} and a body with an unknown field and with every documented field of a wrong type:
// the server must require the schema's required fields and know every documented one.
async function readsAsDocumented(method, pattern, path) {
  const op = operation(method, pattern);
  const schema = resolve(op.requestBody.content['application/json'].schema);
  const empty = await admin.request(method, path, {});
  assert.equal(empty.status, 400, `${method} ${path} {}: ${empty.text}`);
  assert.deepEqual(check(responseSchema(method, pattern, 400), empty.json), []);
  const required = Object.entries(empty.json.error.fields)
    .filter(([, why]) => why === 'is required')
    .map(([k]) => k)
    .sort();
  // What the reader requires is reported for {}; the service may require more (its own rules),
  // but never a field the schema does not name.
  for (const k of schema.required || [])
    assert.ok(required.includes(k), `${method} ${pattern}: ${k} documented as required`);
  for (const k of required)
    assert.ok(schema.properties[k], `${method} ${pattern}: requires undocumented ${k}`);
  const wrong = { zz_unknown: 1 };
  for (const [k, s] of Object.entries(schema.properties))
    wrong[k] = resolve(s).type === 'object' ? 7 : { no: 1 };
  const r = await admin.request(method, path, wrong);
  assert.equal(r.status, 400, `${method} ${path}: ${r.text}`);
  assert.equal(r.json.error.fields.zz_unknown, 'unknown field');
  for (const k of Object.keys(schema.properties)) {
    assert.ok(r.json.error.fields[k], `${method} ${pattern}: ${k} was accepted as any type`);
    assert.notEqual(r.json.error.fields[k], 'unknown field', `${method} ${pattern}: ${k}`);
  }
}

test('request bodies are read as documented', async () => {
  const area = (await admin.get('/api/v1/areas')).json.items[0];
  const hh = (await admin.get('/api/v1/households?limit=1')).json.items[0];
  const inst = (await admin.get('/api/v1/institutions?limit=1')).json.items[0];
  const user = (await admin.get('/api/v1/users?limit=1')).json.items[0];
  const cases = [
    ['POST', '/api/v1/areas', '/api/v1/areas'],
    ['PATCH', '/api/v1/areas/{id}', `/api/v1/areas/${area.id}`],
    ['POST', '/api/v1/users', '/api/v1/users'],
    ['PATCH', '/api/v1/users/{id}', `/api/v1/users/${user.id}`],
    ['POST', '/api/v1/tokens', '/api/v1/tokens'],
    ['POST', '/api/v1/session/password', '/api/v1/session/password'],
    ['POST', '/api/v1/institutions', '/api/v1/institutions'],
    ['PATCH', '/api/v1/institutions/{id}', `/api/v1/institutions/${inst.id}`],
    ['POST', '/api/v1/institutions/{id}/members', `/api/v1/institutions/${inst.id}/members`],
    [
      'POST',
      '/api/v1/institutions/{id}/assessments',
      `/api/v1/institutions/${inst.id}/assessments`,
    ],
    ['POST', '/api/v1/households', '/api/v1/households'],
    ['PATCH', '/api/v1/households/{id}', `/api/v1/households/${hh.id}`],
    ['POST', '/api/v1/households/{id}/people', `/api/v1/households/${hh.id}/people`],
    ['POST', '/api/v1/households/{id}/merge', `/api/v1/households/${hh.id}/merge`],
  ];
  for (const [method, pattern, path] of cases) await readsAsDocumented(method, pattern, path);
});

// ---- real answers against their schemas ----

test('session, tokens, areas, users and audit answer as documented', async () => {
  await conforms('GET', '/api/v1/session', '/api/v1/session', undefined, 200);
  const token = await conforms('POST', '/api/v1/tokens', '/api/v1/tokens', { name: uniq() }, 201);
  assert.ok(token.token);
  await conforms('GET', '/api/v1/area-levels', '/api/v1/area-levels', undefined, 200);
  const top = (await conforms('GET', '/api/v1/areas', '/api/v1/areas', undefined, 200)).items[0];
  await conforms('GET', '/api/v1/areas/{id}', `/api/v1/areas/${top.id}`, undefined, 200);
  await conforms(
    'GET',
    '/api/v1/areas/{id}/children',
    `/api/v1/areas/${top.id}/children`,
    undefined,
    200,
  );
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  const made = await conforms(
    'POST',
    '/api/v1/areas',
    '/api/v1/areas',
    { parent_id: uc.id, code: `OA${uniq()}`, name: `Area ${uniq()}` },
    201,
  );
  await conforms(
    'PATCH',
    '/api/v1/areas/{id}',
    `/api/v1/areas/${made.id}`,
    { version: made.version, name: 'Renamed' },
    200,
  );
  await conforms('GET', '/api/v1/areas/{id}', '/api/v1/areas/nope', undefined, 404);
  await conforms('POST', '/api/v1/areas', '/api/v1/areas', { code: 7 }, 400);

  const users = await conforms('GET', '/api/v1/users', '/api/v1/users', undefined, 200);
  await conforms('GET', '/api/v1/users/{id}', `/api/v1/users/${users.items[0].id}`, undefined, 200);
  await conforms(
    'POST',
    '/api/v1/users',
    '/api/v1/users',
    {
      username: `oa${uniq()}`,
      full_name: 'Open API',
      password: 'field-pass-1',
      roles: [{ role: 'mobiliser', area_id: uc.id }],
    },
    201,
  );
  await conforms('GET', '/api/v1/users/{id}', '/api/v1/users/nope', undefined, 404);
  await conforms('GET', '/api/v1/audit', '/api/v1/audit?limit=50', undefined, 200);
});

test('a stale write carries the current record under error.current', async () => {
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  const a = (
    await admin.post('/api/v1/areas', { parent_id: uc.id, code: `OS${uniq()}`, name: 'Stale' })
  ).json;
  await admin.patch(`/api/v1/areas/${a.id}`, { version: a.version, name: 'Once' });
  const r = await conforms(
    'PATCH',
    '/api/v1/areas/{id}',
    `/api/v1/areas/${a.id}`,
    { version: a.version, name: 'Twice' },
    409,
  );
  assert.deepEqual(check({ $ref: '#/components/schemas/Area' }, r.error.current), []);
});

test('the registry answers as documented', async () => {
  await conforms('GET', '/api/v1/registry/config', '/api/v1/registry/config', undefined, 200);
  await conforms('GET', '/api/v1/registry/summary', '/api/v1/registry/summary', undefined, 200);
  const village = await areaByCode(admin, 'P1-D1-T1-U1-V1');

  const hhs = await conforms(
    'GET',
    '/api/v1/households',
    `/api/v1/households?area=${village.id}`,
    undefined,
    200,
  );
  const h = hhs.items[0];
  await conforms('GET', '/api/v1/households/{id}', `/api/v1/households/${h.id}`, undefined, 200);
  await conforms(
    'GET',
    '/api/v1/households/{id}/people',
    `/api/v1/households/${h.id}/people`,
    undefined,
    200,
  );
  const made = await conforms(
    'POST',
    '/api/v1/households',
    '/api/v1/households',
    {
      area_id: village.id,
      head_name: `Head ${uniq()}`,
      psc_score: 14.5,
      psc_date: '2024-05-01',
      people: [{ name: `P ${uniq()}`, sex: 'f', relation: 'head', age: 40 }],
    },
    201,
  );
  await conforms(
    'POST',
    '/api/v1/households/{id}/people',
    `/api/v1/households/${made.id}/people`,
    { name: `P ${uniq()}`, sex: 'm', relation: 'son', birth_date: '2015-03-01' },
    201,
  );
  await conforms('GET', '/api/v1/households/{id}', '/api/v1/households/nope', undefined, 404);

  const insts = await conforms(
    'GET',
    '/api/v1/institutions',
    `/api/v1/institutions?area=${village.id}`,
    undefined,
    200,
  );
  const i = insts.items[0];
  await conforms(
    'GET',
    '/api/v1/institutions/{id}',
    `/api/v1/institutions/${i.id}`,
    undefined,
    200,
  );
  await conforms(
    'GET',
    '/api/v1/institutions/{id}/members',
    `/api/v1/institutions/${i.id}/members`,
    undefined,
    200,
  );
  await conforms(
    'GET',
    '/api/v1/institutions/{id}/assessments',
    `/api/v1/institutions/${i.id}/assessments`,
    undefined,
    200,
  );
  const co = await conforms(
    'POST',
    '/api/v1/institutions',
    '/api/v1/institutions',
    {
      type: 'CO',
      area_id: village.id,
      name: `CO ${uniq()}`,
      sex_composition: 'women',
      formed_on: '2024-01-10',
    },
    201,
  );
  await conforms(
    'POST',
    '/api/v1/institutions/{id}/members',
    `/api/v1/institutions/${co.id}/members`,
    { household_id: made.id, role: 'member', joined_on: '2024-02-01' },
    201,
  );
  await conforms('POST', '/api/v1/institutions', '/api/v1/institutions', { type: 'NOPE' }, 400);
});
