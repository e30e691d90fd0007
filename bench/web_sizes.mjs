// The bytes of the web app's first load by compression, for bench/results: which static files a
// phone fetches for the shell (the sign-in page) and then for the first screen (signed in, the
// home screen), as headless Chromium loads them from a running server, and the sizes of those
// files in web/dist as they are, gzipped (.gz) and brotli (.br), as the server would send them.
// Usage: node bench/web_sizes.mjs BASE [WEB_DIST]   (BASE serves WEB_DIST, default web/dist)
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'tests', 'package.json'));
const { chromium } = require('playwright-core');
const [BASE, DIST = join(here, '..', 'web', 'dist')] = process.argv.slice(2);
const USER = process.env.BENCH_WEB_USER ?? 'mobiliser.u1';
const PASSWORD = process.env.BENCH_WEB_PASSWORD ?? 'demo-pass';

const size = (f) => (existsSync(f) ? statSync(f).size : null);
// A file's bytes as sent: its compressed copy when there is one, else the file.
function sizes(paths) {
  const out = { files: paths.length, identity: 0, gzip: 0, br: 0 };
  for (const p of paths) {
    const f = join(DIST, p === '/' ? 'index.html' : p);
    const raw = size(f);
    out.identity += raw;
    out.gzip += size(f + '.gz') ?? raw;
    out.br += size(f + '.br') ?? raw;
  }
  return out;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60000);
  let seen = [];
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.origin === new URL(BASE).origin && !u.pathname.startsWith('/api/')) seen.push(u.pathname);
  });
  await page.goto(BASE + '/');
  await page.evaluate(() => localStorage.setItem('mobilise.lang', 'en'));
  await page.getByTestId('login-username').waitFor();
  const shell = [...new Set(seen)];
  seen = [];
  await page.getByTestId('login-username').fill(USER);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home').waitFor();
  await page.locator('[data-testid="home-due"][data-count]:not([data-count=""])').waitFor();
  const first = [...new Set(seen)].filter((p) => !shell.includes(p));
  console.log(
    JSON.stringify({
      shell: sizes(shell),
      first_screen: sizes(first),
      both: sizes([...shell, ...first]),
    }),
  );
} finally {
  await browser.close();
}
