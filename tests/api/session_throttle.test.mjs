// Sign-in throttling under concurrency, per account and address behind a trusted proxy, and the
// TLS headers (Secure cookie, HSTS) when the server is told it is behind TLS. Both databases.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startServer,
  login,
  areaByCode,
  uniq,
  freshPgDatabase,
  freshSqliteDatabase,
  rawGet,
  BIN,
} from './support.mjs';

// A sign-in attempt as a proxy in front would pass it on: from `ip`, over `proto`.
async function attempt(base, username, password, { ip, proto } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (ip) headers['x-forwarded-for'] = ip;
  if (proto) headers['x-forwarded-proto'] = proto;
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ username, password }),
  });
  await res.text();
  return res;
}

const count = (answers, status) => answers.filter((r) => r.status === status).length;

async function newUser(admin) {
  const a = await areaByCode(admin, 'P1-D1');
  const username = `t${uniq()}`;
  const r = await admin.post('/api/v1/users', {
    username,
    full_name: 'Throttle User',
    password: 'right-pass-1',
    roles: [{ role: 'mobiliser', area_id: a.id }],
  });
  assert.equal(r.status, 201, r.text);
  return username;
}

for (const backend of ['sqlite', 'postgres'])
  describe(`${backend}, behind a trusted proxy`, () => {
    let srv, admin;
    before(async () => {
      srv = await startServer({
        ...(backend === 'postgres' ? { database: freshPgDatabase() } : {}),
        env: { MOBILISE_TRUSTED_PROXIES: '127.0.0.1' },
      });
      admin = await login(srv.base, 'admin');
    });
    after(async () => {
      await srv?.stop();
    });

    test('5 wrong passwords allowed means 5 under 40 concurrent attempts', async () => {
      const user = await newUser(admin);
      const ip = '198.51.100.10';
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => attempt(srv.base, user, 'wrong-pass', { ip })),
      );
      assert.equal(count(answers, 401), 5, answers.map((r) => r.status).join(','));
      assert.equal(count(answers, 429), 35);
      // The right password from that address waits out the back-off ...
      const locked = await attempt(srv.base, user, 'right-pass-1', { ip });
      assert.equal(locked.status, 429);
      const wait = Number(locked.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
      // ... but the owner elsewhere is not locked out by it.
      const owner = await attempt(srv.base, user, 'right-pass-1', { ip: '203.0.113.77' });
      assert.equal(owner.status, 200);
    });

    test('one address may fail 30 times over any accounts, even all at once', async () => {
      const ip = '198.51.100.20';
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attempt(srv.base, `nobody${i}-${uniq()}`, 'wrong-pass', { ip }),
        ),
      );
      assert.equal(count(answers, 401), 30, answers.map((r) => r.status).join(','));
      assert.equal(count(answers, 429), 10);
      const other = await attempt(srv.base, `nobody-${uniq()}`, 'wrong-pass', {
        ip: '198.51.100.21',
      });
      assert.equal(other.status, 401, 'another address is not held');
    });

    test('a success gives back its reserved attempt', async () => {
      const user = await newUser(admin);
      const ip = '198.51.100.30';
      for (let i = 0; i < 4; i++)
        assert.equal((await attempt(srv.base, user, 'wrong-pass', { ip })).status, 401);
      assert.equal((await attempt(srv.base, user, 'right-pass-1', { ip })).status, 200);
      // The pair starts again: five more wrong passwords before the back-off.
      for (let i = 0; i < 5; i++)
        assert.equal((await attempt(srv.base, user, 'wrong-pass', { ip })).status, 401, `${i}`);
      assert.equal((await attempt(srv.base, user, 'wrong-pass', { ip })).status, 429);
    });

    test('X-Forwarded-Proto: https from the proxy: Secure cookie and HSTS', async () => {
      const tls = await attempt(srv.base, 'admin', 'admin-demo-pass', {
        ip: '198.51.100.40',
        proto: 'https',
      });
      assert.equal(tls.status, 200);
      assert.match(tls.headers.get('set-cookie'), /; Secure/);
      assert.match(tls.headers.get('strict-transport-security'), /max-age=\d+/);
      const plain = await attempt(srv.base, 'admin', 'admin-demo-pass', { ip: '198.51.100.40' });
      assert.equal(plain.status, 200);
      assert.doesNotMatch(plain.headers.get('set-cookie'), /Secure/);
      assert.equal(plain.headers.get('strict-transport-security'), null);
    });
  });

