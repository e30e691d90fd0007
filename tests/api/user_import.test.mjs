// Staff accounts and the reporting line from a table (issue 17: "set in user administration,
// imported with users"), on both backends: a dry run saves nothing; every bad row is named with
// its column and code and nothing is saved; a load creates the new users with a first password
// answered once (they can sign in with it), adds roles and supervisors to existing ones, and is
// audited; the same file again changes nothing; the reporting line the file draws is the team tree.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, login, areaByCode, freshPgDatabase, uniq } from './support.mjs';

const csv = (rows) => rows.map((r) => r.join(',')).join('\n') + '\n';
const HEAD = ['username', 'full_name', 'role', 'area_code', 'supervisor', 'locale'];

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    let srv, admin;
    before(async () => {
      srv = await startServer(backend === 'postgres' ? { database: freshPgDatabase() } : {});
      admin = await login(srv.base, 'admin');
    });
    after(async () => {
      await srv?.stop();
    });

    const upload = (client, rows, dryRun) =>
      client.post(`/api/v1/users/import?dry_run=${dryRun}`, csv([HEAD, ...rows]), {
        raw: true,
        headers: { 'content-type': 'text/csv' },
      });
    const userNamed = async (name) =>
      (await admin.get(`/api/v1/users?q=${name}`)).json.items.find((u) => u.username === name);

    test('bad rows are named, one by one, and nothing is saved', async () => {
      const s = uniq();
      const r = await upload(
        admin,
        [
          ['Bad Name', 'Bad', 'mobiliser', 'P1-D1-T1-U1', '', ''], // row 2
          [`a.${s}`, '', 'mobiliser', 'P1-D1-T1-U1', '', ''], // 3: a new user needs a name
          [`b.${s}`, 'Bee', 'chief', 'P1-D1-T1-U1', '', ''], // 4: no such role
          [`c.${s}`, 'Cee', 'mobiliser', 'P9-NOWHERE', '', ''], // 5: no such area
          [`d.${s}`, 'Dee', 'mobiliser', 'P1-D1-T1-U1', `e.${s}`, ''], // 6: d -> e
          [`e.${s}`, 'Eee', 'officer', 'P1-D1-T1', `d.${s}`, ''], // 7: e -> d: a loop
          [`f.${s}`, 'Eff', 'mobiliser', 'P1-D1-T1-U1', '', 'xx'], // 8: no such language
          [`f.${s}`, 'Ef', 'mobiliser', 'P1-D1-T1-U2', '', ''], // 9: another name for f
          [`g.${s}`, 'Gee', 'mobiliser', 'P1-D1-T1-U1', 'nobody.here', ''], // 10
        ],
        false,
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.ok, false);
      assert.equal(r.json.saved, 0);
      assert.deepEqual(r.json.passwords, []);
      assert.deepEqual(
        r.json.errors.map((e) => `${e.row}:${e.column}:${e.code}`),
        [
          '2:username:username_form',
          '3:full_name:required',
          '4:role:one_of',
          '4:role:at_least_one_role',
          '5:area_code:no_such_in_scope',
          '5:role:at_least_one_role',
          '6:supervisor:supervisor_cycle',
          '7:supervisor:supervisor_cycle',
          '8:locale:one_of',
          '9:full_name:differs_from_row',
          '10:supervisor:no_such_in_scope',
        ],
      );
      for (const name of ['a', 'b', 'd', 'f', 'g'])
        assert.equal(await userNamed(`${name}.${s}`), undefined, `${name} not created`);
    });

    test('an administrator of P2 cannot reach P1: its areas and its users are not theirs', async () => {
      const p2 = await login(srv.base, 'admin.p2');
      const r = await upload(
        p2,
        [
          ['mobiliser.u1', '', 'mobiliser', 'P2-D1', '', ''],
          [`p2.${uniq()}`, 'New P2', 'mobiliser', 'P1-D1', '', ''],
          [`p2.${uniq()}`, 'Other P2', 'mobiliser', 'P2-D1', 'officer.t1', ''],
        ],
        false,
      );
      assert.deepEqual(
        r.json.errors.map((e) => `${e.row}:${e.column}:${e.code}`),
        [
          '2:username:username_taken',
          '3:area_code:no_such_in_scope',
          '3:role:at_least_one_role',
          '4:supervisor:no_such_in_scope',
        ],
      );
      const mob = await login(srv.base, 'mobiliser.u1');
      const denied = await upload(mob, [[`x.${uniq()}`, 'X', 'mobiliser', 'P1-D1', '', '']], true);
      assert.equal(denied.status, 403, denied.text);
    });

    test('a load: new users with a first password, the line drawn, audited; again: no change', async () => {
      const s = uniq();
      const [lead, crp, crp2] = [`lead.${s}`, `crp.${s}`, `crp2.${s}`];
      const rows = [
        // The mobiliser of U1 now reports to a new CRP, who reports to a new cluster lead.
        ['mobiliser.u1', '', '', '', crp, ''],
        [crp, 'Community Resource Person', 'mobiliser', 'P1-D1-T1-U1', lead, 'ps'],
        [crp, '', 'mobiliser', 'P1-D1-T1-U2', '', ''],
        [crp2, 'Second CRP', 'mobiliser', 'P1-D1-T1-U2', 'officer.t1', ''],
        [lead, 'Cluster Lead', 'officer', 'P1-D1-T1', 'manager.d1', 'uk'],
      ];
      let r = await upload(admin, rows, true);
      assert.equal(r.json.ok, true, r.text);
      assert.equal(r.json.dry_run, true);
      assert.equal(r.json.rows, 5);
      assert.deepEqual(r.json.passwords, [], 'a dry run hands out no password');
      assert.equal(await userNamed(crp), undefined, 'a dry run saves nothing');

      r = await upload(admin, rows, false);
      assert.equal(r.json.ok, true, r.text);
      assert.deepEqual([r.json.saved, r.json.created, r.json.updated], [4, 3, 1]);
      assert.deepEqual(r.json.passwords.map((p) => p.username).sort(), [crp, crp2, lead].sort());
      const pw = Object.fromEntries(r.json.passwords.map((p) => [p.username, p.password]));
      assert.match(pw[crp], /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
      assert.notEqual(pw[crp], pw[lead]);

      const c = await userNamed(crp);
      assert.equal(c.full_name, 'Community Resource Person');
      assert.equal(c.locale, 'ps');
      const [u1area, u2area] = [
        await areaByCode(admin, 'P1-D1-T1-U1'),
        await areaByCode(admin, 'P1-D1-T1-U2'),
      ];
      assert.deepEqual(
        c.roles.map((x) => `${x.role}@${x.area_id}`).sort(),
        [`mobiliser@${u1area.id}`, `mobiliser@${u2area.id}`].sort(),
      );
      assert.equal(c.supervisor_name, 'Cluster Lead');
      const signedIn = await login(srv.base, crp, pw[crp]);
      assert.equal((await signedIn.get('/api/v1/team')).json.items.length, 2, 'crp and u1');

      const manager = await login(srv.base, 'manager.d1');
      const team = (await manager.get('/api/v1/team')).json.items.map((m) => [
        m.user.username,
        m.depth,
      ]);
      for (const want of [
        [lead, 1],
        [crp, 2],
        ['mobiliser.u1', 3],
      ])
        assert.ok(
          team.some(([n, d]) => n === want[0] && d === want[1]),
          `${want} in ${JSON.stringify(team)}`,
        );
      const u1 = await userNamed('mobiliser.u1');
      assert.equal(u1.supervisor_id, c.id);
      // Her sign-in is audited too; the import made her, once.
      const audit = (await admin.get(`/api/v1/audit?entity_id=${c.id}`)).json.items;
      assert.deepEqual(
        audit.map((e) => e.action).filter((a) => a !== 'login'),
        ['create'],
      );
      assert.deepEqual(
        (await admin.get(`/api/v1/audit?entity_id=${u1.id}`)).json.items
          .map((e) => e.action)
          .filter((a) => a !== 'login'),
        ['update'],
      );

      r = await upload(admin, rows, false);
      assert.equal(r.json.ok, true, r.text);
      assert.deepEqual([r.json.created, r.json.updated], [0, 0], 'the same file changes nothing');
      assert.deepEqual(r.json.passwords, []);
    });
  });
