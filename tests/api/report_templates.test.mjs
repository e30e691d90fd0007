// Report templates: created, changed and deleted by programme-wide administrators and M&E
// officers; their names and section titles translated, and reports (JSON and exports) shown in
// the reader's language -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, me, officer, tehsil;
    const templates = async () => (await admin.get('/api/v1/report-templates')).json.items;
    const audit = async (code) =>
      (await admin.get(`/api/v1/audit?entity=report_template&entity_id=${code}`)).json.items;
    const items = [
      { section: 'Reach', indicator_code: 'ACTIVITIES', by: ['type'] },
      { section: 'Reach', indicator_code: 'REACH', by: ['sex'] },
      { section: 'Groups', indicator_code: 'INST_FORMED', by: [] },
    ];

    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      me = await login(srv.base, 'me.p1');
      officer = await login(srv.base, 'officer.t1');
      tehsil = await areaByCode(admin, 'P1-D1-T1');
    });
    after(async () => {
      await srv?.stop();
    });

    test('the shipped templates carry Pashto and Ukrainian names and section titles', async () => {
      const mpr = (await templates()).find((t) => t.code === 'MPR');
      assert.equal(mpr.builtin, true);
      assert.equal(mpr.names.ps, 'د پرمختګ میاشتنی راپور');
      assert.equal(mpr.names.uk, 'Щомісячний звіт про прогрес');
      assert.deepEqual(
        mpr.sections.map((s) => s.title),
        [
          'Community institutions',
          'Activities and reach',
          'Trainings',
          'Community feedback',
          'Savings and banking',
        ],
      );
      assert.equal(mpr.sections.find((s) => s.title === 'Trainings').names.ps, 'روزنې');
      assert.equal(
        mpr.sections.find((s) => s.title === 'Savings and banking').names.uk,
        'Заощадження і банківські рахунки',
      );
    });

    test('bad input: 400 naming each field, nothing written; only programme-wide admins and M&E create', async () => {
      const before = await templates();
      let r = await admin.post('/api/v1/report-templates', {
        code: 'a b',
        name: '',
        period_kind: 'week',
        items: [{ section: '', indicator_code: 'NO_SUCH', by: [] }],
        names: { ps: '', x1: 'bad' },
        sections: [{ title: 'Elsewhere', names: { ps: 'بل ځای' } }],
      });
      assert.equal(r.status, 400, r.text);
      const f = r.json.error.fields;
      assert.match(f.code, /letters A-Z/);
      assert.equal(f.name, 'is required');
      assert.equal(f.period_kind, 'must be one of month, quarter, half, year');
      assert.ok(f['items[0].section'] && f['items[0].indicator_code'], JSON.stringify(f));
      assert.ok(f['names.ps'] && f['names[1]'], JSON.stringify(f));
      assert.equal(f['sections[0].title'], 'not the title of a section of the items');
      // A good code with bad items and a wrong type of field: still nothing written.
      const code = `T${uniq()}`;
      r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'Mine',
        period_kind: 'month',
        items: [],
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields.items, '1 to 200 indicators');
      r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'Mine',
        period_kind: 'month',
        items,
        names: { ps: 3 },
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields['names.ps'], 'must be a string');
      r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'Mine',
        period_kind: 'month',
        items: [{ ...items[0], by: ['sex', 'type', 'band'] }],
      });
      assert.equal(r.status, 400, r.text);
      assert.ok(r.json.error.fields['items[0].by'], r.text);
      // An M&E officer of one province is not programme-wide.
      for (const who of [officer, me])
        assert.equal(
          (
            await who.post('/api/v1/report-templates', {
              code,
              name: 'Mine',
              period_kind: 'month',
              items,
            })
          ).status,
          403,
        );
      assert.deepEqual(await templates(), before);
      assert.deepEqual(await audit(code), []);
    });

    test('create, duplicate 409, change, a report from it in Pashto (JSON and CSV), delete refused once used', async () => {
      const code = `CEFC_${uniq()}`;
      let r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'CEFC quarterly',
        period_kind: 'month',
        items,
        names: { ps: 'د CEFC درې میاشتنی راپور' },
        sections: [{ title: 'Reach', names: { ps: 'رسېدنه', uk: 'Охоплення' } }],
      });
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(
        [r.json.code, r.json.name, r.json.period_kind, r.json.builtin, r.json.items.length],
        [code, 'CEFC quarterly', 'month', false, 3],
      );
      assert.deepEqual(r.json.sections, [
        { title: 'Reach', names: { ps: 'رسېدنه', uk: 'Охоплення' } },
      ]);
      const listed = (await templates()).find((t) => t.code === code);
      assert.deepEqual(listed, r.json);
      assert.equal(
        (await templates()).at(-1).code,
        code,
        'new templates come after the shipped ones',
      );
      r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'Again',
        period_kind: 'month',
        items,
      });
      assert.equal(r.status, 409, r.text);
      assert.equal(
        (
          await admin.post('/api/v1/report-templates', {
            code: 'MPR',
            name: 'Again',
            period_kind: 'month',
            items,
          })
        ).status,
        409,
      );

      // Unused: its period kind and name change; the translations of a section no longer there go.
      r = await admin.request('PUT', `/api/v1/report-templates/${code}`, {
        name: 'CEFC quarterly report',
        period_kind: 'quarter',
        items: [
          ...items,
          { section: 'Feedback', indicator_code: 'FEEDBACK_RECEIVED', by: ['category'] },
        ],
        sections: [
          { title: 'Reach', names: { ps: 'رسېدنه' } },
          { title: 'Feedback', names: { ps: 'نظرونه' } },
        ],
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(
        [r.json.name, r.json.period_kind, r.json.names.ps],
        ['CEFC quarterly report', 'quarter', 'د CEFC درې میاشتنی راپور'],
      );
      assert.deepEqual(
        r.json.sections.map((s) => [s.title, s.names.ps]),
        [
          ['Reach', 'رسېدنه'],
          ['Feedback', 'نظرونه'],
        ],
      );
      r = await admin.request('PUT', `/api/v1/report-templates/${code}`, {
        items: items.filter((i) => i.section === 'Groups'),
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual([r.json.name, r.json.sections], ['CEFC quarterly report', []]);
      r = await admin.request('PUT', `/api/v1/report-templates/${code}`, {
        items: [...items, { section: 'Feedback', indicator_code: 'FEEDBACK_RECEIVED', by: [] }],
        sections: [
          { title: 'Reach', names: { ps: 'رسېدنه' } },
          { title: 'Feedback', names: { ps: 'نظرونه' } },
        ],
      });
      assert.equal(r.status, 200, r.text);

      // A report from it, read in Pashto and in English.
      r = await admin.post('/api/v1/reports?lang=ps', {
        template_code: code,
        area_id: tehsil.id,
        period: '2026Q1',
      });
      assert.equal(r.status, 201, r.text);
      const report = r.json;
      assert.equal(report.template_name, 'د CEFC درې میاشتنی راپور');
      assert.deepEqual(
        report.sections.map((s) => s.title),
        ['رسېدنه', 'Groups', 'نظرونه'],
      );
      assert.deepEqual(
        report.sections[0].indicators.map((i) => i.code),
        ['ACTIVITIES', 'REACH'],
      );
      const en = (await admin.get(`/api/v1/reports/${report.id}`)).json;
      assert.deepEqual(
        [en.template_name, en.sections.map((s) => s.title)],
        ['CEFC quarterly report', ['Reach', 'Groups', 'Feedback']],
      );
      const uk = (await admin.get(`/api/v1/reports/${report.id}?lang=uk`)).json;
      assert.deepEqual(
        [uk.template_name, uk.sections[0].title],
        ['CEFC quarterly report', 'Reach'],
        'falls back to the stored name and title',
      );
      const csv = await admin.get(`/api/v1/reports/${report.id}/export?format=csv&lang=ps`);
      assert.equal(csv.status, 200, csv.text);
      assert.ok(csv.text.includes('د CEFC درې میاشتنی راپور'), csv.text.slice(0, 300));
      assert.ok(csv.text.includes('رسېدنه'), csv.text.slice(0, 600));
      assert.ok(!csv.text.includes('Reach'), 'no English section title in the Pashto export');

      // Used: its period kind stays; it cannot be deleted; its name still changes.
      r = await admin.request('PUT', `/api/v1/report-templates/${code}`, {
        period_kind: 'month',
        items,
      });
      assert.equal(r.status, 400, r.text);
      assert.match(r.json.error.fields.period_kind, /reports were made from this template/);
      r = await admin.del(`/api/v1/report-templates/${code}`);
      assert.equal(r.status, 409, r.text);
      assert.match(r.json.error.message, /reports were made from this template/);
      assert.ok((await templates()).some((t) => t.code === code));
      const actions = (await audit(code)).map((e) => e.action).sort();
      assert.deepEqual(actions, ['create', 'update', 'update', 'update']);
    });

    test('a Pashto export of a shipped template shows the Pashto section titles', async () => {
      const r = await admin.post('/api/v1/reports', {
        template_code: 'MPR',
        area_id: tehsil.id,
        period: '2025-11',
      });
      assert.equal(r.status, 201, r.text);
      const csv = await admin.get(`/api/v1/reports/${r.json.id}/export?format=csv&lang=ps`);
      assert.equal(csv.status, 200, csv.text);
      for (const title of ['د پرمختګ میاشتنی راپور', 'ټولنیز بنسټونه', 'روزنې', 'سپما او بانکداري'])
        assert.ok(csv.text.includes(title), `${title} in ${csv.text.slice(0, 400)}`);
      assert.ok(!csv.text.includes('Savings and banking'));
      // XLSX (a sheet per section, named by its title) and PDF in Pashto and Ukrainian.
      for (const lang of ['ps', 'uk'])
        for (const format of ['xlsx', 'pdf']) {
          const res = await fetch(
            `${srv.base}/api/v1/reports/${r.json.id}/export?format=${format}&lang=${lang}`,
            { headers: { cookie: admin.cookie } },
          );
          assert.equal(res.status, 200, `${format} ${lang}`);
          const file = Buffer.from(await res.arrayBuffer());
          if (format === 'pdf' && lang === 'uk') {
            const dir = mkdtempSync(join(tmpdir(), 'mobilise-tpl-pdf-'));
            writeFileSync(join(dir, 'r.pdf'), file);
            const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-']).toString();
            assert.match(text, /Щомісячний звіт про прогрес/);
            assert.match(text, /Заощадження і банківські рахунки/);
          }
        }
      const uk = await admin.get(`/api/v1/reports/${r.json.id}?lang=uk`);
      assert.deepEqual(
        [uk.json.template_name, uk.json.sections[2].title],
        ['Щомісячний звіт про прогрес', 'Навчання'],
      );
    });

    test('delete: an unused template goes (audited); shipped ones and unknown codes are refused', async () => {
      const code = `T${uniq()}`;
      let r = await admin.post('/api/v1/report-templates', {
        code,
        name: 'Short-lived',
        period_kind: 'year',
        items,
      });
      assert.equal(r.status, 201, r.text);
      assert.equal((await officer.del(`/api/v1/report-templates/${code}`)).status, 403);
      r = await admin.del(`/api/v1/report-templates/${code}`);
      assert.equal(r.status, 204, r.text);
      assert.ok(!(await templates()).some((t) => t.code === code));
      assert.deepEqual((await audit(code)).map((e) => e.action).sort(), ['create', 'delete']);
      r = await admin.del('/api/v1/report-templates/MPR');
      assert.equal(r.status, 409, r.text);
      assert.equal(r.json.error.message, 'a shipped report template cannot be deleted');
      assert.equal((await admin.del(`/api/v1/report-templates/${code}`)).status, 404);
      assert.equal(
        (await admin.request('PUT', `/api/v1/report-templates/${code}`, { items })).status,
        404,
      );
      // A shipped template keeps its period kind; its name and translations change.
      r = await admin.request('PUT', '/api/v1/report-templates/BAR', {
        period_kind: 'year',
        items: (await templates())
          .find((t) => t.code === 'BAR')
          .items.map(({ section, indicator_code, by }) => ({ section, indicator_code, by })),
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields.period_kind, 'a shipped template keeps its period kind');
    });
  });
