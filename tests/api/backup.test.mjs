// `mobilise backup` and `mobilise restore` (docs/backup.md) with the real binary, both databases:
// a backup taken while writers create households and upload files, restored into a fresh
// database and data directory, served again: every record acknowledged before the backup began
// is there and whole, every file byte for byte, and the backup is one instant (every record it
// holds is whole: no file record without its bytes). Bad input: a missing or damaged backup, a
// taken destination, a non-empty target: a clear error and nothing written.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BIN, startServer, freshPgDatabase, freshSqliteDatabase, login } from './support.mjs';
import { Workload, writersPlace } from './writers.mjs';

const WRITERS = 6;

// The command's exit status and output, without throwing.
function cli(args) {
  const r = spawnSync(BIN, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fresh = (backend) => {
  if (backend === 'postgres') return { database: freshPgDatabase(), cleanup: () => {} };
  const s = freshSqliteDatabase();
  return { database: s.url, cleanup: () => rmSync(s.dir, { recursive: true, force: true }) };
};

const tablesIn = (url) =>
  Number(
    execFileSync(
      'psql',
      [url, '-Atc', "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"],
      {
        encoding: 'utf8',
      },
    ).trim(),
  );

const scratch = () => mkdtempSync(join(tmpdir(), 'mobilise-backup-'));

// Every file under `dir`, as paths relative to it.
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
}

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    const work = scratch();
    const source = fresh(backend);
    const dataDir = join(work, 'data');
    const backupDir = join(work, 'backup');
    let srv, load, ackedBefore;
    before(async () => {
      srv = await startServer({ database: source.database, dataDir });
      const admin = await login(srv.base, 'admin');
      load = new Workload(admin, await writersPlace(admin));
    });
    after(async () => {
      await srv?.stop();
      source.cleanup();
      rmSync(work, { recursive: true, force: true });
    });

    test('a backup under concurrent writers restores every acknowledged record and file', async (t) => {
      let writing = true;
      const writers = load.run(WRITERS, () => writing);
      while (load.intents.filter((i) => i.acked).length < 40) await sleep(20);
      ackedBefore = load.intents.filter((i) => i.acked);
      const args = ['--database', source.database, 'backup', backupDir, '--data-dir', dataDir];
      const backup = await promisify(execFile)(BIN, args, { encoding: 'utf8' });
      const ackedDuring = load.intents.filter((i) => i.acked).length - ackedBefore.length;
      await sleep(200);
      writing = false;
      await writers;
      assert.match(backup.stdout, /database: 100%/);
      assert.match(backup.stdout, /backup written to .*: \d+ tables, \d+ rows, \d+ files/);
      assert.deepEqual(readdirSync(work).sort(), ['backup', 'data'], 'no partial directory left');
      const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
      assert.equal(manifest.dialect, backend);
      assert.deepEqual(manifest.missing, []);
      assert.equal(manifest.files.length, filesUnder(backupDir).length - 1, 'all but the manifest');

      const target = fresh(backend);
      const restoredData = join(work, 'restored');
      let restored;
      try {
        const r = cli([
          '--database',
          target.database,
          'restore',
          backupDir,
          '--data-dir',
          restoredData,
        ]);
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /all whole/);
        assert.match(r.stdout, /applied 0 migration\(s\)/);
        restored = await startServer({
          database: target.database,
          dataDir: restoredData,
          seed: false,
        });
        const admin = await login(restored.base, 'admin');
        const before = await load.check(admin, ackedBefore);
        assert.deepEqual(before.problems, [], 'every record acknowledged before the backup');
        // One instant: whatever the backup holds, acknowledged before it or during it, is whole.
        const held = load.intents.filter((i) =>
          (i.kind === 'household' ? before.stored.households : before.stored.files).has(
            i.kind === 'household' ? i.name : `${i.name}.png`,
          ),
        );
        const all = await load.check(admin, held);
        assert.deepEqual(all.problems, [], 'every record in the backup is whole');
        assert.ok(held.length >= ackedBefore.length);
        assert.equal(
          held.length,
          before.stored.households.size + before.stored.files.size,
          'nothing in the backup that no writer sent',
        );
        t.diagnostic(
          `${backend}: acknowledged before the backup ${ackedBefore.length}, present after the ` +
            `restore ${before.figures.present}, lost ${before.figures.lost}; acknowledged while ` +
            `it ran ${ackedDuring}; records in the backup ${held.length} ` +
            `(${manifest.files.length - 1} files)`,
        );
      } finally {
        await restored?.stop();
        target.cleanup();
        rmSync(restoredData, { recursive: true, force: true });
      }
    });

    test('a damaged or missing backup: a clear error, nothing written', async () => {
      const target = fresh(backend);
      const into = join(work, 'into');
      const restore = (from) =>
        cli(['--database', target.database, 'restore', from, '--data-dir', into]);
      const nothingWritten = (r, why) => {
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, why);
        assert.deepEqual(filesUnder(into), []);
        if (backend === 'sqlite') assert.ok(!existsSync(target.database.slice(7)), 'no database');
        else assert.equal(tablesIn(target.database), 0, 'no tables');
      };
      try {
        nothingWritten(restore(join(work, 'none')), /is not a backup: no such directory/);
        const copy = (name) => {
          const dir = join(work, name);
          cpSync(backupDir, dir, { recursive: true });
          return dir;
        };
        const blob = (dir) =>
          join(
            dir,
            filesUnder(dir).find((f) => f.startsWith('files/')),
          );

        let bad = copy('flipped');
        const file = blob(bad);
        const bytes = readFileSync(file);
        bytes[bytes.length - 1] ^= 1;
        writeFileSync(file, bytes);
        nothingWritten(restore(bad), /is damaged, nothing was restored: files\/.* is damaged/);

        bad = copy('lost-file');
        rmSync(blob(bad));
        nothingWritten(restore(bad), /files\/.* is missing/);

        bad = copy('truncated-db');
        const db = join(
          bad,
          readdirSync(bad).find((f) => f.startsWith('database.')),
        );
        writeFileSync(db, readFileSync(db).subarray(0, 1000));
        nothingWritten(restore(bad), /database\.\w+ has 1000 bytes where the manifest says/);

        bad = copy('bad-manifest');
        writeFileSync(join(bad, 'manifest.json'), '{"format": 1, "files": [');
        nothingWritten(restore(bad), /manifest\.json is damaged/);

        bad = copy('sneaky-manifest');
        const m = JSON.parse(readFileSync(join(bad, 'manifest.json'), 'utf8'));
        m.files[1].path = '../../etc/passwd';
        writeFileSync(join(bad, 'manifest.json'), JSON.stringify(m));
        nothingWritten(
          restore(bad),
          /manifest\.json is damaged: it names the file '\.\.\/\.\.\/etc/,
        );

        m.files[1].path = m.files[2].path;
        m.tables['area; DROP TABLE area'] = 1;
        writeFileSync(join(bad, 'manifest.json'), JSON.stringify(m));
        nothingWritten(restore(bad), /manifest\.json is damaged: it names the table 'area; DROP/);

        rmSync(join(bad, 'manifest.json'));
        nothingWritten(restore(bad), /is not a Mobilise backup: it has no manifest\.json/);
      } finally {
        target.cleanup();
      }
    });

    test('a backup never replaces; a restore replaces only with --force', async () => {
      const taken = cli([
        '--database',
        source.database,
        'backup',
        backupDir,
        '--data-dir',
        dataDir,
      ]);
      assert.equal(taken.status, 2);
      assert.match(taken.stderr, /already exists: a backup never replaces anything/);
      const elsewhere = join(work, 'elsewhere');
      const noFiles = cli(['--database', source.database, 'backup', elsewhere, '--data-dir', work]);
      assert.equal(noFiles.status, 2);
      assert.match(noFiles.stderr, /records name \d+ files but the data directory .* holds none/);
      assert.ok(!existsSync(elsewhere));
      assert.deepEqual(
        readdirSync(work).filter((f) => f.includes('partial')),
        [],
        'no partial directory left',
      );
      // The source is not empty: refused, then replaced by the backup with --force.
      await srv.stop();
      const restore = (...extra) =>
        cli(['--database', source.database, 'restore', backupDir, '--data-dir', dataDir, ...extra]);
      const refused = restore();
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /already holds (files|tables).*add --force/);
      const forced = restore('--force');
      assert.equal(forced.status, 0, forced.stderr);
      srv = await startServer({ database: source.database, dataDir, seed: false });
      const admin = await login(srv.base, 'admin');
      const { problems } = await load.check(admin, ackedBefore);
      assert.deepEqual(problems, []);
      const other = cli([
        '--database',
        backend === 'sqlite' ? freshPgDatabase() : `sqlite:${join(work, 'x.db')}`,
        'restore',
        backupDir,
      ]);
      assert.equal(other.status, 2);
      assert.match(other.stderr, new RegExp(`holds a ${backend} database and --database names a`));
    });
  });