describe('trusted proxies as CIDR ranges', () => {
  let srv;
  before(async () => {
    // The test's requests come from 127.0.0.1, inside the first range.
    srv = await startServer({ env: { MOBILISE_TRUSTED_PROXIES: '127.0.0.0/8, fd00::/8' } });
  });
  after(async () => {
    await srv?.stop();
  });

  test('a proxy inside a range is believed: each forwarded address is throttled alone', async () => {
    const admin = await login(srv.base, 'admin');
    const user = await newUser(admin);
    const ip = '198.51.100.50';
    for (let i = 0; i < 5; i++)
      assert.equal((await attempt(srv.base, user, 'wrong-pass', { ip })).status, 401, `${i}`);
    assert.equal((await attempt(srv.base, user, 'right-pass-1', { ip })).status, 429);
    // Another client behind the same proxy is another address.
    const other = await attempt(srv.base, user, 'right-pass-1', { ip: '203.0.113.51' });
    assert.equal(other.status, 200);
  });

  test('an entry that is no address or range stops the server at start, naming it', () => {
    for (const bad of ['10.0.0.1/8', '10.0.0.0/33', 'fd00::/129', 'proxy.local']) {
      const { url, dir } = freshSqliteDatabase();
      const r = spawnSync(BIN, ['--database', url, 'serve', '--listen', '127.0.0.1:0'], {
        env: { ...process.env, MOBILISE_TRUSTED_PROXIES: `127.0.0.1,${bad}` },
        encoding: 'utf8',
        timeout: 20000,
      });
      rmSync(dir, { recursive: true, force: true });
      assert.equal(r.signal, null, `${bad}: the server started`);
      assert.notEqual(r.status, 0, bad);
      assert.match(r.stderr, /MOBILISE_TRUSTED_PROXIES/, bad);
      assert.ok(r.stderr.includes(`"${bad}" is not an IP address or a range`), r.stderr);
    }
  });
});

describe('no trusted proxy', () => {
  let srv;
  before(async () => {
    srv = await startServer();
  });
  after(async () => {
    await srv?.stop();
  });

  test('X-Forwarded-For from a client is ignored: a new header is no new address', async () => {
    const admin = await login(srv.base, 'admin');
    const user = await newUser(admin);
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await attempt(srv.base, user, 'wrong-pass', { ip: `192.0.2.${i}` })).status,
        401,
      );
    const r = await attempt(srv.base, user, 'right-pass-1', { ip: '192.0.2.99' });
    assert.equal(r.status, 429);
  });

  test('X-Forwarded-Proto from a client is ignored: no Secure, no HSTS', async () => {
    const r = await attempt(srv.base, 'admin', 'admin-demo-pass', { proto: 'https' });
    assert.equal(r.status, 200);
    assert.doesNotMatch(r.headers.get('set-cookie'), /Secure/);
    assert.equal(r.headers.get('strict-transport-security'), null);
  });
});

// Sends `text` as it is and resolves with the status and headers of the answer.
function rawExchange(base, text) {
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(new URL(base).port), '127.0.0.1');
    let data = '';
    s.on('data', (d) => {
      data += d.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [line, ...fields] = data.slice(0, end).split('\r\n');
      const headers = {};
      for (const f of fields) {
        const colon = f.indexOf(':');
        headers[f.slice(0, colon).toLowerCase()] = f.slice(colon + 1).trim();
      }
      s.destroy();
      resolve({ status: Number(line.split(' ')[1]), headers });
    });
    s.on('error', reject);
    s.write(text);
  });
}

describe('behind TLS (MOBILISE_BEHIND_TLS)', () => {
  let srv, webRoot;
  before(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'mobilise-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Mobilise</title>');
    srv = await startServer({ env: { MOBILISE_BEHIND_TLS: 'true' }, webRoot });
  });
  after(async () => {
    await srv?.stop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  test('HSTS on static files and on the errors the server answers itself', async () => {
    const hsts = /^max-age=31536000; includeSubDomains$/;
    const app = await rawGet(srv.base, '/');
    assert.equal(app.status, 200);
    assert.match(app.headers['strict-transport-security'] ?? '', hsts, 'the web app');
    const missing = await rawGet(srv.base, '/assets/missing-0123.js');
    assert.equal(missing.status, 404);
    assert.match(missing.headers['strict-transport-security'] ?? '', hsts, 'a missing file');
    const host = 'Host: mis.example.org\r\n';
    const cases = [
      // Over the body limit: refused from the headers (413).
      [`POST /api/v1/session HTTP/1.1\r\n${host}Content-Length: 5000000\r\n\r\n`, 413],
      // No credentials for a route that needs them, refused before the body (401).
      [`POST /api/v1/activities HTTP/1.1\r\n${host}Content-Length: 10\r\n\r\n`, 401],
      // Framing the server refuses (400).
      [`POST /api/v1/session HTTP/1.1\r\n${host}Transfer-Encoding: gzip\r\n\r\n`, 400],
      // A request target it cannot read (400).
      [`GET /api/v1/areas?q=%ff HTTP/1.1\r\n${host}\r\n`, 400],
    ];
    for (const [text, status] of cases) {
      const r = await rawExchange(srv.base, text);
      assert.equal(r.status, status, text);
      assert.match(r.headers['strict-transport-security'] ?? '', hsts, text);
    }
  });

  test('every answer: Secure cookies and HSTS', async () => {
    const r = await attempt(srv.base, 'admin', 'admin-demo-pass');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('set-cookie'), /; Secure/);
    assert.match(r.headers.get('strict-transport-security'), /max-age=31536000/);
    const c = await login(srv.base, 'admin');
    const out = await c.del('/api/v1/session');
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie'), /Max-Age=0; Secure/);
  });
});
