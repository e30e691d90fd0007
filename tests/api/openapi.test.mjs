// /api/v1/openapi.json describes the API: every path parameter named as in its pattern, and
// request and response schemas that real answers must match exactly (closed objects, every
// field required, types, nullability, enums), so a writer that adds, drops or retypes a field
// without its schema saying so fails here. Request schemas are checked against the server's own
// answers: an empty body must be refused for at least the schema's required fields and for no
// field the schema does not name, and no field of the schema may be called unknown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startServer, login, areaByCode, firstPeople, uniq, pngOf } from './support.mjs';

let srv, admin, officer, manager, doc;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
  officer = await login(srv.base, 'officer.t1');
  manager = await login(srv.base, 'manager.d1');
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
// `opts`: the client's request options, and `as`: another client than admin.
async function conforms(method, pattern, path, body, status, opts = {}) {
  const r = await (opts.as ?? admin).request(method, path, body, opts);
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
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z0-9]+/g);
  for (const ref of new Set(refs)) resolve({ $ref: ref });
  // The common error body.
  const error = resolve({ $ref: '#/components/schemas/Error' });
  const detail = resolve(error.properties.error);
  assert.deepEqual(detail.required, ['code', 'message', 'fields', 'field_codes']);
  // Each field's problem as a code from the published catalogue (x-field-codes).
  const problem = resolve(detail.properties.field_codes.additionalProperties);
  assert.deepEqual(problem.properties.code.enum.sort(), Object.keys(doc['x-field-codes']).sort());
  assert.deepEqual(doc['x-field-codes'].out_of_range, {
    template: 'must be between {min} and {max}',
    params: ['min', 'max'],
  });
  assert.ok(detail.properties.current);
  assert.ok(detail.properties.code.enum.includes('validation'));
});

