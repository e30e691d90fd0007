// This browser's identity for a device session (docs/api.md, "Session"): a UUID made once and
// kept, and a name an administrator can recognise in the user's list of devices.
import type { DeviceRef } from './types';

const KEY = 'mobilise.device';

function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// "Android (Chrome)", "Windows (Firefox)": the platform and browser, no more (no model numbers
// that would fingerprint the user).
function deviceName(): string {
  const ua = navigator.userAgent;
  const os =
    [/Android/, /iPhone|iPad/, /Windows/, /Mac OS/, /Linux/, /CrOS/]
      .map((re, i) =>
        re.test(ua) ? ['Android', 'iOS', 'Windows', 'macOS', 'Linux', 'ChromeOS'][i] : '',
      )
      .find(Boolean) ?? 'Browser';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'browser';
  return `${os} (${browser})`;
}

export function thisDevice(): DeviceRef {
  let id = localStorage.getItem(KEY);
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    id = randomUuid();
    localStorage.setItem(KEY, id);
  }
  return { id, name: deviceName() };
}

// A phone, or the app installed from the home screen: stay signed in by default there.
export function looksLikeFieldDevice(): boolean {
  return (
    matchMedia('(display-mode: standalone)').matches || matchMedia('(pointer: coarse)').matches
  );
}
