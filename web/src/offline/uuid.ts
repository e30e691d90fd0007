// UUIDv7 made on the device (RFC 9562, as core/id.cpp makes them on the server): 48 bits of
// Unix milliseconds, then random bits, so ids sort by creation time and never need the server.
// Within one millisecond a counter in the 12 "rand_a" bits keeps this device's ids increasing.
let lastMs = -1;
let counter = 0;

export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  if (now <= lastMs) {
    counter = (counter + 1) & 0xfff;
    now = lastMs;
  } else {
    counter = ((bytes[6] & 0x07) << 8) | bytes[7]; // start low in the range, leaving room
    lastMs = now;
  }
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
