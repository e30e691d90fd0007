// Durability (issue 15): concurrent writers create households and upload files, each create with
// its client-made id; the server is killed with SIGKILL at random moments and restarted on the
// same database and data directory; the writers resend whatever was not acknowledged. At the
// end every acknowledged record is present and whole and nothing is stored twice. The figures
// (acknowledged, present, lost, duplicated) are printed. Both databases.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, freshPgDatabase, freshSqliteDatabase, login } from './support.mjs';
import { Workload, writersPlace } from './writers.mjs';

const ROUNDS = 4;
const WRITERS = 6;

for (const backend of ['sqlite', 'postgres'])
  describe(backend, () => {
    test('acknowledged records survive kill -9, and retries make no duplicates', async (t) => {
      const sqlite = backend === 'sqlite' ? freshSqliteDatabase() : null;
      const database = sqlite ? sqlite.url : freshPgDatabase();
      const dataDir = mkdtempSync(join(tmpdir(), 'mobilise-durability-'));
      let srv = await startServer({ database, dataDir });
      try {
        const admin = await login(srv.base, 'admin');
        const work = new Workload(admin, await writersPlace(admin));
        let finished = false;
        const writing = work.run(WRITERS, () => !finished);
        for (let round = 0; round < ROUNDS; round++) {
          await sleep(300 + Math.random() * 900);
          await srv.kill('SIGKILL');
          assert.equal(srv.exitSignal(), 'SIGKILL');
          await srv.stop();
          srv = await startServer({ database, dataDir, seed: false });
          admin.base = srv.base; // the session and its cookie live in the database
        }
        await sleep(300);
        finished = true;
        await writing;
        await work.settle();
        const { figures, problems } = await work.check(admin);
        t.diagnostic(
          `${backend}: ${ROUNDS} kills, ${work.sent} requests (${work.failed} unanswered or ` +
            `failed, ${work.replayed} answered by a replay after the kill): acknowledged ${figures.acknowledged}, present ${figures.present}, ` +
            `lost ${figures.lost}, duplicated ${figures.duplicated}`,
        );
        assert.deepEqual(problems, []);
        assert.equal(figures.lost, 0);
        assert.equal(figures.duplicated, 0);
        assert.ok(work.failed > 0, 'the kills cut requests off');
        assert.ok(figures.acknowledged >= ROUNDS * WRITERS, 'the writers kept writing');
      } finally {
        await srv.stop();
        rmSync(dataDir, { recursive: true, force: true });
        if (sqlite) rmSync(sqlite.dir, { recursive: true, force: true });
      }
    });
  });
