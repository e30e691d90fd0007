// The web app's words for field problems (web/src/i18n/field_errors/<lang>.ts) against the
// catalogue the server publishes (/api/v1/openapi.json, x-field-codes): every code the server
// can send has a message in every language, a message uses only the params its code has, and no
// table keeps a code the server no longer sends. The tables are TypeScript: stripped of types
// with Vite's own transform, as short_ref.test.mjs does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { startServer, login } from './support.mjs';

const tables = new URL('../../web/src/i18n/field_errors/', import.meta.url);
const LANGS = ['en', 'ps', 'uk', 'mr', 'prs', 'ur'];

async function loadTable(lang) {
  const require = createRequire(fileURLToPath(new URL('../../../package.json', tables)));
  const vite = await import(pathToFileURL(require.resolve('vite')).href);
  const source = readFileSync(new URL(lang + '.ts', tables), 'utf8');
  const { code } = await vite.transformWithOxc(source, lang + '.ts', { lang: 'ts' });
  const mod = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  return mod.default;
}

let srv, catalogue, words;
before(async () => {
  srv = await startServer();
  const admin = await login(srv.base, 'admin');
  catalogue = (await admin.get('/api/v1/openapi.json')).json['x-field-codes'];
  words = Object.fromEntries(await Promise.all(LANGS.map(async (l) => [l, await loadTable(l)])));
});
after(async () => {
  await srv?.stop();
});

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

test('the server publishes its catalogue of field codes', () => {
  assert.ok(catalogue && typeof catalogue === 'object', 'x-field-codes is in openapi.json');
  assert.ok(Object.keys(catalogue).length >= 20, 'a catalogue of some size');
  for (const [code, entry] of Object.entries(catalogue)) {
    assert.match(code, /^[a-z][a-z0-9_]*$/, code);
    assert.equal(typeof entry.template, 'string', code);
    assert.ok(Array.isArray(entry.params), code);
  }
});

for (const lang of LANGS) {
  test(`every field code has a message in ${lang}, using only the code's params`, () => {
    const missing = [];
    const wrong = [];
    for (const [code, { params }] of Object.entries(catalogue)) {
      const text = words[lang]['ferr.' + code];
      if (typeof text !== 'string' || text.trim() === '') {
        missing.push(code);
        continue;
      }
      const extra = placeholders(text).filter((p) => !params.includes(p));
      if (extra.length) wrong.push(`${code}: {${extra.join('}, {')}} (has ${params.join(', ')})`);
    }
    assert.deepEqual(missing, [], `${lang}: codes without a message`);
    assert.deepEqual(wrong, [], `${lang}: messages with params their code does not have`);
  });

  test(`the ${lang} table keeps no code the server does not send`, () => {
    const stale = Object.keys(words[lang])
      .filter((k) => k.startsWith('ferr.'))
      .map((k) => k.slice(5))
      .filter((code) => !(code in catalogue));
    assert.deepEqual(stale, [], `${lang}: messages for codes not in the catalogue`);
  });
}

test('every other language is translated, not English copied', () => {
  for (const lang of LANGS.slice(1)) {
    const copied = Object.keys(catalogue).filter((code) => {
      const text = words[lang]['ferr.' + code];
      // A message that is only its params (another program's words) has nothing to translate.
      return text === words.en['ferr.' + code] && text.replace(/\{\w+\}/g, '').trim() !== '';
    });
    assert.deepEqual(copied, [], `${lang}: messages identical to the English`);
  }
});
