// What the browser downloads, and Lighthouse 12.2.3 (mobile profile: simulated slow 4G and 4× CPU slowdown) on
// the login and home pages, with Debian's Chromium. Prints a markdown table. Runs alone:
//
//   node tests/perf/web.mjs                      # starts the Release Host (demo data) on frontend/dist
//   BASE_URL=http://localhost:8080 node tests/perf/web.mjs   # a running instance with the demo accounts
//   LH_OUT=/tmp/lh node tests/perf/web.mjs       # also writes each run's full report (login.json, home.json) there:
//                                                # mainthread-work-breakdown, bootup-time, long-tasks say what ran;
//                                                # and its trace (home.trace.json: open it in Chromium's Performance panel)
//
// Needs `dotnet build backend/src/Host -c Release` and `cd frontend && npm ci && npm run build` first.
// Goals (issue 17): login ≤ 300 KB of JS on the wire; performance ≥ 90, accessibility ≥ 95, best practices ≥ 95.
// `export { measureWeb }` lets tests/perf/run.mjs put the same rows in its table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const frontend = join(repo, 'frontend');
const load = (path) => import(pathToFileURL(join(frontend, path)).href);

const USER = process.env.WEB_USER ?? 'lanhdao@hungyen.demo';
const PASSWORD = process.env.WEB_PASSWORD ?? 'Demo@2025!';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const GOALS = { jsKb: 300, performance: 90, accessibility: 95, 'best-practices': 95 };

/** One Lighthouse run of `path` in a fresh Chromium; signed in, the page opens with the session cookie. */
async function lighthouseRun(baseUrl, path, signedIn) {
  const { default: lighthouse } = await load('node_modules/lighthouse/core/index.js');
  const chromeLauncher = await load('node_modules/chrome-launcher/dist/index.js');
  const { default: puppeteer } = await load('node_modules/puppeteer-core/lib/esm/puppeteer/puppeteer-core.js');
  const { CHROMIUM, CHROMIUM_ARGS } = await load('scripts/wire.mjs');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...CHROMIUM_ARGS] });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    const page = await browser.newPage();
    if (signedIn) {
      // The browser's refresh token is an HttpOnly cookie (ADR 0012): sign in from the page as the SPA does, so the
      // browser holds the cookie; Lighthouse must keep it (disableStorageReset).
      await page.goto(`${baseUrl}/favicon.svg`);
      const status = await page.evaluate(async (body) => {
        const res = await fetch('/api/v1/auth/login', {
          method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
        });
        return res.status;
      }, { email: USER, password: PASSWORD, useCookie: true });
      if (status !== 200) throw new Error(`sign-in as ${USER} failed: ${status}`);
      // What the SPA remembers of a session (frontend/src/lib/auth/session.ts): only that one exists.
      await page.evaluate(() => localStorage.setItem('khcn.session', '1'));
    }
    const result = await lighthouse(
      `${baseUrl}${path}`,
      { logLevel: 'error', output: 'json', onlyCategories: CATEGORIES, disableStorageReset: !!signedIn },
      undefined,
      page,
    );
    const lhr = result.lhr;
    if (process.env.LH_OUT) {
      mkdirSync(process.env.LH_OUT, { recursive: true });
      writeFileSync(join(process.env.LH_OUT, `${signedIn ? 'home' : 'login'}.json`), JSON.stringify(lhr));
      const trace = result.artifacts?.Trace ?? result.artifacts?.traces?.defaultPass;
      if (trace) writeFileSync(join(process.env.LH_OUT, `${signedIn ? 'home' : 'login'}.trace.json`), JSON.stringify(trace));
    }
    if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
    return {
      path,
      finalUrl: lhr.finalDisplayedUrl,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
      metrics: {
        fcp: lhr.audits['first-contentful-paint']?.displayValue,
        lcp: lhr.audits['largest-contentful-paint']?.displayValue,
        tbt: lhr.audits['total-blocking-time']?.displayValue,
        cls: lhr.audits['cumulative-layout-shift']?.displayValue,
      },
      failing,
      // Lighthouse's CPU benchmark of this machine at the time of the run: the 4× slowdown assumes ~1,000+.
      benchmarkIndex: lhr.environment?.benchmarkIndex,
    };
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }
}

/** The rows: bytes on the wire of the login page, then Lighthouse on login and home. */
export async function measureWeb(baseUrl) {
  const { measurePage } = await load('scripts/wire.mjs');
  const wire = await measurePage(`${baseUrl}/login`);
  const login = await lighthouseRun(baseUrl, '/login');
  const home = await lighthouseRun(baseUrl, '/', true);
  if (new URL(home.finalUrl).pathname === '/login') throw new Error('the signed-in Lighthouse run ended on /login');
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const mark = (ok) => (ok ? '✓' : '✗');
  const rows = [
    ['login page: JS on the wire (Chromium, br/gzip)', kb(wire.jsBytes), `≤ ${GOALS.jsKb} KB ${mark(wire.jsBytes / 1024 <= GOALS.jsKb)}`],
    ['login page: all bytes on the wire', kb(wire.totalBytes), '—'],
    ['login page: requests', String(wire.requests), '—'],
  ];
  for (const run of [login, home]) {
    const name = run === login ? 'login' : 'home (signed in)';
    for (const c of CATEGORIES)
      rows.push([`Lighthouse ${c}, ${name}`, String(run.scores[c]), `≥ ${GOALS[c]} ${mark(run.scores[c] >= GOALS[c])}`]);
  }
  const ok = wire.jsBytes / 1024 <= GOALS.jsKb && [login, home].every((r) => CATEGORIES.every((c) => r.scores[c] >= GOALS[c]));
  return { rows, runs: [login, home], wire, ok };
}

export function markdown(rows) {
  return ['| what | measured | goal |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let backend = null;
  let baseUrl = process.env.BASE_URL?.replace(/\/$/, '');
  if (!baseUrl) {
    const { startBackend } = await load('e2e/support/backend.mjs');
    backend = await startBackend();
    baseUrl = backend.baseUrl;
  }
  try {
    const { rows, runs, ok } = await measureWeb(baseUrl);
    console.log(markdown(rows));
    for (const r of runs) {
      console.log(`\n${r.path} → ${r.finalUrl}: FCP ${r.metrics.fcp}, LCP ${r.metrics.lcp}, TBT ${r.metrics.tbt}, CLS ${r.metrics.cls}; benchmarkIndex ${r.benchmarkIndex}`);
      if (r.failing.length) console.log(`  below 0.9: ${r.failing.join(', ')}`);
    }
    process.exitCode = ok ? 0 : 1;
  } finally {
    await backend?.stop();
  }
}
