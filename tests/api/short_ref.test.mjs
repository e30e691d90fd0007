// The web app's short reference (web/src/short_ref.ts) against the vectors the server's unit
// test reads too (web/src/short_ref_vectors.json): a phone and the server give a case the same
// reference. The module is TypeScript: it is stripped of types with Vite's own transform.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const webSrc = new URL('../../web/src/', import.meta.url);

async function loadShortRef() {
  const require = createRequire(fileURLToPath(new URL('../package.json', webSrc)));
  const vite = await import(pathToFileURL(require.resolve('vite')).href);
  const source = readFileSync(new URL('short_ref.ts', webSrc), 'utf8');
  const { code } = await vite.transformWithOxc(source, 'short_ref.ts', { lang: 'ts' });
  return import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
}

const vectors = JSON.parse(readFileSync(new URL('short_ref_vectors.json', webSrc), 'utf8'));

test('the web app computes the same short references as the server', async () => {
  const { shortRef } = await loadShortRef();
  assert.ok(vectors.cases.length >= 5);
  for (const { id, ref } of vectors.cases) assert.equal(shortRef(id), ref, id);
  for (const id of vectors.invalid) assert.equal(shortRef(id), '', id);
});

test('references are 8 characters of the alphabet and shown with a hyphen', async () => {
  const { shortRef, displayShortRef, SHORT_REF_ALPHABET } = await loadShortRef();
  for (const c of '01ILO') assert.ok(!SHORT_REF_ALPHABET.includes(c), c);
  const ref = shortRef('019b0a3c-5e21-7c4d-8a9e-0123456789ab');
  assert.match(ref, /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
  assert.equal(displayShortRef(ref), ref.slice(0, 4) + '-' + ref.slice(4));
});
