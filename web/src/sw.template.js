// Mobilise service worker: keeps the app shell (HTML, JS, CSS, icon, manifest) so the app opens
// without a connection. API responses are never cached here; offline data entry comes later.
const CACHE = __CACHE_VERSION__;
const SHELL = __SHELL_FILES__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('mobilise-shell-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (
    url.pathname.startsWith('/api/') ||
    url.pathname === '/healthz' ||
    url.pathname === '/metrics'
  )
    return;

  if (request.mode === 'navigate') {
    // Network first for the page itself, so a new version shows as soon as it is online.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match('./index.html', { ignoreSearch: true }).then((r) => r || Response.error()),
      ),
    );
    return;
  }
  // Hashed build files never change: cache first. Those not precached (the string tables of
  // one language, fetched in the user's language only) are kept once fetched, for offline use.
  event.respondWith(
    caches.match(request).then(
      (hit) =>
        hit ||
        fetch(request).then((response) => {
          if (response.ok && url.pathname.includes('/assets/')) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});
