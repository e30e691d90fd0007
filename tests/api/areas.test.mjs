// Areas: CRUD, move, versions, validation, import, audit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq } from './support.mjs';

let srv, admin;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
});
after(async () => {
  await srv?.stop();
});

async function create(parent, extra = {}) {
  const r = await admin.post('/api/v1/areas', {
    parent_id: parent.id,
    code: `A${uniq()}`,
    name: `Area ${uniq()}`,
    ...extra,
  });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

test('level names and the admin top area', async () => {
  const levels = (await admin.get('/api/v1/area-levels')).json;
  assert.deepEqual(
    levels.map((l) => l.name),
    ['Country', 'Province', 'District', 'Tehsil', 'Union Council', 'Village'],
  );
  const top = await admin.get('/api/v1/areas');
  assert.equal(top.json.items.length, 1);
  assert.equal(top.json.items[0].code, 'PK');
  assert.equal(top.json.items[0].child_count, 2);
  assert.equal(top.json.items[0].level_name, 'Country');
  assert.equal(top.json.items[0].level_name_local, 'هېواد');
});

test('create a child: level follows the parent; detail has ancestors; children list it', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  const a = await create(d1, { name_local: 'نوې سیمه' });
  assert.equal(a.level, d1.level + 1);
  assert.equal(a.level_name, 'Tehsil');
  assert.equal(a.version, 1);
  const detail = (await admin.get(`/api/v1/areas/${a.id}`)).json;
  assert.deepEqual(detail.ancestors.map((x) => x.id).slice(-1), [d1.id]);
  assert.equal(detail.name_local, 'نوې سیمه');
  const kids = (await admin.get(`/api/v1/areas/${d1.id}/children?limit=500`)).json;
  assert.ok(kids.items.some((x) => x.id === a.id));
  assert.equal(kids.total, kids.items.length);
});

test('codes are unique; bad fields are named', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  let r = await admin.post('/api/v1/areas', { parent_id: d1.id, code: 'P1-D2', name: 'dup' });
  assert.equal(r.status, 409);
  r = await admin.post('/api/v1/areas', {
    parent_id: d1.id,
    code: 'has space',
    name: '',
    colour: 'red',
  });
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.colour);
  r = await admin.post('/api/v1/areas', { parent_id: d1.id, code: 'has space', name: '' });
  assert.ok(r.json.error.fields.code);
  assert.equal(r.json.error.fields.name, 'is required');
  r = await admin.post('/api/v1/areas', { parent_id: 'not-an-id', code: 'OK1', name: 'x' });
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.parent_id);
});

test('bad UTF-8 and oversize bodies are refused, nothing written', async () => {
  const before = (await admin.get('/api/v1/areas?q=BADUTF')).json.total;
  const d1 = await areaByCode(admin, 'P1-D1');
  const bytes = Buffer.concat([
    Buffer.from(`{"parent_id":"${d1.id}","code":"BADUTF","name":"`),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}'),
  ]);
  let r = await admin.post('/api/v1/areas', bytes, {
    raw: true,
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(r.status, 400);
  const big = JSON.stringify({ parent_id: d1.id, code: 'BADUTF', name: 'x'.repeat(2 << 20) });
  r = await admin
    .post('/api/v1/areas', big, { raw: true, headers: { 'content-type': 'application/json' } })
    .catch(() => ({ status: 413 }));
  assert.equal(r.status, 413);
  assert.equal((await admin.get('/api/v1/areas?q=BADUTF')).json.total, before);
});

test('unknown and malformed ids are 404', async () => {
  assert.equal((await admin.get('/api/v1/areas/0190a5a4-7c2e-7000-8000-000000000000')).status, 404);
  assert.equal((await admin.get('/api/v1/areas/nonsense')).status, 404);
  assert.equal((await admin.get('/api/v1/nothing-here')).status, 404);
  assert.equal((await admin.request('PUT', '/api/v1/areas')).status, 405);
});

test('update needs the current version; a stale one gets 409 with the current record', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  const a = await create(d1);
  let r = await admin.patch(`/api/v1/areas/${a.id}`, { version: 1, name: 'Renamed' });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.version, 2);
  r = await admin.patch(`/api/v1/areas/${a.id}`, { version: 1, name: 'Lost update' });
  assert.equal(r.status, 409);
  assert.equal(r.json.error.current.name, 'Renamed');
  r = await admin.patch(`/api/v1/areas/${a.id}`, { name: 'no version' });
  assert.equal(r.status, 400);
  assert.equal(r.json.error.fields.version, 'is required');
  r = await admin.patch(`/api/v1/areas/${a.id}`, { version: 2, name_local: null });
  assert.equal(r.status, 200);
  assert.equal(r.json.name_local, null);
});

