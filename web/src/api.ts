// The one HTTP client of the app: same-origin cookie session, CSRF header on writes, one error
// shape (docs/api.md "Errors"), and a hook that sends the user back to login on 401.

// A field's problem as a code of the server's catalogue and its parameters (each a string, or a
// list of strings such as the allowed values); the app words it in the user's language
// (i18n/field_errors.ts). `fields` keeps the server's English text for the same keys.
export interface FieldCode {
  code: string;
  params?: Record<string, string | string[]>;
}

export interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
  field_codes?: Record<string, FieldCode>;
  current?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string>;
  readonly fieldCodes: Record<string, FieldCode>;
  readonly current: unknown;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message || body.code);
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.fieldCodes = body.field_codes ?? {};
    this.current = body.current;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

function errorFrom(status: number, text: string): ApiError {
  try {
    const parsed = JSON.parse(text) as { error?: ApiErrorBody };
    if (parsed && parsed.error) return new ApiError(status, parsed.error);
  } catch {
    // not JSON: fall through
  }
  return new ApiError(status, {
    code: status === 0 ? 'network' : 'http_' + status,
    message: text || `HTTP ${status}`,
  });
}

export interface RequestOptions {
  // When false, a 401 is handed back to the caller instead of ending the session (login form).
  redirectOn401?: boolean;
  // Aborts the request (useFetch: the screen went away or asked for something else).
  signal?: AbortSignal;
}

// A same-origin fetch whose failures are ApiErrors (a 401 also ends the session unless told not to).
async function send(path: string, init: RequestInit, redirectOn401 = true): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(BASE + path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { code: 'network', message: '' });
  }
  if (!res.ok) {
    const err = errorFrom(res.status, await res.text());
    if (res.status === 401 && redirectOn401) onUnauthenticated();
    throw err;
  }
  return res;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const res = await send(
    path,
    {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
    },
    opts.redirectOn401 !== false,
  );
  const text = res.status === 204 ? '' : await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, opts?: RequestOptions) =>
  request<T>('GET', path, undefined, opts);
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  request<T>('POST', path, body, opts);
export const patch = <T>(path: string, body: unknown) => request<T>('PATCH', path, body);
export const del = (path: string) => request<void>('DELETE', path);

// Builds a query string from the set values only.
export function query(
  params: Record<string, string | number | boolean | undefined | null>,
): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

// Sends a file as the raw request body with XMLHttpRequest, which (unlike fetch) reports upload
// progress; `onProgress` gets 0..1.
export function upload<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      onProgress(1);
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(errorFrom(xhr.status, xhr.responseText));
        }
        return;
      }
      const err = errorFrom(xhr.status, xhr.responseText);
      if (xhr.status === 401) onUnauthenticated();
      reject(err);
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: '' }));
    xhr.send(file);
  });
}

// Fetches a file the server builds (an export) for the browser to save: its bytes and the name
// from Content-Disposition (or `fallback`).
export async function download(
  path: string,
  fallback: string,
): Promise<{ blob: Blob; filename: string }> {
  const res = await send(path, {});
  const cd = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const filename = star ? decodeURIComponent(star[1]) : plain ? plain[1] : fallback;
  return { blob: await res.blob(), filename };
}
