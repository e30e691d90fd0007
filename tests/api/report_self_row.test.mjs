// A breakdown by child area lists the records kept on the area itself as a row of their own:
// "recorded at <area> itself" (in English, Pashto and Ukrainian), with no target and so no %
// achieved and no light -- the area's target is the whole area's (here 2 activities of its own
// beside a target of 30 for the area would read "2 of 30, red"). In the values API, the report,
// and its CSV, XLSX (read back) and PDF (as text) exports -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

const itself = {
  en: (name) => `recorded at ${name} itself`,
  ps: (name) => `پخپله په ${name} کې ثبت شوي`,
  uk: (name) => `записано безпосередньо в «${name}»`,
};

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, officer, uc, v1;

    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      officer = await login(srv.base, 'officer.t1');
      const tehsil = await areaByCode(admin, 'P1-D1-T1');
      const area = async (parent, code) => {
        const r = await admin.post('/api/v1/areas', { parent_id: parent.id, code, name: code });
        assert.equal(r.status, 201, r.text);
        return r.json;
      };
      uc = await area(tehsil, `SUC${uniq()}`);
      v1 = await area(uc, `SV1${uniq()}`);
      await area(uc, `SV2${uniq()}`);
      const held = async (where) => {
        let a = await admin.post('/api/v1/activities', {
          type: 'campaign',
          held_on: '2026-02-10',
          area_id: where.id,
          topics: ['health'],
          facilitators: [{ name: 'LHW' }],
          counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 4 }],
          participants_total: 4,
        });
        assert.equal(a.status, 201, a.text);
        a = await admin.post(`/api/v1/activities/${a.json.id}/submit`, { version: a.json.version });
        const v = await officer.post(`/api/v1/activities/${a.json.id}/verify`, {
          version: a.json.version,
        });
        assert.equal(v.status, 200, v.text);
      };
      // Two activities kept on the union council itself, one in a village.
      await held(uc);
      await held(uc);
      await held(v1);
      const t = await admin.post('/api/v1/targets', {
        indicator_code: 'ACTIVITIES',
        area_id: uc.id,
        period: '2026-02',
        value: 30,
      });
      assert.equal(t.status, 201, t.text);
    });
    after(() => srv?.stop());

    test('the values by child area: the area itself has its own row without a target', async () => {
      for (const lang of ['en', 'ps', 'uk']) {
        const r = await officer.get(
          `/api/v1/indicators/ACTIVITIES/values?area=${uc.id}&period=2026-02&by=child_area&lang=${lang}`,
        );
        assert.equal(r.status, 200, r.text);
        assert.deepEqual(
          [r.json.total.period, r.json.total.target, r.json.total.light],
          [3, 30, 'red'],
        );
        const own = r.json.rows.find((x) => x.keys[0] === uc.id);
        assert.deepEqual(
          [own.labels[0], own.period, own.target, own.achieved, own.light],
          [itself[lang](uc.code), 2, null, null, ''],
          lang,
        );
        const village = r.json.rows.find((x) => x.keys[0] === v1.id);
        assert.deepEqual([village.labels[0], village.period], [v1.code, 1]);
      }
    });

    test('the report and its CSV, XLSX and PDF exports', async () => {
      const r = await officer.post('/api/v1/reports', {
        template_code: 'MPR',
        area_id: uc.id,
        period: '2026-02',
      });
      assert.equal(r.status, 201, r.text);
      const id = r.json.id;
      for (const lang of ['en', 'ps', 'uk']) {
        const rep = (await officer.get(`/api/v1/reports/${id}?lang=${lang}`)).json;
        const x = rep.sections.flatMap((s) => s.indicators).find((i) => i.code === 'ACTIVITIES');
        assert.deepEqual([x.total.target, x.total.light], [30, 'red']);
        const own = x.children.find((c) => c.area_id === uc.id);
        assert.deepEqual(
          [own.name, own.period, own.target, own.achieved, own.light],
          [itself[lang](uc.code), 2, null, null, ''],
          lang,
        );
      }
      const exported = async (format, lang) => {
        const res = await fetch(
          `${srv.base}/api/v1/reports/${id}/export?format=${format}&lang=${lang}`,
          {
            headers: { cookie: officer.cookie },
          },
        );
        assert.equal(res.status, 200, format);
        return Buffer.from(await res.arrayBuffer());
      };
      for (const lang of ['en', 'ps', 'uk']) {
        const csv = (await exported('csv', lang)).toString('utf8');
        // The sub-areas' table: the area's own row, its activities (2) first.
        const line = csv.split(/\r?\n/).find((l) => l.includes(itself[lang](uc.code)));
        assert.ok(line, `${lang}: ${csv}`);
        assert.match(line, /^"?[^,]+"?,2(,|$)/, line);
      }
      const dir = mkdtempSync(join(tmpdir(), 'mobilise-self-row-'));
      for (const lang of ['en', 'uk']) {
        writeFileSync(join(dir, `${lang}.xlsx`), await exported('xlsx', lang));
        // The workbook's text: its shared strings, if any, and its sheets' inline strings.
        const file = join(dir, `${lang}.xlsx`);
        const parts = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
          .split('\n')
          .filter((n) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n));
        const strings = execFileSync('unzip', ['-p', file, ...parts], { encoding: 'utf8' });
        assert.ok(strings.includes(itself[lang](uc.code)), `${lang}: ${strings.slice(0, 2000)}`);
      }
      writeFileSync(join(dir, 'r.pdf'), await exported('pdf', 'en'));
      const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-']).toString();
      assert.match(text.replace(/\s+/g, ' '), new RegExp(itself.en(uc.code)));
    });
  });
