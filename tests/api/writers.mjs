// Concurrent writers for the backup and durability tests: each creates households (with their
// head person) or uploads files (PNGs, each with its own bytes) to one activity, every create
// with a client-made id, so a create resent after a lost answer is idempotent. Every intent is
// kept with whether and when its create was acknowledged (201), so a test can check afterwards
// that each acknowledged record is there, whole, and once.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { areaByCode, pngOf, uniq } from './support.mjs';

// A new village for the writers' households (so that listing it finds theirs only) and an
// activity for their files; `client` is an admin.
export async function writersPlace(client) {
  const union = await areaByCode(client, 'P1-D1-T1-U1');
  const code = `W${uniq()}`;
  const area = await client.post('/api/v1/areas', { parent_id: union.id, code, name: code });
  if (area.status !== 201) throw new Error(`area: ${area.status} ${area.text}`);
  const activity = await client.post('/api/v1/activities', {
    type: 'awareness_session',
    title: `Writers ${code}`,
    held_on: '2026-01-15',
    area_id: union.id,
    topics: ['wash'],
    counts: [{ sex: 'f', age_band: '18-59', disability: false, count: 3 }],
    participants_total: 3,
  });
  if (activity.status !== 201) throw new Error(`activity: ${activity.status} ${activity.text}`);
  return { areaId: area.json.id, activityId: activity.json.id };
}

// 8x8 pixels whose colours spell n: a file whose bytes (and so whose stored blob) are its own.
const pngNumbered = (n) => pngOf(8, 8, (x, y) => [n & 255, (n >> 8) & 255, (x * 8 + y) & 255]);

export class Workload {
  // `client`: a signed-in Client whose `base` the test may change (a restarted server).
  constructor(client, { areaId, activityId }) {
    this.client = client;
    this.areaId = areaId;
    this.activityId = activityId;
    this.tag = uniq();
    this.intents = [];
    this.sent = 0;
    this.failed = 0;
    this.replayed = 0; // acknowledged by a replay: committed before, its answer lost
  }

  newIntent(kind) {
    const n = this.intents.length;
    const intent = { kind, n, id: randomUUID(), name: `${this.tag}-${n}`, acked: false };
    this.intents.push(intent);
    return intent;
  }

  // One attempt; true when acknowledged. A lost connection or a 5xx is false (try again); any
  // other answer is a bug and throws.
  async send(intent) {
    this.sent++;
    let r;
    try {
      if (intent.kind === 'household')
        r = await this.client.post('/api/v1/households', {
          id: intent.id,
          area_id: this.areaId,
          head_name: intent.name,
          people: [{ name: intent.name, sex: 'f', relation: 'head', age: 30 + (intent.n % 40) }],
        });
      else
        r = await this.client.request(
          'POST',
          `/api/v1/activities/${this.activityId}/files?filename=${intent.name}.png&id=${intent.id}`,
          pngNumbered(intent.n),
          { raw: true, headers: { 'content-type': 'image/png' } },
        );
    } catch {
      this.failed++;
      return false;
    }
    if (r.status === 201) {
      intent.acked = true;
      if (r.headers.get('idempotent-replayed') === 'true') this.replayed++;
      return true;
    }
    this.failed++;
    if (r.status >= 500) return false;
    throw new Error(`${intent.kind} ${intent.name}: ${r.status} ${r.text}`);
  }

  // `writers` loops, half making households and half files, until `running()` is false; each
  // resends its unacknowledged intent before it makes a new one.
  async run(writers, running) {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        let pending = null;
        while (running()) {
          pending ??= this.newIntent(w % 2 ? 'file' : 'household');
          if (await this.send(pending)) pending = null;
          else await sleep(20);
        }
      }),
    );
  }

  // Sends every unacknowledged intent until it is acknowledged (the server must be up).
  async settle() {
    for (const intent of this.intents)
      for (let i = 0; !intent.acked; i++) {
        if (i === 50) throw new Error(`${intent.name} never acknowledged`);
        if (!(await this.send(intent))) await sleep(100);
      }
  }

  // What the server at `client` holds of `intents` (default: the acknowledged ones): each
  // present and whole, and nothing twice. Returns the figures and the problems found.
  async check(client, intents = this.intents.filter((i) => i.acked)) {
    const problems = [];
    const households = new Map();
    for (let offset = 0; ; offset += 500) {
      const page = await client.get(
        `/api/v1/households?area=${this.areaId}&limit=500&offset=${offset}`,
      );
      for (const h of page.json.items)
        households.set(h.head_name, (households.get(h.head_name) ?? 0) + 1);
      if (page.json.items.length < 500) break;
    }
    const files = new Map();
    for (const f of (await client.get(`/api/v1/activities/${this.activityId}/files`)).json.items)
      files.set(f.name, (files.get(f.name) ?? 0) + 1);
    let present = 0;
    for (const intent of intents) {
      const problem = await this.problemOf(client, intent);
      if (problem) problems.push(`${intent.kind} ${intent.name}: ${problem}`);
      else present++;
    }
    const duplicated =
      [...households.values()].filter((n) => n > 1).length +
      [...files.values()].filter((n) => n > 1).length;
    if (duplicated) problems.push(`${duplicated} record(s) stored more than once`);
    return {
      figures: {
        acknowledged: intents.length,
        present,
        lost: intents.length - present,
        duplicated,
      },
      problems,
      stored: { households, files },
    };
  }

  // Why `intent`'s record is not there as it was sent, or null when it is.
  async problemOf(client, intent) {
    if (intent.kind === 'household') {
      const r = await client.get(`/api/v1/households/${intent.id}`);
      if (r.status !== 200) return `GET ${r.status}`;
      if (r.json.head_name !== intent.name) return `head_name ${r.json.head_name}`;
      const people = (await client.get(`/api/v1/households/${intent.id}/people`)).json.items;
      if (people.length !== 1 || people[0].name !== intent.name) return 'people differ';
      return null;
    }
    const r = await fetch(`${client.base}/api/v1/files/${intent.id}`, {
      headers: { cookie: client.cookie },
    });
    if (r.status !== 200) return `GET ${r.status}`;
    const bytes = Buffer.from(await r.arrayBuffer());
    return bytes.equals(pngNumbered(intent.n)) ? null : 'bytes differ';
  }
}