test('move a subtree; refuse moves under itself or to another depth', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  const d2 = await areaByCode(admin, 'P1-D2');
  const t = await create(d1);
  const u = await create(t);
  let r = await admin.patch(`/api/v1/areas/${t.id}`, { version: 1, parent_id: d2.id });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.parent_id, d2.id);
  const uDetail = (await admin.get(`/api/v1/areas/${u.id}`)).json;
  assert.deepEqual(
    uDetail.ancestors.slice(-2).map((x) => x.id),
    [d2.id, t.id],
  );
  const kids = (await admin.get(`/api/v1/areas/${d2.id}/children?limit=500`)).json;
  assert.ok(kids.items.some((x) => x.id === t.id));
  r = await admin.patch(`/api/v1/areas/${t.id}`, { version: 2, parent_id: u.id });
  assert.equal(r.status, 400);
  r = await admin.patch(`/api/v1/areas/${u.id}`, { version: 1, parent_id: d1.id }); // depth changes
  assert.equal(r.status, 400);
});

test('delete: refused while it has children, allowed for a leaf; both audited', async () => {
  const d1 = await areaByCode(admin, 'P1-D1');
  const t = await create(d1);
  const leaf = await create(t);
  let r = await admin.del(`/api/v1/areas/${t.id}`);
  assert.equal(r.status, 409);
  r = await admin.del(`/api/v1/areas/${leaf.id}`);
  assert.equal(r.status, 204);
  assert.equal((await admin.get(`/api/v1/areas/${leaf.id}`)).status, 404);
  const audit = (await admin.get(`/api/v1/audit?entity=area&entity_id=${leaf.id}`)).json.items;
  assert.deepEqual(
    audit.map((e) => e.action),
    ['delete', 'create'],
  );
  assert.equal(audit[0].before.code, leaf.code);
  assert.equal(audit[0].after, null);
  assert.equal(audit[0].username, 'admin');
  assert.ok(audit[0].ip);
});

test('search by code or name, case-insensitive, in scope', async () => {
  const r = (await admin.get('/api/v1/areas?q=p2-d1-t1-u1&limit=5')).json;
  assert.ok(r.items.length >= 1);
  assert.ok(
    r.items.every(
      (a) =>
        a.code.toLowerCase().includes('p2-d1-t1-u1') ||
        a.name.toLowerCase().includes('p2-d1-t1-u1'),
    ),
  );
  assert.equal((await admin.get('/api/v1/areas?limit=0')).status, 400);
  assert.equal((await admin.get('/api/v1/areas?level=x')).status, 400);
});

