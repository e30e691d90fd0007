// A large household import (issue 15): every bad row of a file of 30,000 rows is named, by row
// and column, none missed and none invented, whether the fault is one the file reader finds (a
// formula) or one the service finds (an unknown area, a WG answer out of range), at the start,
// the middle and the very end of the file. Guards the import's reading of big files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, uniq } from './support.mjs';

let srv, admin;
before(async () => {
  srv = await startServer();
  admin = await login(srv.base, 'admin');
});
after(async () => {
  await srv?.stop();
});

const HEADER =
  'household_code,area_code,head_name,psc_score,psc_date,person_name,sex,age,relation,wg_seeing,wg_hearing,wg_mobility,wg_cognition,wg_self_care,wg_communication';

test('a 30,000-row household file: every bad row is named, none else', async () => {
  const code = `BIG${uniq()}`;
  const lines = [HEADER];
  const want = [];
  const villages = ['P1-D1-T1-U1-V1', 'P1-D1-T1-U1-V2'];
  for (let h = 0; lines.length <= 30000; h++) {
    // The spreadsheet row of the line about to be added (the header is row 1).
    const row = () => lines.length + 1;
    let area = villages[h % 2];
    if (h % 997 === 0) {
      area = `NOPE${h}`;
      want.push(`${row()}:area_code`);
    }
    lines.push(`${code}-${h},${area},Head ${h},20,2024-01-01,Mother ${h},f,35,head,1,1,1,1,1,1`);
    for (let p = 0; p < 4; p++) {
      let name = `Child ${h} ${p}`;
      let wg = '1';
      if (h % 1201 === 600 && p === 2) {
        wg = '7';
        want.push(`${row()}:wg_seeing`);
      } else if (h % 1499 === 700 && p === 1) {
        name = `=cmd${h}()`; // found by the file reader: the row is left out
        want.push(`${row()}:person_name`);
      }
      lines.push(`${code}-${h},,,,,${name},m,${p + 2},son,${wg},1,1,1,1,1`);
    }
  }
  // The very last row is bad too.
  lines[lines.length - 1] = lines[lines.length - 1].replace(/,son,1,/, ',son,9,');
  want.push(`${lines.length}:wg_seeing`);
  const body = lines.join('\n');
  assert.ok(body.length > 1_500_000, `${body.length} bytes`);
  const r = await admin.post('/api/v1/households/import?dry_run=true', body, {
    raw: true,
    headers: { 'content-type': 'text/csv' },
  });
  assert.equal(r.status, 200, r.text.slice(0, 500));
  assert.equal(r.json.rows, lines.length - 1);
  assert.equal(r.json.ok, false);
  const got = [...new Set(r.json.errors.map((e) => `${e.row}:${e.column}`))];
  const byRow = (a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]);
  assert.deepEqual(got.sort(byRow), want.sort(byRow));
  assert.ok(want.length > 10, `${want.length} bad rows`);
});
