// A custom form's CSV export equals its submissions' answers, on SQLite and PostgreSQL: the
// export reads the answers stored at ingest (migration 0024), the detail view reads the XML; for
// every submission each root cell and each repeat row must hold what the detail view shows,
// including quotes, commas, line breaks, XML entities, Pashto and empty answers.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, freshPgDatabase, rawGet } from './support.mjs';
import { setUp, surveyForm, instance, submit } from './openrosa_support.mjs';

// RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

const NAMES = ['Gul "Zar", Khan', 'line one\nline two', 'a &amp; b &lt;c&gt;', 'ګل زرینه', ''];

for (const backend of ['sqlite', 'postgres'])
  describe(`submission export (${backend})`, () => {
    let srv;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
    });
    after(() => srv?.stop());

    it('the CSV export of each submission equals its answers', async () => {
      const s = await setUp(srv.base, { xml: surveyForm({ id: 'answers' }) });
      const ids = [];
      for (const [i, name] of NAMES.entries()) {
        const id = 'uuid:' + crypto.randomUUID();
        ids.push(id);
        const people = NAMES.slice(0, i)
          .map((p) => `<person><pname>${p}</pname></person>`)
          .join('');
        const xml = instance({ form: 'answers', instanceId: id, name, extra: people });
        assert.equal((await submit(`${s.key}/submission`, xml)).status, 201);
      }
      const base = `/api/v1/forms/${s.form.id}/submissions`;
      const list = await s.admin.get(base);
      assert.equal(list.json.items.length, NAMES.length);
      const zip = await rawGet(srv.base, `${base}.csv.zip`, { cookie: s.admin.cookie });
      assert.equal(zip.status, 200);
      const dir = mkdtempSync(join(tmpdir(), 'export-'));
      let root, people;
      try {
        writeFileSync(join(dir, 'x.zip'), zip.body);
        const unzip = (name) =>
          parseCsv(execFileSync('unzip', ['-p', join(dir, 'x.zip'), name], { encoding: 'utf8' }));
        root = unzip('answers.csv');
        people = unzip('answers-person.csv');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const [head, ...rows] = root;
      const [personHead, ...personRows] = people;
      assert.equal(rows.length, NAMES.length);
      let repeatRows = 0;
      for (const item of list.json.items) {
        const detail = (await s.admin.get(`/api/v1/submissions/${item.id}`)).json;
        const row = rows.find((r) => r[head.indexOf('KEY')] === item.instance_id);
        assert.ok(row, item.instance_id);
        for (const [path, value] of detail.values) {
          const repeat = path.match(/^\/data\/person\[(\d+)\]\/pname$/);
          if (!repeat) {
            const column = path.replace(/^\/data\//, '').replaceAll('/', '-');
            assert.equal(row[head.indexOf(column)], value, path);
            continue;
          }
          const key = `${item.instance_id}/person[${repeat[1]}]`;
          const person = personRows.find((r) => r[personHead.indexOf('KEY')] === key);
          assert.ok(person, key);
          assert.equal(person[personHead.indexOf('pname')], value, key);
          assert.equal(person[personHead.indexOf('PARENT_KEY')], item.instance_id);
          repeatRows++;
        }
      }
      assert.equal(repeatRows, personRows.length, 'no repeat row without an answer');
      assert.equal(repeatRows, (NAMES.length * (NAMES.length - 1)) / 2);
      // The values themselves, not only equal to the detail's: the XML entities read.
      const names = rows.map((r) => r[head.indexOf('name')]).sort();
      assert.deepEqual(
        names,
        [
          ...NAMES.map((n) => n.replace('&amp;', '&').replace('&lt;', '<').replace('&gt;', '>')),
        ].sort(),
      );
    });
  });