test('import: a dry run names every bad row and loads nothing; a good file loads all', async () => {
  const s = uniq().toUpperCase();
  const csv = (rows) => ['code,name,name_local,level,parent_code', ...rows].join('\r\n');
  const post = (body, dry, type = 'text/csv') =>
    admin.post(`/api/v1/areas/import?dry_run=${dry}`, body, {
      raw: true,
      headers: { 'content-type': type },
    });
  const bad = csv([
    `T${s},Tehsil ${s},تحصیل,Tehsil,P1-D1`,
    `U${s},,,,T${s}`,
    `V${s},"=HYPERLINK(""x"")",,,T${s}`,
    `W${s},Village,,,NOPE${s}`,
    `T${s},Again,,,P1-D1`,
  ]);
  let r = await post(bad, 'false');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.ok, false);
  assert.equal(r.json.created, 0);
  assert.deepEqual(
    r.json.errors.map((e) => [e.row, e.column]),
    [
      [3, 'name'],
      [4, 'name'],
      [5, 'parent_code'],
      [6, 'code'],
    ],
  );
  assert.equal((await admin.get(`/api/v1/areas?q=${s}`)).json.total, 0);

  const good = csv([`U${s},Union ${s},,,T${s}`, `T${s},Tehsil ${s},تحصیل,Tehsil,P1-D1`]);
  r = await post(good, 'true');
  assert.deepEqual([r.json.ok, r.json.created, r.json.rows], [true, 0, 2]);
  assert.equal((await admin.get(`/api/v1/areas?q=${s}`)).json.total, 0);
  r = await post(good, 'false');
  assert.deepEqual([r.json.ok, r.json.created], [true, 2]);
  const u = await areaByCode(admin, `U${s}`);
  assert.equal(u.level_name, 'Union Council');

  r = await post('name,colour\nx,red\n', 'true');
  assert.equal(r.status, 400);
  assert.ok(r.json.error.fields.code);
  assert.ok(r.json.error.fields.colour);
  r = await post(
    Buffer.from([
      0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x41, 0x2c, 0xe9, 0x0a,
    ]),
    'true',
  );
  assert.equal(r.status, 400); // not UTF-8
  r = await post('%PDF-1.4', 'true', 'application/pdf');
  assert.equal(r.status, 415);
  const m = await login(srv.base, 'mobiliser.u1');
  r = await m.post('/api/v1/areas/import?dry_run=true', good, {
    raw: true,
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(r.status, 403);
});

test('import from XLSX: formulas are refused by row, a clean workbook loads', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join, dirname } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const here = dirname(fileURLToPath(import.meta.url));
  const xlsx = (rows) => {
    const out = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'areas.xlsx');
    execFileSync('python3', [join(here, 'fixtures', 'make_xlsx.py'), out], {
      input: JSON.stringify(rows),
    });
    return readFileSync(out);
  };
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const s = uniq().toUpperCase();
  const head = ['code', 'name', 'name_local', 'parent_code'];
  let r = await admin.post(
    '/api/v1/areas/import?dry_run=false',
    xlsx([head, [`X${s}`, 'Good', 'ښه', 'P2-D1'], [`Y${s}`, '=1+1', '', 'P2-D1']]),
    { raw: true, headers: { 'content-type': type } },
  );
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.created, 0);
  assert.deepEqual(
    r.json.errors.map((e) => e.row),
    [3],
  );
  r = await admin.post(
    '/api/v1/areas/import?dry_run=false',
    xlsx([head, [`X${s}`, 'Good', 'ښه', 'P2-D1'], [`Y${s}`, 'Also good', '', `X${s}`]]),
    { raw: true, headers: { 'content-type': type } },
  );
  assert.deepEqual([r.json.ok, r.json.created], [true, 2], r.text);
  assert.equal((await areaByCode(admin, `X${s}`)).name_local, 'ښه');
});

test('level names: renamed by a programme-wide admin, every bad item named, refused to others', async () => {
  const before = (await admin.get('/api/v1/area-levels')).json;
  let r = await admin.request('PUT', '/api/v1/area-levels', [
    { level: 0, name: 'A' },
    'x',
    { level: 2, name: 'V', extra: 1 },
  ]);
  assert.equal(r.status, 400); // shape errors, each named
  for (const k of ['[1]', '[2].extra']) assert.ok(r.json.error.fields[k], k);
  r = await admin.request('PUT', '/api/v1/area-levels', [
    { level: 0, name: '' },
    { level: 5, name: 'V' },
  ]);
  assert.equal(r.status, 400); // rule errors, each named
  for (const k of ['[0].name', '[1].level']) assert.ok(r.json.error.fields[k], k);
  const padmin = await login(srv.base, 'admin.p2');
  const renamed = before.map((l) => ({
    level: l.level,
    name: l.name + ' X',
    name_local: l.name_local,
  }));
  assert.equal((await padmin.request('PUT', '/api/v1/area-levels', renamed)).status, 403);
  r = await admin.request('PUT', '/api/v1/area-levels', renamed);
  assert.equal(r.status, 204, r.text);
  assert.equal((await admin.get('/api/v1/area-levels')).json[1].name, 'Province X');
  const d1 = await areaByCode(admin, 'P1-D1');
  assert.equal(d1.level_name, 'District X');
  r = await admin.request(
    'PUT',
    '/api/v1/area-levels',
    before.map(({ level, name, name_local }) => ({ level, name, name_local })),
  );
  assert.equal(r.status, 204);
});
