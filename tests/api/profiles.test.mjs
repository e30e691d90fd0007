// Community profiles (dated versions, as of a date, what changed, contacts only for roles that
// may see personal data, the PDF sheet) and the risk register (levels, level changes shown to
// the area's supervisors, overdue reviews) -- both backends.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, freshPgDatabase } from './support.mjs';

const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, mob2, officer, me, village, institution;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      mob2 = await login(srv.base, 'mobiliser.u2');
      officer = await login(srv.base, 'officer.t1');
      me = await login(srv.base, 'me.p1');
      village = await areaByCode(admin, 'P1-D1-T1-U1-V1');
      const r = await admin.post('/api/v1/institutions', {
        area_id: village.id,
        type: 'CO',
        name: 'Profile CO',
        sex_composition: 'women',
        formed_on: '2024-01-01',
      });
      assert.equal(r.status, 201, r.text);
      institution = r.json;
    });
    after(async () => {
      await srv?.stop();
    });

    const first = () => ({
      as_of: '2026-01-15',
      figures: [
        {
          name: 'Population (census)',
          value: 1200,
          source: 'District census',
          dated_on: '2025-11-01',
        },
      ],
      facilities: [
        {
          type: 'school',
          name: 'Girls primary',
          status: 'functional',
          latitude: 34.1,
          longitude: 71.5,
        },
      ],
      personnel: [
        {
          name: 'Gul Bibi',
          position: 'Head teacher',
          organisation: 'Education',
          contact: '0700 111 222',
        },
      ],
      institutions: [{ institution_id: institution.id, note: 'Meets monthly' }],
      hazards: ['Floods'],
      strengths: ['Active VO'],
      weaknesses: ['No clinic'],
      opportunities: ['New road'],
      threats: ['Winter closure'],
    });

    test('profile versions: as of a date, changes since the last, registry figures live', async () => {
      const path = `/api/v1/areas/${village.id}/profile`;
      let r = await mob.get(path);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.version, null);
      assert.ok(r.json.registry.households > 0, 'registry figures computed');
      // The figures by sex count the members of the area's community institutions.
      assert.deepEqual(Object.keys(r.json.registry.members_by_sex).sort(), ['f', 'm', 'x']);
      const households = r.json.registry.households;

      r = await mob.post(path, first());
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.version.as_of, '2026-01-15');
      assert.equal(r.json.version.institutions[0].name, 'Profile CO');
      assert.equal(r.json.registry.households, households);

      const second = first();
      second.as_of = '2026-06-01';
      second.figures[0].value = 1350;
      second.facilities[0].status = 'partly_functional';
      second.threats.push('Landslides');
      r = await mob.post(path, second);
      assert.equal(r.status, 201, r.text);
      const changes = r.json.changes;
      assert.equal(r.json.previous_as_of, '2026-01-15');
      assert.ok(
        changes.some(
          (c) =>
            c.section === 'figures' &&
            c.field === 'value' &&
            c.before === '1200' &&
            c.after === '1350',
        ),
        JSON.stringify(changes),
      );
      assert.ok(changes.some((c) => c.section === 'facilities' && c.after === 'partly_functional'));
      assert.ok(
        changes.some(
          (c) => c.section === 'swot' && c.field === 'threats' && c.after === 'Landslides',
        ),
      );
      assert.equal(changes.length, 3, JSON.stringify(changes));

      // As of a past date: the version then in force, and nothing before it.
      r = await officer.get(`${path}?as_of=2026-03-01`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.version.as_of, '2026-01-15');
      assert.equal(r.json.version.figures[0].value, 1200);
      assert.equal(r.json.previous_as_of, null);
      assert.equal(r.json.versions.length, 2);
      r = await officer.get(`${path}?as_of=2025-12-31`);
      assert.equal(r.json.version, null);
      r = await officer.get(`${path}?as_of=2026-02-30`);
      assert.equal(r.status, 400);
      assert.ok(r.json.error.fields.as_of);
      r = await officer.get(path);
      assert.equal(r.json.version.as_of, '2026-06-01');
    });

    test('contacts: hidden from roles that may not see personal data, and kept on their saves', async () => {
      const path = `/api/v1/areas/${village.id}/profile`;
      let r = await officer.get(path);
      assert.equal(r.json.contacts_visible, true);
      assert.equal(r.json.version.personnel[0].contact, '0700 111 222');
      for (const who of [mob, me]) {
        r = await who.get(path);
        assert.equal(r.status, 200, r.text);
        assert.equal(r.json.contacts_visible, false);
        assert.equal(r.json.version.personnel[0].contact, null, 'contact hidden');
        assert.ok(!r.text.includes('0700 111 222'));
      }
      // A mobiliser saves what they see (no contact): the contact stays.
      const seen = r.json.version;
      r = await mob.post(path, {
        ...first(),
        as_of: day(0),
        personnel: seen.personnel.map(({ name, position, organisation }) => ({
          name,
          position,
          organisation,
        })),
      });
      assert.equal(r.status, 201, r.text);
      r = await officer.get(path);
      assert.equal(r.json.version.personnel[0].contact, '0700 111 222');
      // The PDF sheet of a mobiliser has no contact either; the officer's Pashto sheet is a PDF.
      r = await officer.get(`${path}/export?format=pdf&lang=ps`);
      assert.equal(r.status, 200, r.text.slice(0, 200));
      assert.equal(r.headers.get('content-type'), 'application/pdf');
      assert.ok(r.text.startsWith('%PDF'));
      r = await mob.get(`${path}/export?format=csv`);
      assert.equal(r.status, 200);
      assert.ok(r.text.includes('Gul Bibi') && !r.text.includes('0700 111 222'), r.text);
      r = await mob.get(`${path}/export?format=doc`);
      assert.equal(r.status, 400);
      // The sheet speaks each language of the app, shipped facility types included; a language
      // the app does not speak gets English.
      for (const [lang, heading, school] of [
        ['prs', 'اشخاص کلیدی', 'مکتب'],
        ['mr', 'प्रमुख व्यक्ती', 'शाळा'],
        ['xx', 'Key personnel', 'School'],
      ]) {
        r = await officer.get(`${path}/export?format=csv&lang=${lang}`);
        assert.equal(r.status, 200, r.text);
        assert.ok(r.text.includes(heading) && r.text.includes(school), `${lang}: ${r.text}`);
      }
    });

    test('profile writes: roles, scope, and bad input that changes nothing', async () => {
      const path = `/api/v1/areas/${village.id}/profile`;
      const versions = (await officer.get(path)).json.versions.length;
      let r = await me.post(path, first());
      assert.equal(r.status, 403, r.text);
      r = await mob2.get(path);
      assert.equal(r.status, 404);
      r = await mob2.post(path, first());
      assert.equal(r.status, 404);
      const bad = first();
      bad.as_of = day(2);
      bad.figures[0].dated_on = 'soon';
      bad.facilities[0].type = 'castle';
      bad.facilities[0].latitude = 120;
      bad.institutions[0].institution_id = '0190aaaa-0000-7000-8000-000000000000';
      bad.strengths = ['Same', 'Same'];
      r = await mob.post(path, bad);
      assert.equal(r.status, 400, r.text);
      const f = r.json.error.fields;
      for (const k of [
        'as_of',
        'figures[0].dated_on',
        'facilities[0].type',
        'facilities[0].latitude',
        'institutions[0].institution_id',
        'strengths[1]',
      ])
        assert.ok(f[k], `${k}: ${r.text}`);
      assert.equal((await officer.get(path)).json.versions.length, versions);
    });

    test('risks: level bands, a level change alerts the supervisors, overdue reviews', async () => {
      let r = await mob.post('/api/v1/risks', {
        area_id: village.id,
        category: 'security',
        description: 'Checkpoint harassment on the market road',
        likelihood: 2,
        impact: 2,
        trend: 'stable',
        next_review_on: day(0),
      });
      assert.equal(r.status, 201, r.text);
      const risk = r.json;
      assert.equal(risk.level, 4);
      assert.equal(risk.band, 'low');
      assert.equal(risk.overdue, false, 'due today is not overdue');
      r = await mob.post('/api/v1/risks', {
        area_id: village.id,
        category: 'environment',
        description: 'River bank erosion',
        likelihood: 3,
        impact: 3,
        trend: 'rising',
        next_review_on: day(-1),
        owner_id: mob.user.id,
      });
      assert.equal(r.status, 201, r.text);
      const late = r.json;
      assert.equal(late.overdue, true, 'due yesterday is overdue');
      assert.equal(late.band, 'medium');
      assert.equal(late.owner_id, mob.user.id);
      assert.ok(late.owner_name);

      r = await mob.patch(`/api/v1/risks/${risk.id}`, {
        version: risk.version,
        likelihood: 4,
        impact: 4,
      });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.level, 16);
      assert.equal(r.json.band, 'high');
      assert.equal(r.json.changes.length, 1);
      assert.equal(r.json.changes[0].from_level, 4);
      r = await mob.patch(`/api/v1/risks/${risk.id}`, { version: risk.version, trend: 'rising' });
      assert.equal(r.status, 409, 'stale');

      r = await officer.get('/api/v1/risks/alerts');
      assert.equal(r.status, 200, r.text);
      const change = r.json.changes.find((c) => c.risk_id === risk.id);
      assert.ok(change, r.text);
      assert.equal(change.to_band, 'high');
      assert.equal(change.area_name, village.name);
      assert.ok(r.json.overdue.some((x) => x.id === late.id));
      assert.ok(!r.json.overdue.some((x) => x.id === risk.id));
      r = await mob.get('/api/v1/risks/alerts');
      assert.equal(r.json.changes.length, 0, 'a mobiliser supervises nobody');
      r = await mob2.get('/api/v1/risks/alerts');
      assert.ok(!r.json.overdue.some((x) => x.id === late.id), 'out of scope');

      r = await officer.get(`/api/v1/risks?area=${village.id}&overdue=true`);
      assert.deepEqual(
        r.json.items.map((x) => x.id),
        [late.id],
      );
      r = await officer.get(`/api/v1/risks?area=${village.id}`);
      assert.equal(r.json.items[0].id, risk.id, 'highest level first');
      assert.equal((await mob2.get(`/api/v1/risks/${risk.id}`)).status, 404);
      assert.equal(
        (await mob2.patch(`/api/v1/risks/${risk.id}`, { version: 2, impact: 1 })).status,
        404,
      );
      assert.equal(
        (await me.patch(`/api/v1/risks/${risk.id}`, { version: 2, impact: 1 })).status,
        403,
      );

      r = await mob.post('/api/v1/risks', {
        area_id: village.id,
        category: 'weather',
        description: '',
        likelihood: 6,
        impact: 0,
        trend: 'up',
        next_review_on: '2026-13-01',
      });
      assert.equal(r.status, 400);
      for (const k of [
        'category',
        'description',
        'likelihood',
        'impact',
        'trend',
        'next_review_on',
      ])
        assert.ok(r.json.error.fields[k], `${k}: ${r.text}`);
      r = await officer.get(`/api/v1/risks?area=${village.id}`);
      assert.equal(r.json.total, 2, 'nothing written');
      r = await admin.get(`/api/v1/audit?entity=risk&entity_id=${risk.id}`);
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json.items.map((e) => e.action).sort(), ['create', 'update']);
    });
  });
