// Starts the real `mobilise` binary on a free port against a fresh database, and a small HTTP
// client that keeps a cookie and the CSRF token like the browser does.
import { spawn, execFileSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';

export const BIN = process.env.MOBILISE_BIN || 'build/apps/mobilise/mobilise';

export function pgUrl() {
  const file = process.env.MOBILISE_TEST_PG_URL_FILE;
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (process.env.MOBILISE_TEST_PG_URL) return process.env.MOBILISE_TEST_PG_URL;
  throw new Error('no PostgreSQL test server: MOBILISE_TEST_PG_URL_FILE is not set or missing');
}

// A new empty PostgreSQL database on the test server; returns its URL.
export function freshPgDatabase() {
  const base = pgUrl();
  const name = 'api_' + Math.random().toString(36).slice(2, 10);
  execFileSync('psql', [base, '-q', '-c', `CREATE DATABASE ${name}`]);
  return base.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
}

export function freshSqliteDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'mobilise-api-'));
  return { url: `sqlite:${join(dir, 'test.db')}`, dir };
}

export function runCli(args, input) {
  return execFileSync(BIN, args, { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

// Seeds the demo programme (unless seed=false) and starts a server; returns {base, stop}.
// `webRoot`: the directory of the web app it serves (none by default). `dataDir`: its data
// directory, kept by stop() (default: a temporary one, removed by stop()). `wrapper(work)`: a
// command (and its arguments) that runs the binary, given the server's work directory, e.g.
// `prlimit` or `unshare`; it must exec the binary, so that `pid` is the server's.
export async function startServer({
  database,
  seed = true,
  extraArgs = [],
  env = {},
  webRoot,
  dataDir,
  wrapper,
} = {}) {
  let dir;
  if (!database) {
    const s = freshSqliteDatabase();
    database = s.url;
    dir = s.dir;
  }
  if (seed) {
    try {
      runCli(['--database', database, 'demo', '--households', '300', '--seed', '3']);
    } catch (e) {
      if (!String(e.stderr).includes('already holds')) throw e;
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'mobilise-srv-'));
  const portFile = join(work, 'port');
  const command = [
    ...(wrapper ? wrapper(work) : []),
    BIN,
    '--database',
    database,
    '--log-level',
    'warn',
    'serve',
    '--listen',
    '127.0.0.1:0',
    '--port-file',
    portFile,
    '--data-dir',
    dataDir ?? work,
    '--web-root',
    webRoot ?? join(work, 'none'),
    ...extraArgs,
  ];
  const child = spawn(command[0], command.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  let exited = null;
  let signal;
  child.on('exit', (code, sig) => {
    exited = code ?? sig;
    signal = sig;
  });
  for (let i = 0; i < 200 && !existsSync(portFile); i++) {
    if (exited !== null) throw new Error(`server exited with ${exited}`);
    await sleep(50);
  }
  if (!existsSync(portFile)) throw new Error('server did not start within 10 s');
  const port = readFileSync(portFile, 'utf8').trim();
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    database,
    pid: child.pid,
    work,
    // The signal that ended the process (e.g. 'SIGKILL'), null after a normal exit, undefined
    // while it runs.
    exitSignal: () => signal,
    // Sends `sig` (e.g. 'SIGKILL') and waits until the process has gone.
    async kill(sig) {
      if (exited === null) child.kill(sig);
      for (let i = 0; i < 200 && exited === null; i++) await sleep(25);
    },
    async stop() {
      if (exited === null) {
        child.kill('SIGTERM');
        for (let i = 0; i < 100 && exited === null; i++) await sleep(50);
        if (exited === null) child.kill('SIGKILL');
      }
      rmSync(work, { recursive: true, force: true });
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The field problem codes the server publishes (x-field-codes of its OpenAPI document), per server.
const publishedCodes = new Map();
function fieldCodesOf(base) {
  if (!publishedCodes.has(base)) {
    publishedCodes.set(
      base,
      fetch(`${base}/api/v1/openapi.json`)
        .then((r) => r.json())
        .then((doc) => doc['x-field-codes']),
    );
  }
  return publishedCodes.get(base);
}

// Every error answer with `fields` gives each field's problem as a code too (issue 14): the same
// keys in `field_codes`, each a published code with exactly its catalogue's params. Checked on
// every answer any API test receives, so a route that forgets cannot pass its tests.
async function checkFieldCodes(base, method, path, error) {
  const where = `${method} ${path}: ${JSON.stringify(error)}`;
  const codes = error.field_codes;
  if (!codes || typeof codes !== 'object') throw new Error(`no error.field_codes in ${where}`);
  const keys = (o) => Object.keys(o).sort().join(',');
  if (keys(codes) !== keys(error.fields))
    throw new Error(`error.field_codes and error.fields name other fields in ${where}`);
  const catalogue = await fieldCodesOf(base);
  for (const [field, { code, params }] of Object.entries(codes)) {
    const entry = catalogue?.[code];
    if (!entry) throw new Error(`${field}: code ${code} is not in x-field-codes, in ${where}`);
    if (keys(params) !== [...entry.params].sort().join(','))
      throw new Error(`${field}: params of ${code} are not ${entry.params}, in ${where}`);
  }
}

// A browser-like client: keeps the session cookie and sends the CSRF token on writes.
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
    this.bearer = null;
  }
  async request(method, path, body, { headers = {}, raw = false } = {}) {
    const h = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload;
    if (body !== undefined) {
      if (raw) payload = body;
      else {
        payload = JSON.stringify(body);
        h['content-type'] = h['content-type'] || 'application/json';
      }
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (json?.error?.fields) await checkFieldCodes(this.base, method, path, json.error);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /mobilise_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `mobilise_session=${m[1]}` : null;
    }
    return { status: res.status, json, text, headers: res.headers };
  }
  get(path, opts) {
    return this.request('GET', path, undefined, opts);
  }
  post(path, body, opts) {
    return this.request('POST', path, body, opts);
  }
  patch(path, body, opts) {
    return this.request('PATCH', path, body, opts);
  }
  del(path, opts) {
    return this.request('DELETE', path, undefined, opts);
  }

  async login(username, password) {
    const r = await this.post('/api/v1/session', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    this.csrf = r.json.csrf_token;
    this.user = r.json.user;
    return r;
  }
}

export async function login(
  base,
  username,
  password = username === 'admin' ? 'admin-demo-pass' : 'demo-pass',
) {
  const c = new Client(base);
  await c.login(username, password);
  return c;
}

// The id of the area with `code`, searched as `client` sees it.
export async function areaByCode(client, code) {
  const r = await client.get(`/api/v1/areas?q=${encodeURIComponent(code)}&limit=500`);
  const a = (r.json?.items || []).find((x) => x.code === code);
  if (!a) throw new Error(`no area ${code} visible`);
  return a;
}

// The first person of each of the first `n` households of the area, as `client` sees them.
export async function firstPeople(client, areaId, n) {
  const people = [];
  for (const h of (await client.get(`/api/v1/households?area=${areaId}&limit=${n}`)).json.items)
    people.push(...(await client.get(`/api/v1/households/${h.id}/people`)).json.items.slice(0, 1));
  return people;
}

export const uniq = () => Math.random().toString(36).slice(2, 8);

// A valid PNG of w x h pixels, built here so the test needs no fixture: 8-bit grey, or 8-bit RGB
// with `rgb(x, y)` giving each pixel's [r, g, b] (the browser tests' attendance sheet).
export function pngOf(w, h, rgb) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = rgb ? 2 : 0;
  const stride = (rgb ? 3 * w : w) + 1;
  const raw = Buffer.alloc(stride * h, 128);
  for (let y = 0; y < h; y++) {
    raw[y * stride] = 0;
    if (rgb) for (let x = 0; x < w; x++) raw.set(rgb(x, y), y * stride + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A GET as the bytes came off the wire (no decoding of Content-Encoding, unlike fetch):
// {status, headers, body: Buffer}.
export function rawGet(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
