// How the web app words a field problem (web/src/i18n/field_message.ts) and names a field
// (web/src/components/field_errors.tsx), in English and Pashto: params substituted, lists joined
// with the language's separator, codes of known lists shown with their labels, kinds of things
// translated, numbers in the language's digits, an unknown code falling back to the server's
// English text, and paths turned into field names. The modules are bundled with the app's own
// tables by Vite (no server needed).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = fileURLToPath(new URL('../../web/', import.meta.url));
let m;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'field-message-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { fieldMessage, fieldMessages } from '${web}src/i18n/field_message';`,
      `export { chooseLang, loadMessages } from '${web}src/i18n/index';`,
      `export { registryStrings } from '${web}src/features/registry/strings/index';`,
      `export { fieldworkStrings } from '${web}src/features/fieldwork/strings/index';`,
      `export { fieldLabel } from '${web}src/components/field_errors';`,
    ].join('\n'),
  );
  const require = createRequire(join(web, 'package.json'));
  const vite = await import(pathToFileURL(require.resolve('vite')).href);
  const out = await vite.build({
    configFile: false,
    logLevel: 'silent',
    root: web,
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'field_message' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  rmSync(dir, { recursive: true, force: true });
  const code = (Array.isArray(out) ? out[0] : out).output[0].code;
  // The i18n module sets <html lang dir>; a bare object stands in for the document.
  globalThis.document = { documentElement: {} };
  m = await import('data:text/javascript;base64,' + Buffer.from(code).toString('base64'));
  await m.chooseLang('en');
  await m.loadMessages(m.registryStrings, m.fieldworkStrings);
});

const oneOf = (allowed) => ({ code: 'one_of', params: { allowed } });

test('English: params substituted, list codes shown with their labels', async () => {
  await m.chooseLang('en');
  const range = { code: 'out_of_range', params: { min: '0', max: '120' } };
  assert.equal(m.fieldMessage('people[0].age', range, 'x'), 'Must be between 0 and 120.');
  assert.equal(
    m.fieldMessage('people[0].sex', oneOf(['f', 'm']), 'x'),
    'Choose one of: Female, Male.',
  );
  assert.equal(
    m.fieldMessage('area_id', { code: 'no_such_in_scope', params: { what: 'area' } }, 'x'),
    'No such area in your areas.',
  );
  // A kind of thing this build has no word for: the code in plain letters, as English shows it.
  assert.equal(
    m.fieldMessage('x', { code: 'no_such', params: { what: 'water_point' } }, 'y'),
    'No such water point.',
  );
});

test('a code this build does not know falls back to the English text', async () => {
  await m.chooseLang('ps');
  assert.equal(m.fieldMessage('name', { code: 'from_a_newer_server' }, 'is odd'), 'is odd');
  assert.equal(m.fieldMessage('name', undefined, 'is odd'), 'is odd');
  assert.deepEqual(
    m.fieldMessages({
      fields: { name: 'is required', old: 'is odd' },
      field_codes: { name: { code: 'required', params: {} } },
    }),
    { name: 'دا ډک کړئ.', old: 'is odd' },
  );
});

test('Pashto: its words, list separator, labels and digits', async () => {
  await m.chooseLang('ps');
  const digits = (n) => n.toLocaleString('ps', { useGrouping: false });
  const range = { code: 'out_of_range', params: { min: '0', max: '120' } };
  assert.equal(
    m.fieldMessage('people[0].age', range, 'x'),
    `باید د ${digits(0)} او ${digits(120)} ترمنځ وي.`,
  );
  assert.equal(
    m.fieldMessage('people[0].sex', oneOf(['f', 'm']), 'x'),
    'له دې څخه یو وټاکئ: ښځه، نارینه.',
  );
  // A Washington Group answer is labelled by its parent's list (wg), not by the question.
  assert.equal(
    m.fieldMessage('people[2].wg.cognition', oneOf(['1', '2']), 'x'),
    'له دې څخه یو وټاکئ: هیڅ ستونزه نشته، یو څه ستونزه.',
  );
  assert.equal(
    m.fieldMessage('area_id', { code: 'no_such_in_scope', params: { what: 'area' } }, 'x'),
    'ستاسو په سیمو کې داسې سیمه نشته.',
  );
});

test('paths become field names, never raw', async () => {
  await m.chooseLang('en');
  assert.equal(m.fieldLabel('people[0].age', 'households'), 'Person 1 — Age in years');
  assert.equal(m.fieldLabel('head_name', 'households'), 'Head of household');
  assert.equal(m.fieldLabel('version', 'households'), 'Record version');
  assert.equal(m.fieldLabel('sex', 'people'), 'Sex');
  // No name for it: its words in plain letters, no brackets or dots.
  assert.equal(m.fieldLabel('counts[2].count', 'activities'), 'Participants 3 — count');
  await m.chooseLang('ps');
  const two = (2).toLocaleString('ps');
  assert.equal(
    m.fieldLabel('people[1].wg.cognition', 'households'),
    `وګړی ${two} — ایا د یادولو یا تمرکز ستونزه لري؟`,
  );
});
