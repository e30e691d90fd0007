// Indicators, targets and progress reports on a small programme seeded here, every value worked
// out by hand -- both backends. A fresh union council with two villages under P1-D1-T1:
//   households h1 (V1, PSC 10: poor), h2 (V1, PSC 30: not poor), h3 (V2, PSC 15: poor), all surveyed 2026-01-05;
//   a CO in V1 formed 2026-01-10: h1 joined 2026-01-10, h2 joined 2026-02-05 and left 2026-03-01;
//   activities: A1 (V1, 2026-02-10, verified) with 5 women 18-59 counted, h1's head (a woman of 35) named
//   among them (counts include the named: 4 anonymous women),
//   A2 (V2, 2026-02-20, verified) with h1's head again (counts once in February's reach),
//   A3 (V1, 2026-02-15, returned: not counted unless asked).
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, login, areaByCode, uniq, freshPgDatabase, pngOf } from './support.mjs';

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, officer, manager, outsider, uc, v1, v2, h1, h2, h3, co, m2;
    const serverTmp = mkdtempSync(join(tmpdir(), 'mobilise-export-tmp-')); // where exports are rendered
    const value = async (client, code, q) =>
      client.get(`/api/v1/indicators/${code}/values?area=${uc.id}&${q}`);

    before(async () => {
      srv = await startServer({
        ...(backend === 'postgres' ? { database: freshPgDatabase() } : {}),
        env: { TMPDIR: serverTmp },
      });
      admin = await login(srv.base, 'admin');
      officer = await login(srv.base, 'officer.t1');
      manager = await login(srv.base, 'manager.d1');
      outsider = await login(srv.base, 'mobiliser.u2');
      const tehsil = await areaByCode(admin, 'P1-D1-T1');
      const area = async (parent, code) => {
        const r = await admin.post('/api/v1/areas', {
          parent_id: parent.id,
          code,
          name: `Golden ${code}`,
        });
        assert.equal(r.status, 201, r.text);
        return r.json;
      };
      uc = await area(tehsil, `GUC${uniq()}`);
      v1 = await area(uc, `GV1${uniq()}`);
      v2 = await area(uc, `GV2${uniq()}`);
      const household = async (village, psc, sex) => {
        const r = await admin.post('/api/v1/households', {
          area_id: village.id,
          head_name: `Head ${uniq()}`,
          psc_score: psc,
          psc_date: '2026-01-05',
          people: [{ name: `Person ${uniq()}`, relation: 'head', sex, birth_date: '1990-06-01' }],
        });
        assert.equal(r.status, 201, r.text);
        return r.json;
      };
      h1 = await household(v1, 10, 'f');
      h2 = await household(v1, 30, 'm');
      h3 = await household(v2, 15, 'f');
      let r = await admin.post('/api/v1/institutions', {
        type: 'CO',
        area_id: v1.id,
        name: `CO ${uniq()}`,
        sex_composition: 'mixed',
        formed_on: '2026-01-10',
        status: 'active',
      });
      assert.equal(r.status, 201, r.text);
      co = r.json;
      r = await admin.post(`/api/v1/institutions/${co.id}/members`, {
        household_id: h1.id,
        role: 'member',
        joined_on: '2026-01-10',
      });
      assert.equal(r.status, 201, r.text);
      r = await admin.post(`/api/v1/institutions/${co.id}/members`, {
        household_id: h2.id,
        role: 'member',
        joined_on: '2026-02-05',
      });
      assert.equal(r.status, 201, r.text);
      m2 = r.json;
      r = await admin.patch(`/api/v1/institutions/${co.id}/members/${m2.id}`, {
        left_on: '2026-03-01',
        left_reason: 'moved',
      });
      assert.equal(r.status, 200, r.text);
      const activity = async (village, held_on, person, counts, end) => {
        let a = await admin.post('/api/v1/activities', {
          type: 'awareness_session',
          held_on,
          area_id: village.id,
          topics: ['wash'],
          facilitators: [{ name: 'LHW' }],
          counts,
          attendance: [{ person_id: person }],
        });
        assert.equal(a.status, 201, a.text);
        a = await admin.post(`/api/v1/activities/${a.json.id}/submit`, { version: a.json.version });
        assert.equal(a.status, 200, a.text);
        const done =
          end === 'verify'
            ? await officer.post(`/api/v1/activities/${a.json.id}/verify`, {
                version: a.json.version,
              })
            : await officer.post(`/api/v1/activities/${a.json.id}/return`, {
                version: a.json.version,
                comment: 'no attendance sheet',
              });
        assert.equal(done.status, 200, done.text);
        return done.json;
      };
      await activity(
        v1,
        '2026-02-10',
        h1.head_person_id,
        [{ sex: 'f', age_band: '18-59', disability: false, count: 5 }],
        'verify',
      );
      await activity(v2, '2026-02-20', h1.head_person_id, [], 'verify');
      await activity(v1, '2026-02-15', h3.head_person_id, [], 'return');
    });
    after(async () => {
      await srv?.stop();
    });

    test('hand-worked values for February: reach counts a person once, returned activities do not count', async () => {
      let r = await value(admin, 'ACTIVITIES', 'period=2026-02');
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.total.period, 2);
      assert.equal(r.json.total.previous, 0);
      assert.equal(
        (await value(admin, 'ACTIVITIES', 'period=2026-02&include_unverified=true')).json.total
          .period,
        3,
      );
      r = await value(admin, 'REACH', 'period=2026-02&by=sex');
      assert.equal(r.json.total.period, 5, 'h1 head once + the 4 other women counted in A1');
      assert.deepEqual(
        r.json.rows.map((x) => [x.keys[0], x.period]),
        [['f', 5]],
      );
      assert.equal(
        (await value(admin, 'ATTENDANCES', 'period=2026-02')).json.total.period,
        6,
        "A1's 5 counted + h1 in A2",
      );
      r = await value(admin, 'REACH', 'period=2026-02&by=child_area');
      const byArea = Object.fromEntries(r.json.rows.map((x) => [x.keys[0], x.period]));
      assert.deepEqual(byArea, { [v1.id]: 5, [v2.id]: 1 });
    });

    test('stocks: households organised at the end of each month; a household that left the CO', async () => {
      let r = await value(admin, 'HH_ORGANISED', 'period=2026-02');
      assert.equal(r.json.stock, true);
      assert.equal(r.json.total.period, 1, 'h2 joined in February');
      assert.equal(r.json.total.cumulative, 2);
      r = await value(admin, 'HH_ORGANISED', 'period=2026-03');
      assert.equal(r.json.total.cumulative, 1, 'h2 left on 1 March');
      assert.equal(
        (await value(admin, 'HH_REGISTERED', 'period=2026-02')).json.total.cumulative,
        3,
      );
      assert.equal(
        (await value(admin, 'HH_POOR_ORGANISED', 'period=2026-02')).json.total.cumulative,
        1,
      );
      r = await value(admin, 'HH_POOR_ORGANISED_PCT', 'period=2026-02');
      assert.equal(r.json.total.cumulative, 50, 'h1 of the poor h1 and h3');
      assert.equal(r.json.total.period, null, 'no poor household registered in February: no ratio');
      assert.equal((await value(admin, 'INST_FORMED', 'period=2026Q1')).json.total.period, 1);
      // By month: the months of the quarter only; for a stock, what started in each month.
      r = await value(admin, 'HH_ORGANISED', 'period=2026Q1&by=month');
      assert.deepEqual(
        r.json.rows.map((x) => [x.keys[0], x.period]),
        [
          ['2026-01', 1],
          ['2026-02', 1],
        ],
      );
      r = await value(admin, 'ACTIVITIES', 'period=2026-02&by=month');
      assert.deepEqual(
        r.json.rows.map((x) => [x.keys[0], x.period]),
        [['2026-02', 2]],
      );
      // h1's head, her household's member in the CO, joins a self-help group (formed last year) in
      // February herself: a member of two institutions, she is one person among the members.
      const shg = await admin.post('/api/v1/institutions', {
        type: 'SHG',
        area_id: v1.id,
        name: `SHG ${uniq()}`,
        sex_composition: 'women',
        formed_on: '2025-11-01',
        status: 'active',
      });
      assert.equal(shg.status, 201, shg.text);
      r = await admin.post(`/api/v1/institutions/${shg.json.id}/members`, {
        person_id: h1.head_person_id,
        role: 'member',
        joined_on: '2026-02-12',
      });
      assert.equal(r.status, 201, r.text);
      for (const by of ['', '&by=sex', '&by=child_area']) {
        r = await value(admin, 'MEMBERS', `period=2026-02${by}`);
        assert.deepEqual(
          [r.json.total.period, r.json.total.cumulative],
          [2, 2],
          `h1's and h2's heads${by}`,
        );
        if (by)
          assert.equal(
            r.json.rows.reduce((n, x) => n + x.cumulative, 0),
            2,
            by,
          );
      }
      r = await value(admin, 'HH_ORGANISED', 'period=2026-02&by=child_area');
      assert.deepEqual(Object.fromEntries(r.json.rows.map((x) => [x.keys[0], x.cumulative])), {
        [v1.id]: 2,
        [v2.id]: 0,
      });
      // Members by the kind of member their institution has: the CO's two households' people, the
      // SHG's one woman (who has a household too).
      for (const [kind, people] of [
        ['household', 2],
        ['person', 1],
        ['institution', 0],
      ]) {
        const code = `MEMBERS_${kind.toUpperCase()}`;
        r = await admin.post('/api/v1/indicators', {
          code,
          name: `Members of ${kind} groups`,
          record: 'membership',
          measure: 'distinct_people',
          filters: [{ field: 'member_kind', values: [kind] }],
        });
        assert.equal(r.status, 201, r.text);
        assert.equal(
          (await value(admin, code, 'period=2026-02')).json.total.cumulative,
          people,
          kind,
        );
      }
    });

    test('targets roll up from villages; % achieved with a traffic light', async () => {
      for (const [area, v] of [
        [v1, 4],
        [v2, 1],
      ]) {
        const r = await admin.post('/api/v1/targets', {
          indicator_code: 'ACTIVITIES',
          area_id: area.id,
          period: '2026-02',
          value: v,
        });
        assert.equal(r.status, 201, r.text);
      }
      const r = await value(admin, 'ACTIVITIES', 'period=2026-02');
      assert.equal(r.json.total.target, 5);
      assert.equal(r.json.total.achieved, 40);
      assert.equal(r.json.total.light, 'red');
      const bad = await admin.post('/api/v1/targets', {
        indicator_code: 'ACTIVITIES',
        area_id: uc.id,
        period: '2026-13',
        value: -1,
        disaggregation: 'colour=red',
      });
      assert.equal(bad.status, 400);
      for (const f of ['period', 'value', 'disaggregation'])
        assert.ok(bad.json.error.fields[f], bad.text);
    });

    test('bad input: unknown indicator, malformed period, out-of-scope area, bad disaggregation', async () => {
      assert.equal(
        (await admin.get(`/api/v1/indicators/NOPE/values?area=${uc.id}&period=2026-02`)).status,
        404,
      );
      let r = await value(admin, 'ACTIVITIES', 'period=2026-2');
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.period);
      r = await value(outsider, 'ACTIVITIES', 'period=2026-02');
      assert.ok(r.status === 400 || r.status === 404, r.text);
      assert.ok(!r.text.includes('total'));
      r = await value(admin, 'ACTIVITIES', 'period=2026-02&by=sex');
      assert.equal(r.status, 400);
      assert.match(r.json.error.fields.by, /cannot be disaggregated/);
    });

    test('administrators define indicators; definitions are validated', async () => {
      let r = await admin.post('/api/v1/indicators', {
        code: 'WASH_SESSIONS',
        name: 'WASH sessions',
        record: 'activity',
        measure: 'count',
        filters: [{ field: 'topic', values: ['gossip'] }],
        dims: ['type', 'colour'],
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields['filters[0].values'] && r.json.error.fields['dims[1]'], r.text);
      // A translation's error names its language, where the form shows it.
      r = await admin.post('/api/v1/indicators', {
        code: 'WASH_SESSIONS',
        name: 'WASH sessions',
        record: 'activity',
        measure: 'count',
        names: { ps: '   ' },
      });
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields['names.ps'], r.text);
      r = await admin.post('/api/v1/indicators', {
        code: 'WASH_SESSIONS',
        name: 'WASH sessions',
        record: 'activity',
        measure: 'count',
        filters: [{ field: 'topic', values: ['wash'] }],
        dims: ['type', 'child_area'],
      });
      assert.equal(r.status, 201, r.text);
      assert.equal((await value(admin, 'WASH_SESSIONS', 'period=2026-02')).json.total.period, 2);
      assert.equal(
        (
          await officer.post('/api/v1/indicators', {
            code: 'X_Y',
            name: 'x',
            record: 'activity',
            measure: 'count',
          })
        ).status,
        403,
      );
    });

    test('drill-down lists the records behind a number', async () => {
      const r = await admin.get(
        `/api/v1/indicators/HH_ORGANISED/records?area=${uc.id}&period=2026-02&column=cumulative`,
      );
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.items.map((x) => x.id).sort(), [h1.id, h2.id].sort());
      // Reach in February: h1's head (named at two sessions, once) and the session whose counted
      // women add to her; one list, newest first, paged as one.
      const pages = [];
      for (const offset of [0, 1, 2]) {
        const p = await admin.get(
          `/api/v1/indicators/REACH/records?area=${uc.id}&period=2026-02&column=period&limit=1&offset=${offset}`,
        );
        assert.equal(p.status, 200, p.text);
        pages.push(p.json.items.map((x) => [x.record, x.date]));
      }
      assert.deepEqual(pages, [[['person', '2026-02-20']], [['activity', '2026-02-10']], []]);
    });

    test('MPR: draft -> submitted -> approved by the level above; approved numbers frozen; exports', async () => {
      let r = await officer.post('/api/v1/reports', {
        template_code: 'MPR',
        area_id: uc.id,
        period: '2026-02',
      });
      assert.equal(r.status, 201, r.text);
      let rep = r.json;
      const activities = () =>
        rep.sections.flatMap((s) => s.indicators).find((i) => i.code === 'ACTIVITIES');
      assert.equal(activities().total.period, 2);
      // A report adds distinct totals up from their groups by the person's (household's) sex, age
      // band or band, or measures them beside another indicator's groups: each equals the total
      // the indicator's own values give.
      for (const code of [
        'HH_ORGANISED',
        'HH_POOR_ORGANISED',
        'MEMBERS',
        'REACH',
        'ATTENDANCES',
        'PEOPLE_TRAINED',
      ]) {
        const inReport = rep.sections
          .flatMap((s) => s.indicators)
          .find((i) => i.code === code).total;
        const own = (await value(officer, code, 'period=2026-02')).json.total;
        assert.deepEqual(
          [inReport.period, inReport.cumulative, inReport.previous],
          [own.period, own.cumulative, own.previous],
          code,
        );
      }
      assert.equal(
        (
          await officer.post('/api/v1/reports', {
            template_code: 'MPR',
            area_id: uc.id,
            period: '2026Q1',
          })
        ).status,
        400,
      );
      // A success story with the photo of a session (a draft: it does not count), and a file that is not a photo.
      const draft = await officer.post('/api/v1/activities', {
        type: 'campaign',
        held_on: '2026-02-26',
        area_id: v1.id,
        counts: [],
      });
      assert.equal(draft.status, 201, draft.text);
      const upload = async (name, type, body) => {
        const u = await officer.request(
          'POST',
          `/api/v1/activities/${draft.json.id}/files?filename=${name}`,
          body,
          { raw: true, headers: { 'content-type': type } },
        );
        assert.equal(u.status, 201, u.text);
        return u.json.id;
      };
      const photo = await upload('women.png', 'image/png', pngOf(900, 600));
      const sheet = await upload('sheet.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
      const story = (fileIds) => ({
        title: 'Savings in Golden village',
        body: 'The women opened an account.',
        file_ids: fileIds,
      });
      r = await officer.patch(`/api/v1/reports/${rep.id}`, {
        version: rep.version,
        stories: [story([photo, sheet])],
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.fields['stories[0].file_ids'], 'a photo (JPEG or PNG)');
      r = await officer.patch(`/api/v1/reports/${rep.id}`, {
        version: rep.version,
        achievements: 'Two WASH sessions.',
        challenges: 'Rain.',
        stories: [story([photo])],
      });
      assert.equal(r.status, 200, r.text);
      r = await officer.post(`/api/v1/reports/${rep.id}/submit`, { version: r.json.version });
      assert.equal(r.status, 200, r.text);
      rep = r.json;
      assert.equal(
        (await officer.post(`/api/v1/reports/${rep.id}/approve`, { version: rep.version })).status,
        403,
        'not by its author',
      );
      r = await manager.post(`/api/v1/reports/${rep.id}/approve?lang=uk`, { version: rep.version });
      assert.equal(r.status, 200, r.text);
      // The approval answers the report as approved, in the reader's language: what a read gives.
      const read = await manager.get(`/api/v1/reports/${rep.id}?lang=uk`);
      assert.deepEqual(r.json.sections, read.json.sections);
      assert.deepEqual(r.json.events, read.json.events);
      assert.equal(r.json.version, read.json.version);
      assert.notEqual(
        r.json.sections[0].indicators[0].name,
        (await manager.get(`/api/v1/reports/${rep.id}`)).json.sections[0].indicators[0].name,
      );
      rep = r.json;
      assert.equal(rep.status, 'approved');
      assert.equal(activities().total.approved.period, 2);
      assert.equal(activities().total.changed, false);
      // A late activity changes the live number, never the approved one.
      let a = await admin.post('/api/v1/activities', {
        type: 'campaign',
        held_on: '2026-02-25',
        area_id: v2.id,
        topics: ['health'],
        facilitators: [{ name: 'LHW' }],
        counts: [{ sex: 'm', age_band: '18-59', disability: false, count: 3 }],
        participants_total: 3,
      });
      a = await admin.post(`/api/v1/activities/${a.json.id}/submit`, { version: a.json.version });
      assert.equal(
        (await officer.post(`/api/v1/activities/${a.json.id}/verify`, { version: a.json.version }))
          .status,
        200,
      );
      rep = (await officer.get(`/api/v1/reports/${rep.id}`)).json;
      assert.equal(activities().total.approved.period, 2);
      assert.equal(activities().total.period, 3);
      assert.equal(activities().total.changed, true);
      // % achieved and its light as approved (2 of the target 5), beside the live 3 of 5.
      assert.deepEqual(
        [activities().total.approved.achieved, activities().total.approved.light],
        [40, 'red'],
      );
      assert.equal(activities().total.achieved, 60);
      // Rows and sub-areas keep their approved figures too: awareness sessions unchanged, a campaign
      // new since the approval, V2 from 1 to 2.
      const rowOf = (type) => activities().rows.find((x) => x.keys[0] === type);
      assert.deepEqual(
        [
          rowOf('awareness_session').period,
          rowOf('awareness_session').approved.period,
          rowOf('awareness_session').changed,
        ],
        [2, 2, false],
      );
      assert.deepEqual(
        [rowOf('campaign').period, rowOf('campaign').approved, rowOf('campaign').changed],
        [1, null, true],
      );
      const child = (id) => activities().children.find((x) => x.area_id === id);
      assert.deepEqual(
        [child(v2.id).period, child(v2.id).approved.period, child(v2.id).changed],
        [2, 1, true],
      );
      assert.deepEqual(
        [child(v1.id).period, child(v1.id).approved.period, child(v1.id).changed],
        [1, 1, false],
      );
      assert.equal(
        (await officer.patch(`/api/v1/reports/${rep.id}`, { version: rep.version, lessons: 'x' }))
          .status,
        409,
      );

      const csv = await officer.get(`/api/v1/reports/${rep.id}/export?format=csv`);
      assert.equal(csv.status, 200);
      assert.match(csv.text, /"Activities held \(changed since approval, now 3\)",2,/);
      assert.match(csv.text, /"Campaign \(changed since approval, now 1\)",—,—/);
      assert.match(csv.text, new RegExp(`Golden ${v2.code} \\(changed since approval\\),1,1,1`));
      assert.match(csv.text, new RegExp(`\nGolden ${v1.code},1,5,5`));
      const pdf = await fetch(`${srv.base}/api/v1/reports/${rep.id}/export?format=pdf`, {
        headers: { cookie: officer.cookie },
      });
      assert.equal(pdf.status, 200);
      const dir = mkdtempSync(join(tmpdir(), 'mobilise-pdf-'));
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(await pdf.arrayBuffer()));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-']).toString();
      assert.match(text, /Activities held/);
      assert.match(text, /Two WASH sessions\./);
      assert.match(text, /Savings in Golden village/);
      // The story's photo is in the PDF (one image, at most the renderer's size); the PDF file is not.
      const images = execFileSync('pdfimages', ['-list', join(dir, 'r.pdf')])
        .toString()
        .trim()
        .split('\n')
        .slice(2);
      assert.equal(images.length, 1, images.join('\n'));
      assert.deepEqual(images[0].trim().split(/\s+/).slice(3, 5), ['900', '600']);
      const xlsx = await fetch(`${srv.base}/api/v1/reports/${rep.id}/export?format=xlsx`, {
        headers: { cookie: officer.cookie },
      });
      assert.equal(xlsx.status, 200);
      const book = Buffer.from(await xlsx.arrayBuffer());
      assert.ok(book.includes('xl/media/image1.jpeg'), 'the photo is in the workbook');
      assert.ok(!book.includes('xl/media/image2'));

      // DHIS2: unmapped -> a clear error; mapped -> the approved value.
      assert.equal(
        (await officer.get(`/api/v1/reports/${rep.id}/export?format=dhis2`)).status,
        400,
      );
      r = await admin.request('PUT', '/api/v1/dhis2-mapping', {
        org_units: [{ area_id: uc.id, org_unit: 'OU_GOLDEN' }],
        mappings: [{ indicator_code: 'ACTIVITIES', data_element: 'DE_ACTIVITIES' }],
        categories: [],
      });
      assert.equal(r.status, 200, r.text);
      const d = await officer.get(`/api/v1/reports/${rep.id}/export?format=dhis2`);
      assert.equal(d.status, 200, d.text);
      const values = JSON.parse(d.text).dataValues;
      assert.deepEqual(
        values.map((v) => [v.dataElement, v.period, v.orgUnit, v.value]),
        [['DE_ACTIVITIES', '202602', 'OU_GOLDEN', '2']],
      );
      // Exports are rendered to a temporary file that is streamed and removed: nothing is left.
      assert.deepEqual(readdirSync(serverTmp), []);
    });

    test('a quarterly report keeps its months after the fiscal year changes', async () => {
      let r = await admin.post('/api/v1/targets', {
        indicator_code: 'ACTIVITIES',
        area_id: uc.id,
        period: '2026Q1',
        value: 9,
      });
      assert.equal(r.status, 201, r.text);
      r = await officer.post('/api/v1/reports', {
        template_code: 'QPR',
        area_id: uc.id,
        period: '2026Q1',
      });
      assert.equal(r.status, 201, r.text);
      const made = r.json;
      const activities = (rep) =>
        rep.sections.flatMap((s) => s.indicators).find((i) => i.code === 'ACTIVITIES').total;
      assert.deepEqual([made.period_start, made.period_end], ['2026-01-01', '2026-03-31']);
      const before = activities(made); // the golden February's two and the MPR test's late campaign
      assert.ok(before.period >= 2 && before.previous === 0, JSON.stringify(before));
      // From July: "2026Q1" now names July-September 2026, where nothing happened.
      r = await admin.request('PUT', '/api/v1/programme-settings', { fiscal_year_start_month: 7 });
      assert.equal(r.status, 200, r.text);
      try {
        const q = await value(officer, 'ACTIVITIES', 'period=2026Q1');
        assert.equal(q.json.total.period, 0, q.text);
        r = await officer.get(`/api/v1/reports/${made.id}`);
        assert.equal(r.status, 200, r.text);
        assert.deepEqual([r.json.period_start, r.json.period_end], ['2026-01-01', '2026-03-31']);
        // Its figures are still January-March's, compared with October-December 2025.
        assert.deepEqual(
          [activities(r.json).period, activities(r.json).previous],
          [before.period, 0],
        );
        // Its target is still January-March's, also beside one set for those months under their new
        // name (2025Q3 of the year from July 2025), and DHIS2 still gets them as 2026Q1.
        assert.equal(activities(r.json).target, 9);
        assert.equal(
          (
            await admin.post('/api/v1/targets', {
              indicator_code: 'ACTIVITIES',
              area_id: uc.id,
              period: '2025Q3',
              value: 4,
            })
          ).status,
          201,
        );
        assert.equal((await value(officer, 'ACTIVITIES', 'period=2025Q3')).json.total.target, 4);
        assert.equal(activities((await officer.get(`/api/v1/reports/${made.id}`)).json).target, 9);
        const d = await officer.get(`/api/v1/reports/${made.id}/export?format=dhis2`);
        assert.equal(d.status, 200, d.text);
        assert.deepEqual(
          [...new Set(JSON.parse(d.text).dataValues.map((v) => v.period))],
          ['2026Q1'],
        );
      } finally {
        r = await admin.request('PUT', '/api/v1/programme-settings', {
          fiscal_year_start_month: 1,
        });
        assert.equal(r.status, 200, r.text);
      }
    });
  });
