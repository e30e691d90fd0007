// Overload and framing against the real binary (issue 15): route, credentials and size limit
// decided from the headers before the body; a database write-locked by another process; a full
// disk (a small tmpfs in a private mount namespace); many idle sockets under a low open-file limit.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, login, areaByCode, uniq } from './support.mjs';

const MiB = 1024 * 1024;

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m[1]) / 1024);
}

// Sends `head`, then a body of `length` bytes a MiB at a time until the server answers. Resolves
// with the status (0: closed without one) and the body bytes the server had taken by then.
function uploadUntilAnswered(port, head, length) {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let data = '';
    let sent = 0;
    let done = false;
    const finish = (status) => {
      if (done) return;
      done = true;
      s.destroy();
      resolve({ status, sent });
    };
    const pump = () => {
      if (done || sent >= length) return;
      const n = Math.min(MiB, length - sent);
      s.write(Buffer.alloc(n, 0x61), (err) => {
        if (err) return;
        sent += n;
        pump();
      });
    };
    s.on('data', (d) => {
      data += d.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(data);
      if (m && data.includes('\r\n\r\n')) finish(Number(m[1]));
    });
    s.on('error', () => finish(0));
    s.on('close', () => finish(0));
    s.write(head, () => pump());
  });
}

const activity = (areaId) => ({
  type: 'awareness_session',
  title: `Overload ${uniq()}`,
  held_on: '2026-01-15',
  start_time: '10:00',
  end_time: '11:30',
  area_id: areaId,
  place: 'School',
  topics: ['wash'],
  facilitators: [{ name: 'Lady health worker' }],
  counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 3 }],
});

describe('overload: one server', () => {
  let srv, port, mob, uc;
  before(async () => {
    srv = await startServer();
    port = Number(new URL(srv.base).port);
    mob = await login(srv.base, 'mobiliser.u1');
    uc = await areaByCode(await login(srv.base, 'admin'), 'P1-D1-T1-U1');
  });
  after(async () => {
    await srv?.stop();
  });

  test('route, credentials and size limit are decided before a 50 MiB body', async () => {
    const size = 50 * MiB;
    const cases = [
      ['/api/v1/nothing/import', '', 404],
      ['/api/v1/nothing/files', '', 404],
      ['/api/v1/households/import?dry_run=true', '', 401],
      ['/api/v1/activities/x/files?filename=a.png', '', 401],
      ['/api/v1/activities/x/files?filename=a.png', `Cookie: ${mob.cookie}\r\n`, 413],
    ];
    const rssBefore = rssMiB(srv.pid);
    for (let i = 0; i < 40; i++) {
      const [path, extra, want] = cases[i % cases.length];
      const head = `POST ${path} HTTP/1.1\r\nHost: x\r\n${extra}Content-Length: ${size}\r\n\r\n`;
      const r = await uploadUntilAnswered(port, head, size);
      assert.equal(r.status, want, path);
      assert.ok(r.sent < size, `${path}: answered only after the whole body (${r.sent} bytes)`);
    }
    const rssAfter = rssMiB(srv.pid);
    console.log(`RSS over 40 refused 50 MiB uploads: ${rssBefore} -> ${rssAfter} MiB`);
    assert.ok(rssAfter - rssBefore < 100, `${rssBefore} -> ${rssAfter} MiB`);
    // /files keeps its documented 10 MB; a file within it is read and stored.
    const a = (await mob.post('/api/v1/activities', activity(uc.id))).json;
    const over = await uploadUntilAnswered(
      port,
      `POST /api/v1/activities/${a.id}/files?filename=a.pdf HTTP/1.1\r\nHost: x\r\n` +
        `Cookie: ${mob.cookie}\r\nX-CSRF-Token: ${mob.csrf}\r\nContent-Length: ${10 * MiB + 1}\r\n\r\n`,
      10 * MiB + 1,
    );
    assert.equal(over.status, 413);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2 * MiB)]);
    const ok = await mob.request('POST', `/api/v1/activities/${a.id}/files?filename=a.pdf`, pdf, {
      raw: true,
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(ok.status, 201, ok.text);
  });

  test('another process holds the write lock: health and reads answer, a write gets 503', async () => {
    const file = srv.database.replace(/^sqlite:/, '');
    const holder = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const locked = new Promise((resolve) =>
        holder.stdout.on('data', (d) => String(d).includes('locked') && resolve()),
      );
      holder.stdin.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
      await locked;
      const health = await fetch(srv.base + '/healthz');
      assert.equal(health.status, 200);
      assert.equal((await mob.get(`/api/v1/activities?area=${uc.id}`)).status, 200);
      const w = await mob.post('/api/v1/activities', activity(uc.id));
      assert.equal(w.status, 503, w.text);
      assert.equal(w.json.error.code, 'busy');
      assert.ok(Number(w.headers.get('retry-after')) > 0);
    } finally {
      holder.stdin.end('ROLLBACK;\n.quit\n');
    }
    await new Promise((resolve) => holder.on('exit', resolve));
    assert.equal((await mob.post('/api/v1/activities', activity(uc.id))).status, 201);
  });
});

