// The web app's static files over HTTP: a hashed asset is sent precompressed as the client asks,
// brotli before gzip, with Vary: Accept-Encoding, and every variant decodes to the same bytes.
// The files are laid out here as the web build writes them (web/vite.config.ts: `.br` and `.gz`
// beside each text file), so the test does not need a built web app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { rawGet, startServer } from './support.mjs';

const ASSET = '/assets/index-3f9a1c2b.js';
// Text that compresses, as a bundle does.
const SOURCE = Array.from(
  { length: 400 },
  (_, i) => `export const label${i} = "Household ${i} \u0645\u0648\u0628\u0627\u06cc\u0644";\n`,
).join('');

let srv, root;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'mobilise-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mobilise</title>');
  const file = join(root, ASSET);
  writeFileSync(file, SOURCE);
  writeFileSync(file + '.gz', zlib.gzipSync(SOURCE, { level: 9 }));
  writeFileSync(file + '.br', zlib.brotliCompressSync(SOURCE));
  srv = await startServer({ seed: false, webRoot: root });
});
after(async () => {
  await srv?.stop();
  rmSync(root, { recursive: true, force: true });
});

// GET with exactly this Accept-Encoding (fetch would add its own): status, headers, raw bytes.
const get = (path, acceptEncoding) =>
  rawGet(srv.base, path, acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding });

const decode = (r) => {
  const coding = r.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(r.body);
  if (coding === 'gzip') return zlib.gunzipSync(r.body);
  assert.equal(coding, undefined);
  return r.body;
};

test('a hashed asset is sent br, gzip or as it is, as the client asks', async () => {
  const cases = [
    ['gzip, deflate, br', 'br'],
    ['br', 'br'],
    ['gzip, deflate', 'gzip'],
    ['gzip, br;q=0', 'gzip'],
    ['identity', undefined],
    [undefined, undefined],
  ];
  const sizes = {};
  for (const [accept, coding] of cases) {
    const r = await get(ASSET, accept);
    assert.equal(r.status, 200, `${accept}`);
    assert.equal(r.headers['content-encoding'], coding, `${accept}`);
    assert.equal(r.headers.vary, 'Accept-Encoding', `${accept}`);
    assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(decode(r).toString('utf8'), SOURCE, `${accept}: the same file after decoding`);
    sizes[coding ?? 'identity'] = r.body.length;
  }
  assert.ok(sizes.br < sizes.gzip && sizes.gzip < sizes.identity, JSON.stringify(sizes));
});

test('a file without a compressed copy is sent as it is, without Vary', async () => {
  const r = await get('/index.html', 'gzip, br');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-encoding'], undefined);
  assert.equal(r.headers.vary, undefined);
  assert.equal(r.body.toString(), '<!doctype html><title>Mobilise</title>');
});