test('busy, disk full and throttled answers are documented where the server gives them', async () => {
  const code = resolve(resolve({ $ref: '#/components/schemas/Error' }).properties.error).properties
    .code;
  for (const c of ['busy', 'disk_full', 'rate_limited']) assert.ok(code.enum.includes(c), c);
  const retryAfter = (op, status) => op.responses[status]?.headers?.['Retry-After'];
  for (const [pattern, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const where = `${method} ${pattern}`;
      if (method !== 'get') {
        // Every write may meet a locked database or a full disk.
        assert.ok(retryAfter(op, '503'), `${where}: no 503 with Retry-After`);
        assert.ok(op.responses['507'], `${where}: no 507`);
      }
      if (pattern.endsWith('/import')) assert.ok(op.responses['429'], `${where}: no 429`);
    }
  // Authenticated reads too (a device session's expiry is written); not what needs no database.
  assert.ok(operation('GET', '/api/v1/areas').responses['503']);
  for (const pattern of ['/api/v1/openapi.json', '/metrics'])
    assert.equal(operation('GET', pattern).responses['503'], undefined, pattern);
  assert.ok(retryAfter(operation('POST', '/api/v1/session'), '429'));
  assert.equal(operation('GET', '/api/v1/areas').responses['429'], undefined);

  // Real answers match: sign-ins throttled (429) ...
  const username = `nobody-${uniq()}`;
  let r;
  for (let i = 0; i < 6; i++)
    r = await fetch(`${srv.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'wrong-pass' }),
    });
  assert.equal(r.status, 429);
  assert.ok(Number(r.headers.get('retry-after')) > 0);
  assert.deepEqual(check(responseSchema('POST', '/api/v1/session', 429), await r.json()), []);
  // ... and a write while another process holds SQLite's write lock (503).
  const holder = spawn('sqlite3', [srv.database.replace(/^sqlite:/, '')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const locked = new Promise((done) =>
      holder.stdout.on('data', (d) => String(d).includes('locked') && done()),
    );
    holder.stdin.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
    await locked;
    const busy = await admin.post('/api/v1/tokens', { name: `busy ${uniq()}` });
    assert.equal(busy.status, 503, busy.text);
    assert.ok(Number(busy.headers.get('retry-after')) > 0);
    assert.deepEqual(check(responseSchema('POST', '/api/v1/tokens', 503), busy.json), []);
  } finally {
    holder.stdin.end('ROLLBACK;\n.quit\n');
  }
  await new Promise((done) => holder.on('exit', done));
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
    ['POST', '/api/v1/activities'],
    ['PATCH', '/api/v1/activities/{id}'],
    ['POST', '/api/v1/feedback'],
    ['POST', '/api/v1/feedback/{id}/close'],
    ['POST', '/api/v1/courses'],
    ['POST', '/api/v1/training-needs'],
    ['POST', '/api/v1/training-plans'],
    ['PUT', '/api/v1/trainings/{id}/trainees'],
    ['POST', '/api/v1/trainings/{id}/followups'],
    ['POST', '/api/v1/indicators'],
    ['POST', '/api/v1/targets'],
    ['PUT', '/api/v1/programme-settings'],
    ['POST', '/api/v1/report-templates'],
    ['POST', '/api/v1/reports'],
    ['PATCH', '/api/v1/reports/{id}'],
    ['PUT', '/api/v1/dhis2-mapping'],
    ['PUT', '/api/v1/institution-types/{code}'],
    ['GET', '/api/v1/roles'],
    ['GET', '/api/v1/households/duplicates'],
    ['GET', '/api/v1/activities/summary'],
  ];
  for (const [method, pattern] of described) {
    const op = operation(method, pattern);
    const ok = Object.entries(op.responses).find(([k]) => k !== 'default')[1];
    assert.ok(ok.content, `${method} ${pattern}: no response schema`);
    if (method !== 'GET') assert.ok(op.requestBody, `${method} ${pattern}: no request schema`);
  }
  // Every operation of the API is in the table (its success status and what it answers).
  for (const [pattern, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods))
      if (pattern.startsWith('/api/v1/') && pattern !== '/api/v1/openapi.json')
        assert.ok(
          !Object.values(op.responses).some((r) => r.description.includes('docs/api.md')),
          `${method} ${pattern} is not described`,
        );
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

// ---- the programme's families: request schemas against the server's reading ----

test('the programme request bodies are read as documented', async () => {
  const area = (await admin.get('/api/v1/areas')).json.items[0];
  const act = (await admin.get('/api/v1/activities?limit=1')).json.items[0];
  const fb = (await admin.get('/api/v1/feedback?limit=1')).json.items[0];
  const course = (await admin.get('/api/v1/courses')).json.items[0];
  const report = (await admin.get('/api/v1/reports?limit=1')).json.items[0];
  const cases = [
    ['POST', '/api/v1/activities', '/api/v1/activities'],
    ['PATCH', '/api/v1/activities/{id}', `/api/v1/activities/${act?.id ?? 'x'}`],
    ['POST', '/api/v1/activities/{id}/submit', `/api/v1/activities/${act?.id ?? 'x'}/submit`],
    ['POST', '/api/v1/feedback', '/api/v1/feedback'],
    ['PATCH', '/api/v1/feedback/{id}', `/api/v1/feedback/${fb?.id ?? 'x'}`],
    ['POST', '/api/v1/feedback/{id}/assign', `/api/v1/feedback/${fb?.id ?? 'x'}/assign`],
    ['POST', '/api/v1/feedback/{id}/respond', `/api/v1/feedback/${fb?.id ?? 'x'}/respond`],
    ['POST', '/api/v1/feedback/{id}/close', `/api/v1/feedback/${fb?.id ?? 'x'}/close`],
    ['POST', '/api/v1/courses', '/api/v1/courses'],
    ['PATCH', '/api/v1/courses/{id}', `/api/v1/courses/${course.id}`],
    ['POST', '/api/v1/training-needs', '/api/v1/training-needs'],
    ['PATCH', '/api/v1/training-needs/{id}', '/api/v1/training-needs/x'],
    ['POST', '/api/v1/training-plans', '/api/v1/training-plans'],
    ['PATCH', '/api/v1/training-plans/{id}', '/api/v1/training-plans/x'],
    ['PUT', '/api/v1/trainings/{id}/trainees', '/api/v1/trainings/x/trainees'],
    ['POST', '/api/v1/trainings/{id}/followups', '/api/v1/trainings/x/followups'],
    ['PATCH', '/api/v1/trainings/{id}/followups/{followup_id}', '/api/v1/trainings/x/followups/y'],
    ['POST', '/api/v1/indicators', '/api/v1/indicators'],
    ['PATCH', '/api/v1/indicators/{code}', '/api/v1/indicators/ACTIVITIES'],
    ['POST', '/api/v1/targets', '/api/v1/targets'],
    ['POST', '/api/v1/report-templates', '/api/v1/report-templates'],
    ['PUT', '/api/v1/report-templates/{code}', '/api/v1/report-templates/MPR'],
    ['POST', '/api/v1/reports', '/api/v1/reports'],
    ['PATCH', '/api/v1/reports/{id}', `/api/v1/reports/${report?.id ?? 'x'}`],
    ['POST', '/api/v1/reports/{id}/return', `/api/v1/reports/${report?.id ?? 'x'}/return`],
    ['PUT', '/api/v1/dhis2-mapping', '/api/v1/dhis2-mapping'],
    ['PUT', '/api/v1/institution-types/{code}', '/api/v1/institution-types/CO'],
    ['PUT', '/api/v1/poverty-bands/{effective_from}', '/api/v1/poverty-bands/2020-01-01'],
    ['PUT', '/api/v1/checklists/{code}', '/api/v1/checklists/X'],
  ];
  assert.ok(area);
  for (const [method, pattern, path] of cases) await readsAsDocumented(method, pattern, path);
  // PUT /programme-settings requires nothing; every field it reads is documented and typed.
  const settings = resolve(
    operation('PUT', '/api/v1/programme-settings').requestBody.content['application/json'].schema,
  );
  const wrong = { zz_unknown: 1 };
  for (const k of Object.keys(settings.properties)) wrong[k] = { no: 1 };
  const r = await admin.request('PUT', '/api/v1/programme-settings', wrong);
  assert.equal(r.status, 400, r.text);
  for (const k of Object.keys(settings.properties)) assert.ok(r.json.error.fields[k], k);
  assert.equal(r.json.error.fields.zz_unknown, 'unknown field');
  // PUT /registry-options/{list}: an array of options.
  const options = operation('PUT', '/api/v1/registry-options/{list}').requestBody.content[
    'application/json'
  ].schema;
  assert.equal(options.type, 'array');
  const bad = await admin.request('PUT', '/api/v1/registry-options/topics', [{}]);
  assert.equal(bad.status, 400, bad.text);
  for (const k of resolve(options.items).required)
    assert.ok(bad.json.error.fields[`options[0].${k}`]);
});

// ---- the programme's families: real answers against their schemas ----

test('activities and their files answer as documented', async () => {
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  const [person] = await firstPeople(admin, uc.id, 1);
  const made = await conforms(
    'POST',
    '/api/v1/activities',
    '/api/v1/activities',
    {
      type: 'awareness_session',
      title: `Open API ${uniq()}`,
      held_on: '2026-01-15',
      start_time: '10:00',
      end_time: '11:00',
      area_id: uc.id,
      topics: ['wash'],
      facilitators: [{ name: 'LHW' }],
      counts: [{ sex: 'f', age_band: '18-59', count: 3 }],
      attendance: [{ person_id: person.id }],
    },
    201,
  );
  assert.equal(made.attendance.length, 1);
  await conforms(
    'POST',
    '/api/v1/activities/{id}/files',
    `/api/v1/activities/${made.id}/files?filename=sheet.png`,
    pngOf(2, 2),
    201,
    { raw: true, headers: { 'content-type': 'image/png' } },
  );
  const files = await conforms(
    'GET',
    '/api/v1/activities/{id}/files',
    `/api/v1/activities/${made.id}/files`,
    undefined,
    200,
  );
  assert.equal(files.total, 1);
  const current = await conforms(
    'GET',
    '/api/v1/activities/{id}',
    `/api/v1/activities/${made.id}`,
    undefined,
    200,
  );
  await conforms('GET', '/api/v1/activities', '/api/v1/activities?limit=20', undefined, 200);
  const changed = await conforms(
    'PATCH',
    '/api/v1/activities/{id}',
    `/api/v1/activities/${made.id}`,
    { version: current.version, notes: 'Changed' },
    200,
  );
  const stale = await conforms(
    'PATCH',
    '/api/v1/activities/{id}',
    `/api/v1/activities/${made.id}`,
    { version: current.version, notes: 'Stale' },
    409,
  );
  assert.deepEqual(check({ $ref: '#/components/schemas/ActivityDetail' }, stale.error.current), []);
  await conforms(
    'POST',
    '/api/v1/activities/{id}/submit',
    `/api/v1/activities/${made.id}/submit`,
    { version: changed.version },
    200,
  );
  await conforms(
    'GET',
    '/api/v1/activities/summary',
    '/api/v1/activities/summary?include_unverified=true',
    undefined,
    200,
  );
  await conforms('GET', '/api/v1/activities/{id}', '/api/v1/activities/nope', undefined, 404);
  await conforms('POST', '/api/v1/activities', '/api/v1/activities', { held_on: 5 }, 400);
});

test('feedback answers as documented', async () => {
  // Feedback is the officers' work, not the administrator's.
  const byOfficer = { as: officer };
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  await conforms(
    'GET',
    '/api/v1/feedback/categories',
    '/api/v1/feedback/categories',
    undefined,
    200,
    byOfficer,
  );
  const made = await conforms(
    'POST',
    '/api/v1/feedback',
    '/api/v1/feedback',
    {
      area_id: uc.id,
      channel: 'cefc_walk_in',
      category: 'complaint_service',
      description: `The water point is broken ${uniq()}`,
      person_name: 'Gul Bibi',
      person_sex: 'f',
      person_age_band: '18-59',
      tags: ['water'],
    },
    201,
    byOfficer,
  );
  await conforms('GET', '/api/v1/feedback', '/api/v1/feedback?limit=20', undefined, 200, byOfficer);
  await conforms(
    'GET',
    '/api/v1/feedback/summary',
    '/api/v1/feedback/summary',
    undefined,
    200,
    byOfficer,
  );
  const detail = await conforms(
    'GET',
    '/api/v1/feedback/{id}',
    `/api/v1/feedback/${made.id}`,
    undefined,
    200,
    byOfficer,
  );
  const handlers = await conforms(
    'GET',
    '/api/v1/feedback/{id}/assignees',
    `/api/v1/feedback/${made.id}/assignees`,
    undefined,
    200,
    byOfficer,
  );
  const patched = await conforms(
    'PATCH',
    '/api/v1/feedback/{id}',
    `/api/v1/feedback/${made.id}`,
    { version: detail.version, language: 'ps' },
    200,
    byOfficer,
  );
  if (handlers.items.length)
    await conforms(
      'POST',
      '/api/v1/feedback/{id}/assign',
      `/api/v1/feedback/${made.id}/assign`,
      { version: patched.version, assigned_to: handlers.items[0].user_id },
      200,
      byOfficer,
    );
  await conforms(
    'GET',
    '/api/v1/feedback/{id}',
    '/api/v1/feedback/nope',
    undefined,
    404,
    byOfficer,
  );
  await conforms(
    'POST',
    '/api/v1/feedback',
    '/api/v1/feedback',
    { channel: 'pigeon' },
    400,
    byOfficer,
  );
});

test('courses, training needs, plans, trainees and follow-ups answer as documented', async () => {
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  const people = await firstPeople(admin, uc.id, 2);
  const course = await conforms(
    'POST',
    '/api/v1/courses',
    '/api/v1/courses',
    {
      code: `OA-${uniq()}`,
      title: 'Open API course',
      audience: 'community',
      topics: ['iycf'],
      duration_hours: 6,
      test_max: 20,
    },
    201,
  );
  await conforms('GET', '/api/v1/courses', '/api/v1/courses', undefined, 200);
  await conforms('GET', '/api/v1/courses/{id}', `/api/v1/courses/${course.id}`, undefined, 200);
  await conforms(
    'PATCH',
    '/api/v1/courses/{id}',
    `/api/v1/courses/${course.id}`,
    { version: course.version, title_local: null },
    200,
  );
  await conforms('GET', '/api/v1/courses/{id}', '/api/v1/courses/nope', undefined, 404);

  const staff = await conforms(
    'GET',
    '/api/v1/staff',
    `/api/v1/staff?area=${uc.id}`,
    undefined,
    200,
  );
  const need = await conforms(
    'POST',
    '/api/v1/training-needs',
    '/api/v1/training-needs',
    {
      area_id: uc.id,
      user_id: staff.items[0].id,
      course_id: course.id,
      need: 'Counselling skills',
      priority: 'high',
      assessed_on: '2026-01-10',
    },
    201,
  );
  await conforms('GET', '/api/v1/training-needs', '/api/v1/training-needs', undefined, 200);
  await conforms(
    'GET',
    '/api/v1/training-needs/{id}',
    `/api/v1/training-needs/${need.id}`,
    undefined,
    200,
  );
  await conforms(
    'POST',
    '/api/v1/training-needs',
    '/api/v1/training-needs',
    { area_id: uc.id, need: 'x', priority: 'urgent-ish', assessed_on: '2026-01-10' },
    400,
  );

  const plan = await conforms(
    'POST',
    '/api/v1/training-plans',
    '/api/v1/training-plans',
    {
      course_id: course.id,
      area_id: uc.id,
      period: '2026Q1',
      planned_events: 2,
      planned_participants: 40,
    },
    201,
  );
  await conforms('GET', '/api/v1/training-plans', '/api/v1/training-plans', undefined, 200);
  await conforms(
    'GET',
    '/api/v1/training-plans/{id}',
    `/api/v1/training-plans/${plan.id}`,
    undefined,
    200,
  );
  await conforms(
    'GET',
    '/api/v1/training-plans/achievement',
    `/api/v1/training-plans/achievement?area=${uc.id}&period=2026`,
    undefined,
    200,
  );
  await conforms(
    'POST',
    '/api/v1/training-plans',
    '/api/v1/training-plans',
    { ...plan, id: undefined, period: '2026Q5' },
    400,
  );

  const training = await conforms(
    'POST',
    '/api/v1/activities',
    '/api/v1/activities',
    {
      type: 'training',
      held_on: '2026-02-10',
      area_id: uc.id,
      course_id: course.id,
      topics: ['iycf'],
      attendance: people.map((p) => ({ person_id: p.id, pre_score: 10, post_score: 15 })),
    },
    201,
  );
  const trainees = await conforms(
    'GET',
    '/api/v1/trainings/{id}/trainees',
    `/api/v1/trainings/${training.id}/trainees`,
    undefined,
    200,
  );
  await conforms(
    'PUT',
    '/api/v1/trainings/{id}/trainees',
    `/api/v1/trainings/${training.id}/trainees`,
    {
      version: trainees.version,
      trainees: [{ person_id: people[0].id, pre_score: null, post_score: 12 }],
    },
    200,
  );
  const followup = await conforms(
    'POST',
    '/api/v1/trainings/{id}/followups',
    `/api/v1/trainings/${training.id}/followups`,
    { person_id: people[0].id, followed_on: '2026-03-20', applies: 'partly' },
    201,
  );
  await conforms(
    'GET',
    '/api/v1/trainings/{id}/followups',
    `/api/v1/trainings/${training.id}/followups`,
    undefined,
    200,
  );
  await conforms(
    'PATCH',
    '/api/v1/trainings/{id}/followups/{followup_id}',
    `/api/v1/trainings/${training.id}/followups/${followup.id}`,
    { version: followup.version, notes: 'Uses it' },
    200,
  );
  await conforms(
    'GET',
    '/api/v1/trainings/{id}/trainees',
    '/api/v1/trainings/nope/trainees',
    undefined,
    404,
  );
});

test('indicators, targets and the programme settings answer as documented', async () => {
  const uc = await areaByCode(admin, 'P1-D1-T1-U1');
  await conforms('GET', '/api/v1/record-kinds', '/api/v1/record-kinds', undefined, 200);
  const settings = await conforms(
    'GET',
    '/api/v1/programme-settings',
    '/api/v1/programme-settings',
    undefined,
    200,
  );
  await conforms(
    'PUT',
    '/api/v1/programme-settings',
    '/api/v1/programme-settings',
    { light_green: settings.light_green },
    200,
  );
  const list = await conforms('GET', '/api/v1/indicators', '/api/v1/indicators', undefined, 200);
  const code = `OA_${uniq().toUpperCase()}`;
  await conforms(
    'POST',
    '/api/v1/indicators',
    '/api/v1/indicators',
    {
      code,
      name: 'Members of household groups',
      names: { ps: 'غړي' },
      record: 'membership',
      measure: 'distinct_people',
      filters: [{ field: 'member_kind', values: ['household'] }],
    },
    201,
  );
  await conforms('GET', '/api/v1/indicators/{code}', `/api/v1/indicators/${code}`, undefined, 200);
  await conforms('GET', '/api/v1/indicators/{code}', '/api/v1/indicators/NOPE', undefined, 404);
  const builtin = list.items.find((i) => i.dims.includes('sex')) || list.items[0];
  await conforms(
    'GET',
    '/api/v1/indicators/{code}/values',
    `/api/v1/indicators/${builtin.code}/values?area=${uc.id}&period=2026-01&by=${builtin.dims[0] || ''}`,
    undefined,
    200,
  );
  await conforms(
    'GET',
    '/api/v1/indicators/{code}/records',
    `/api/v1/indicators/${builtin.code}/records?area=${uc.id}&period=2026-01`,
    undefined,
    200,
  );
  await conforms(
    'GET',
    '/api/v1/indicators/{code}/values',
    `/api/v1/indicators/${builtin.code}/values?period=2026-01`,
    undefined,
    400,
  );
  const target = await conforms(
    'POST',
    '/api/v1/targets',
    '/api/v1/targets',
    { indicator_code: 'ACTIVITIES', area_id: uc.id, period: '2026-03', value: 4 },
    201,
  );
  assert.equal(target.value, 4);
  await conforms('GET', '/api/v1/targets', '/api/v1/targets', undefined, 200);
  await conforms(
    'POST',
    '/api/v1/targets',
    '/api/v1/targets',
    { indicator_code: 'ACTIVITIES' },
    400,
  );
});

test('report templates, reports and the DHIS2 mapping answer as documented', async () => {
  const tehsil = await areaByCode(admin, 'P1-D1-T1');
  const templates = await conforms(
    'GET',
    '/api/v1/report-templates',
    '/api/v1/report-templates',
    undefined,
    200,
  );
  const mpr = templates.items.find((t) => t.code === 'MPR');
  const code = `T${uniq().toUpperCase()}`;
  await conforms(
    'POST',
    '/api/v1/report-templates',
    '/api/v1/report-templates',
    {
      code,
      name: 'Open API template',
      period_kind: 'month',
      items: mpr.items.slice(0, 2).map(({ section, indicator_code, by }) => ({
        section,
        indicator_code,
        by,
      })),
    },
    201,
  );
  await conforms(
    'POST',
    '/api/v1/report-templates',
    '/api/v1/report-templates',
    { code: 'a b', items: [] },
    400,
  );
  const report = await conforms(
    'POST',
    '/api/v1/reports',
    '/api/v1/reports',
    { template_code: 'MPR', area_id: tehsil.id, period: '2025-11' },
    201,
  );
  assert.ok(report.sections.length);
  await conforms('GET', '/api/v1/reports', '/api/v1/reports', undefined, 200);
  await conforms('GET', '/api/v1/reports/{id}', `/api/v1/reports/${report.id}`, undefined, 200);
  const patched = await conforms(
    'PATCH',
    '/api/v1/reports/{id}',
    `/api/v1/reports/${report.id}`,
    {
      version: report.version,
      achievements: 'Much',
      stories: [{ title: 'A story', body: 'Told', file_ids: [] }],
    },
    200,
  );
  const submitted = await conforms(
    'POST',
    '/api/v1/reports/{id}/submit',
    `/api/v1/reports/${report.id}/submit`,
    { version: patched.version },
    200,
  );
  // An approved report carries its approved figures beside the live ones.
  const approved = await conforms(
    'POST',
    '/api/v1/reports/{id}/approve',
    `/api/v1/reports/${report.id}/approve`,
    { version: submitted.version },
    200,
    { as: manager },
  );
  assert.equal(approved.status, 'approved');
  await conforms('GET', '/api/v1/reports/{id}', '/api/v1/reports/nope', undefined, 404);
  const mapping = await conforms(
    'GET',
    '/api/v1/dhis2-mapping',
    '/api/v1/dhis2-mapping',
    undefined,
    200,
  );
  await conforms('PUT', '/api/v1/dhis2-mapping', '/api/v1/dhis2-mapping', mapping, 200);
});

test('roles, duplicates, registry configuration changes and imports answer as documented', async () => {
  await conforms('GET', '/api/v1/roles', '/api/v1/roles', undefined, 200);
  await conforms(
    'GET',
    '/api/v1/households/duplicates',
    '/api/v1/households/duplicates',
    undefined,
    200,
  );
  const config = (await admin.get('/api/v1/registry/config')).json;
  const type = config.institution_types[0];
  const { code, ...body } = type;
  await conforms(
    'PUT',
    '/api/v1/institution-types/{code}',
    `/api/v1/institution-types/${code}`,
    body,
    200,
  );
  await conforms(
    'PUT',
    '/api/v1/institution-types/{code}',
    `/api/v1/institution-types/${code}`,
    { ...body, member_kind: 'cats' },
    400,
  );
  const csv = (header, rows) => [header, ...rows].join('\r\n');
  const file = { raw: true, headers: { 'content-type': 'text/csv' } };
  const imported = await conforms(
    'POST',
    '/api/v1/targets/import',
    '/api/v1/targets/import?dry_run=true',
    csv('indicator_code,area_code,period,disaggregation,value', [
      'ACTIVITIES,P1-D1-T1-U1,2026-04,,3',
      'NOPE,P1-D1-T1-U1,2026-04,,3',
    ]),
    200,
    file,
  );
  assert.equal(imported.ok, false);
  assert.ok(imported.errors.length);
  await conforms(
    'POST',
    '/api/v1/areas/import',
    '/api/v1/areas/import?dry_run=true',
    csv('code,name,name_local,level,parent_code', [`OA${uniq()},Somewhere,,,P1-D1-T1-U1`]),
    200,
    file,
  );
  await conforms(
    'POST',
    '/api/v1/targets/import',
    '/api/v1/targets/import?dry_run=maybe',
    'x',
    400,
    file,
  );
});
