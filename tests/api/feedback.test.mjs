// Community feedback: logging, workflow, due dates and the overdue list, sensitive cases seen
// only by focal points (404 to everyone else, views audited), analysis -- on SQLite and PostgreSQL.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, uniq, freshPgDatabase } from './support.mjs';

const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n) => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin, mob, focal, officer, manager, uc;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
      mob = await login(srv.base, 'mobiliser.u1');
      focal = await login(srv.base, 'focal.d1');
      officer = await login(srv.base, 'officer.t1');
      manager = await login(srv.base, 'manager.d1');
      uc = await areaByCode(admin, 'P1-D1-T1-U1');
    });
    after(async () => {
      await srv?.stop();
    });

    const log = (client, extra = {}) =>
      client.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'cefc_walk_in',
        category: 'complaint_service',
        description: `The water point is broken ${uniq()}`,
        person_name: 'Gul Bibi',
        person_contact: '0300 1234567',
        person_sex: 'f',
        person_age_band: '18-59',
        language: 'ps',
        tags: ['water', 'WASH'],
        ...extra,
      });

    test('ordinary feedback: logged, due in 30 days, worked through to a closed loop', async () => {
      const r = await log(mob);
      assert.equal(r.status, 201, r.text);
      const f = r.json;
      assert.equal(f.status, 'open');
      assert.equal(f.sensitive, false);
      assert.deepEqual(f.tags, ['water', 'wash']);
      assert.equal(
        f.due_on,
        new Date(Date.parse(today) + 30 * 86400000).toISOString().slice(0, 10),
      );
      assert.equal(f.person_contact, null, 'a mobiliser does not see contacts');
      assert.equal(f.contact_hidden, true);
      // A mobiliser may not work the case; the officer may.
      let s = await mob.post(`/api/v1/feedback/${f.id}/respond`, {
        version: f.version,
        response: 'x',
      });
      assert.equal(s.status, 403);
      const mobUser = (await admin.get('/api/v1/users?q=mobiliser.u1')).json.items[0];
      s = await officer.post(`/api/v1/feedback/${f.id}/assign`, {
        version: f.version,
        assigned_to: mobUser.id,
      });
      assert.equal(s.status, 400, 'a mobiliser does not handle feedback');
      const officerUser = (await admin.get('/api/v1/users?q=officer.t1')).json.items[0];
      s = await officer.post(`/api/v1/feedback/${f.id}/close`, {
        version: f.version,
        loop_closed_by: 'phone',
      });
      assert.equal(s.status, 400);
      assert.match(s.json.error.fields.status, /cannot close a record that is open/);
      const who = (await officer.get(`/api/v1/feedback/${f.id}/assignees`)).json.items;
      assert.ok(
        who.some((h) => h.user_id === officerUser.id && h.role === 'officer'),
        JSON.stringify(who),
      );
      assert.ok(who.some((h) => h.role === 'focal_point') && who.some((h) => h.role === 'manager'));
      assert.ok(!who.some((h) => h.role === 'mobiliser' || h.role === 'admin'));
      assert.equal((await mob.get(`/api/v1/feedback/${f.id}/assignees`)).status, 403);
      s = await officer.post(`/api/v1/feedback/${f.id}/assign`, {
        version: f.version,
        assigned_to: officerUser.id,
      });
      assert.equal(s.status, 200, s.text);
      assert.equal(s.json.status, 'assigned');
      assert.equal(s.json.person_contact, '0300 1234567');
      s = await officer.post(`/api/v1/feedback/${f.id}/refer`, {
        version: s.json.version,
        referred_to: 'District WASH department',
      });
      assert.equal(s.json.status, 'referred');
      s = await officer.post(`/api/v1/feedback/${f.id}/respond`, {
        version: s.json.version,
        response: 'Repaired on Monday',
        responded_on: '2999-01-01',
      });
      assert.equal(s.status, 400);
      const cur = (await officer.get(`/api/v1/feedback/${f.id}`)).json;
      s = await officer.post(`/api/v1/feedback/${f.id}/respond`, {
        version: cur.version,
        response: 'Repaired on Monday',
      });
      assert.equal(s.status, 200, s.text);
      s = await officer.post(`/api/v1/feedback/${f.id}/close`, {
        version: s.json.version,
        loop_closed_by: 'community_meeting',
        satisfaction: 'satisfied',
      });
      assert.equal(s.status, 400, 'satisfaction is asked of the person');
      s = await officer.post(`/api/v1/feedback/${f.id}/close`, {
        version: cur.version + 1,
        loop_closed_by: 'phone',
        satisfaction: 'satisfied',
      });
      assert.equal(s.status, 200, s.text);
      assert.equal(s.json.status, 'closed');
      assert.deepEqual(
        s.json.events.map((e) => e.action),
        ['logged', 'assign', 'refer', 'respond', 'close'],
      );
      s = await officer.patch(`/api/v1/feedback/${f.id}`, {
        version: s.json.version,
        description: 'changed',
      });
      assert.equal(s.status, 400);
    });

    test('sensitive feedback: a receipt for the logger, 404 for everyone but the focal point, every view audited', async () => {
      const r = await log(mob, {
        category: 'sensitive_sea',
        description: 'A distributor asked for favours',
        tags: ['psea'],
      });
      assert.equal(r.status, 201, r.text);
      const receipt = r.json;
      assert.equal(receipt.sensitive, true);
      assert.equal(receipt.description, '');
      assert.equal(receipt.person_name, null);
      assert.equal(
        receipt.due_on,
        new Date(Date.parse(today) + 3 * 86400000).toISOString().slice(0, 10),
      );
      for (const c of [mob, admin, officer, manager]) {
        assert.equal((await c.get(`/api/v1/feedback/${receipt.id}`)).status, 404);
        const list = (await c.get(`/api/v1/feedback?area=${uc.id}&limit=500`)).json;
        assert.ok(!list.items.some((x) => x.id === receipt.id));
        assert.ok(!JSON.stringify(list).includes('favours'));
        const sum = (await c.get(`/api/v1/feedback/summary?area=${uc.id}`)).json;
        assert.ok(!sum.counts.some((x) => x.category === 'sensitive_sea'));
      }
      const seen = await focal.get(`/api/v1/feedback/${receipt.id}`);
      assert.equal(seen.status, 200);
      assert.equal(seen.json.description, 'A distributor asked for favours');
      assert.equal(seen.json.person_contact, '0300 1234567');
      const audit = (await admin.get(`/api/v1/audit?entity=feedback&entity_id=${receipt.id}`)).json;
      assert.ok(
        audit.items.some((e) => e.action === 'view'),
        'the focal point view is audited',
      );
      assert.ok(
        !JSON.stringify(audit).includes('favours'),
        'the audit log holds no sensitive text',
      );
      const focalUser = (await admin.get('/api/v1/users?q=focal.d1')).json.items[0];
      const mgrUser = (await admin.get('/api/v1/users?q=manager.d1')).json.items[0];
      const who = (await focal.get(`/api/v1/feedback/${receipt.id}/assignees`)).json.items;
      assert.deepEqual(
        who.map((h) => h.role),
        ['focal_point'],
      );
      let s = await focal.post(`/api/v1/feedback/${receipt.id}/assign`, {
        version: 1,
        assigned_to: mgrUser.id,
      });
      assert.equal(s.status, 400, 'only a focal point may be assigned a sensitive case');
      s = await focal.post(`/api/v1/feedback/${receipt.id}/assign`, {
        version: 1,
        assigned_to: focalUser.id,
      });
      assert.equal(s.status, 200, s.text);
      assert.equal(
        (
          await manager.post(`/api/v1/feedback/${receipt.id}/respond`, {
            version: 2,
            response: 'x',
          })
        ).status,
        404,
      );
      const list = (await focal.get(`/api/v1/feedback?area=${uc.id}&category=sensitive_sea`)).json;
      assert.ok(list.items.some((x) => x.id === receipt.id));
    });

    test('overdue list, filters and analysis', async () => {
      const old = await log(mob, {
        received_on: daysAgo(45),
        category: 'information_request',
        tags: ['cash', 'registration'],
      });
      assert.equal(old.status, 201, old.text);
      const overdue = (await officer.get(`/api/v1/feedback?area=${uc.id}&overdue=true&limit=500`))
        .json;
      assert.ok(overdue.items.some((x) => x.id === old.json.id));
      assert.ok(overdue.items.every((x) => x.status !== 'closed' && x.due_on < today));
      const sum = (await officer.get(`/api/v1/feedback/summary?area=${uc.id}`)).json;
      assert.ok(sum.received >= 2);
      assert.ok(sum.open_overdue >= 1);
      assert.ok(sum.closed >= 1 && sum.closed_on_time >= 1);
      assert.equal(
        sum.counts.reduce((a, c) => a + c.received, 0),
        sum.received,
      );
      assert.ok(sum.top_tags.some((t) => t.tag === 'water'));
      const byCat = (
        await officer.get(
          `/api/v1/feedback?area=${uc.id}&category=information_request&channel=cefc_walk_in`,
        )
      ).json;
      assert.ok(byCat.items.every((x) => x.category === 'information_request'));
    });

    test('bad input is named and nothing is written; other areas see nothing', async () => {
      const before = (await admin.get(`/api/v1/feedback?area=${uc.id}`)).json.total;
      const r = await mob.post('/api/v1/feedback', {
        area_id: uc.id,
        channel: 'pigeon',
        category: 'gossip',
        description: '',
        anonymous: true,
        person_name: 'X',
        tags: ['no spaces'],
        received_on: '2999-01-01',
        person_age_band: '30s',
      });
      assert.equal(r.status, 400);
      for (const f of [
        'channel',
        'category',
        'description',
        'anonymous',
        'tags',
        'received_on',
        'person_age_band',
      ])
        assert.ok(r.json.error.fields[f], `${f}: ${r.text}`);
      assert.equal((await admin.get(`/api/v1/feedback?area=${uc.id}`)).json.total, before);
      const other = await login(srv.base, 'mobiliser.u2');
      assert.equal((await other.get(`/api/v1/feedback?area=${uc.id}`)).status, 400);
      assert.equal(
        (await other.get('/api/v1/feedback?limit=500')).json.items.filter(
          (x) => x.area_id === uc.id,
        ).length,
        0,
      );
      const me = await login(srv.base, 'me.p1');
      assert.equal(
        (
          await me.post('/api/v1/feedback', {
            area_id: uc.id,
            channel: 'hotline',
            category: 'suggestion',
            description: 'x',
          })
        ).status,
        400,
      );
    });
  });
