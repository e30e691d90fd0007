// What the offline browser tests need from the server: client ids on creates and the sync feed
// (contract14 §1, §2). Until both are in the server, the tests that save through the outbox
// stop before saving.
import { BASE } from './support.mjs';

export async function serverSupportsOffline(api) {
  const sync = await fetch(BASE + '/api/v1/sync?limit=1', { headers: { cookie: api.cookie } });
  if (sync.status === 404) return false;
  try {
    await api.post('/households', { id: 'not-a-uuid', area_id: 'x', head_name: 'x', people: [] });
  } catch (e) {
    return /"id"/.test(String(e.message));
  }
  return false;
}
