// Bundle budget: the bytes a browser really downloads to show the login page, measured in Chromium (Debian's
// /usr/bin/chromium, headless; never a downloaded browser). The built dist/ is served the way the Host serves it:
// each file's precompressed .br/.gz copy by Accept-Encoding. The login page must need at most LOGIN_JS_BUDGET_KB
// of JavaScript on the wire (bytes received, headers included) and must not load the app layout or ask /api/v1/me;
// a first visit to `/` without a session must go straight to the login page the same way.
//
//   node scripts/check-budget.mjs              # after `npm run build`; exits 1 over budget
//   BASE_URL=http://localhost:8080 node scripts/check-budget.mjs   # measure a running Host instead
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePage, serveDist } from './wire.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET_KB = Number(process.env.LOGIN_JS_BUDGET_KB ?? 300);

if (!process.env.BASE_URL && !existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html not found: run `npm run build` first.');
  process.exit(1);
}

const server = process.env.BASE_URL ? null : await serveDist(dist);
const baseUrl = process.env.BASE_URL?.replace(/\/$/, '') ?? server.url;
let failed = false;
try {
  for (const path of ['/login', '/']) {
    const m = await measurePage(`${baseUrl}${path}`);
    const kb = (bytes) => (bytes / 1024).toFixed(1);
    console.log(
      `${path} → ${new URL(m.finalUrl).pathname}: ${kb(m.jsBytes)} KB of JS on the wire (${m.jsRequests} files), ` +
        `${kb(m.totalBytes)} KB in all, ${m.requests} requests (budget ${BUDGET_KB} KB of JS)`,
    );
    const problems = [];
    if (m.jsBytes / 1024 > BUDGET_KB) problems.push(`JS ${kb(m.jsBytes)} KB > ${BUDGET_KB} KB: move code out of the entry chunk or load it lazily`);
    if (new URL(m.finalUrl).pathname !== '/login') problems.push(`ended on ${m.finalUrl}, not the login page`);
    const layout = m.urls.filter((u) => /\/assets\/app-(layout|frame)-/.test(u));
    if (layout.length) problems.push(`loaded the app layout before signing in: ${layout.join(', ')}`);
    const me = m.urls.filter((u) => u.includes('/api/v1/me'));
    if (me.length) problems.push('asked /api/v1/me without a session');
    const plain = m.uncompressed; // files above the 512-byte threshold of vite.config.ts
    if (plain.length) problems.push(`sent without Content-Encoding: ${plain.join(', ')}`);
    for (const p of problems) console.error(`  ✗ ${p}`);
    failed ||= problems.length > 0;
  }
} finally {
  await server?.close();
}
if (failed) {
  console.error('Bundle budget check failed.');
  process.exit(1);
}