// Another process holds SQLite's write lock while `fn` runs (the sqlite3 command line).
async function whileLocked(database, fn) {
  const holder = spawn('sqlite3', [database.replace(/^sqlite:/, '')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const locked = new Promise((resolve) =>
      holder.stdout.on('data', (d) => String(d).includes('locked') && resolve()),
    );
    holder.stdin.write("BEGIN IMMEDIATE;\nSELECT 'locked';\n");
    await locked;
    await fn();
  } finally {
    holder.stdin.end('ROLLBACK;\n.quit\n');
  }
  await new Promise((resolve) => holder.on('exit', resolve));
}

test('an institutions dry run takes no write lock: it answers while another writer holds it', async () => {
  const srv = await startServer();
  try {
    const mob = await login(srv.base, 'mobiliser.u1');
    const admin = await login(srv.base, 'admin');
    const village = await areaByCode(admin, 'P1-D1-T1-U1-V2');
    const hh = await mob.post('/api/v1/households', {
      code: `HH${uniq()}`,
      area_id: village.id,
      head_name: `Head ${uniq()}`,
      head_father_name: `Father ${uniq()}`,
      people: [{ name: `P ${uniq()}`, sex: 'f', relation: 'head', age: 40 }],
    });
    assert.equal(hh.status, 201, hh.text);
    const code = `I${uniq()}`;
    // A village organisation, a community organisation under it (named by the file's code) with
    // the household as a member, and the household again in another CO: refused, as it would be
    // once the first membership were written.
    const csv = [
      'code,type,area_code,name,parent_code,formed_on,sex_composition,status,member_household_code,role,joined_on',
      `${code}V,VO,P1-D1-T1-U1-V2,Village org,,2024-01-01,women,active,,,`,
      `${code}C,CO,P1-D1-T1-U1-V2,Gul CO,${code}V,2024-02-01,women,active,${hh.json.code},president,2024-02-02`,
      `${code}D,CO,P1-D1-T1-U1-V2,Other CO,${code}V,2024-02-01,women,active,${hh.json.code},member,2024-02-03`,
    ].join('\n');
    const upload = (dry) =>
      mob.post(`/api/v1/institutions/import?dry_run=${dry}`, csv, {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
    await whileLocked(srv.database, async () => {
      const dry = await upload(true);
      assert.equal(dry.status, 200, dry.text);
      assert.equal(dry.json.institutions, 3);
      assert.equal(dry.json.memberships, 1);
      assert.deepEqual(
        dry.json.errors.map((e) => [e.row, e.column]),
        [[4, 'member_household_code']],
      );
      // The lock is held: a real import waits for it and is told to try again.
      const real = await upload(false);
      assert.equal(real.status, 503, real.text);
    });
    // Nothing of the dry run was kept.
    assert.equal((await mob.get(`/api/v1/institutions?q=${code}`)).json.items.length, 0);
  } finally {
    await srv.stop();
  }
});

// Opens `n` TCP connections that send nothing; resolves once all are connected.
async function idleSockets(port, n) {
  const sockets = [];
  for (let i = 0; i < n; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    await new Promise((resolve) => s.once('connect', resolve));
    sockets.push(s);
  }
  return sockets;
}

for (const [limits, what] of [
  ['256:4096', 'the open-file soft limit is raised to the hard one'],
  ['256:256', 'the connection cap stays below the open-file limit and idle sockets make room'],
]) {
  test(`300 idle sockets under nofile ${limits}: a new client is served (${what})`, async () => {
    const srv = await startServer({ wrapper: () => ['prlimit', `--nofile=${limits}`] });
    const sockets = await idleSockets(Number(new URL(srv.base).port), 300);
    try {
      const r = await fetch(srv.base + '/healthz', { signal: AbortSignal.timeout(30000) });
      assert.equal(r.status, 200);
    } finally {
      for (const s of sockets) s.destroy();
      await srv.stop();
    }
  });
}

const canMount =
  spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs /mnt']).status === 0;

test('a full disk: 507, no partial file left, health says the disk is low', async (t) => {
  if (!canMount) return t.skip('cannot mount a tmpfs in a user namespace here');
  // The files directory is a 3 MiB tmpfs in the server's own mount namespace.
  const srv = await startServer({
    env: { MOBILISE_MIN_FREE_DISK: String(MiB) },
    wrapper: (work) => [
      'unshare',
      '-rm',
      'sh',
      '-c',
      `mkdir -p ${work}/files && mount -t tmpfs -o size=3m tmpfs ${work}/files && exec "$@"`,
      'sh',
    ],
  });
  try {
    const mob = await login(srv.base, 'mobiliser.u1');
    const uc = await areaByCode(await login(srv.base, 'admin'), 'P1-D1-T1-U1');
    let health = await (await fetch(srv.base + '/healthz')).json();
    assert.equal(health.disk.status, 'ok', JSON.stringify(health));
    const a = (await mob.post('/api/v1/activities', activity(uc.id))).json;
    const statuses = [];
    for (let i = 0; i < 6 && !statuses.includes(507); i++) {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(MiB)]);
      const r = await mob.request(
        'POST',
        `/api/v1/activities/${a.id}/files?filename=${i}.pdf`,
        pdf,
        {
          raw: true,
          headers: { 'content-type': 'application/pdf' },
        },
      );
      statuses.push(r.status);
      if (r.status === 507) assert.equal(r.json.error.code, 'disk_full');
    }
    assert.ok(statuses.includes(507), statuses.join());
    assert.ok(
      statuses.every((s) => s === 201 || s === 507),
      statuses.join(),
    );
    const files = join(`/proc/${srv.pid}/root`, srv.work, 'files');
    const left = [];
    for (const dir of readdirSync(files)) {
      if (existsSync(join(files, dir)) && !dir.includes('.'))
        left.push(...readdirSync(join(files, dir)).filter((f) => f.endsWith('.tmp')));
    }
    assert.deepEqual(left, []);
    health = await (await fetch(srv.base + '/healthz')).json();
    assert.equal(health.status, 'degraded');
    assert.equal(health.disk.status, 'low');
    assert.ok(health.disk.free_bytes < MiB);
  } finally {
    await srv.stop();
  }
});
