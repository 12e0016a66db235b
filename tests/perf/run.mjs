// Benchmarks on the province-scale dataset (`make seed-scale`, then `make perf`). Starts the Release API on a copy
// of that dataset, warms up, measures each scenario and prints a table. No dependencies beyond Node 20+.
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { financeRun } from './finance.mjs';
import { emulationRows } from './emulation.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scaleDir = process.env.SCALE_DIR ?? join(repo, 'data-scale');
// The synthesis growth rows read two more datasets, seeded on demand (Seed:ScaleUnits) the first time: ~200 and ~20,000 units.
const scaleDirs = {
  200: process.env.SCALE_DIR_200 ?? join(repo, 'data-scale-200'),
  20000: process.env.SCALE_DIR_20K ?? join(repo, 'data-scale-20k'),
};
const dll = process.env.HOST_DLL ?? join(repo, 'backend/src/Host/bin/Release/net10.0/Host.dll');
const twinDll = process.env.TWIN_DLL ?? join(repo, 'tests/perf/twin/bin/Release/net10.0/Khcn.PerfTwin.dll');
const password = 'Demo@2025!';
// PERF_ONLY=organization: without the Training and Participation rows; PERF_ONLY=participation: only the Participation rows
// (with the unit subtree list they are compared with); PERF_ONLY=dashboard: only the plan dashboard row. Each skips the
// synthesis growth rows. PERF_ONLY=synthesis: only the synthesis rows, cold and warm, on each dataset of
// PERF_SYNTHESIS_UNITS (default 200,2000,20000; 2000 is SCALE_DIR). PERF_ONLY=enterprises: only the district
// officer's enterprise list against its twin (its own warm-up; a quick check of that one ratio). PERF_ONLY=finance: the
// budget execution report (sequential) and concurrent tranche requests, then the reconciliation must balance.
// PERF_ONLY=search: only the two KH,CN&ĐMST search rows (their own warm-up). PERF_ONLY=framework: only the two
// framework pairs (the trivial ping and `/api/v1/me`, FastEndpoints against a minimal API in the same process; their own
// warm-up, Host CPU ms/req of each side). It needs no scale dataset: without one in SCALE_DIR it seeds the demo dataset
// (`Seed:Demo`, --seed-only) into a temporary directory, removed at the end; PERF_FRAMEWORK_TOTAL (6000) requests a pair.
const only = process.env.PERF_ONLY;
const frameworkOnly = only === 'framework';
const searchOnly = only === 'search';
const enterprisesOnly = only === 'enterprises';
const dashboardOnly = only === 'dashboard';
const synthesisOnly = only === 'synthesis';
const financeOnly = only === 'finance';
// PERF_ONLY=initiatives: only the initiatives page against the unit subtree list (issue #12; their warm-up, no dashboard
// or emulation rows): a quick check of that one ratio.
const initiativesOnly = only === 'initiatives';
const memoryOnly = only === 'memory';
const participationOnly = only === 'participation' || dashboardOnly || initiativesOnly;
const withScales = only !== 'organization' && !participationOnly && !enterprisesOnly && !searchOnly && process.env.PERF_SCALES !== '0';
const synthesisUnits = (process.env.PERF_SYNTHESIS_UNITS ?? '200,2000,20000').split(',').map(Number);

if (!frameworkOnly && !existsSync(join(scaleDir, 'organization.db'))) {
  console.error(`No scale dataset in ${scaleDir}: run \`make seed-scale\` first.`);
  process.exit(1);
}

const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

const hostEnv = (dataDir) => ({
  ...process.env,
  ASPNETCORE_ENVIRONMENT: 'Production',
  DataDir: dataDir,
  Seed__Demo: 'true',
  Jobs__Enabled: 'false',
  Serilog__MinimumLevel__Default: 'Warning',
  RateLimiting__LoginPerIpPerMinute: '1000',
});

/** Seeds a dataset of about `units` units into `dir` (the Host with --seed-only), unless it is there already. */
function ensureDataset(units, dir) {
  if (existsSync(join(dir, 'organization.db'))) return;
  console.error(`Seeding the ${units}-unit dataset into ${dir} (once; kept for the next runs)…`);
  const started = performance.now();
  const r = spawnSync('dotnet', [dll, '--seed-only'], {
    cwd: dirname(dll), stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...hostEnv(dir), Seed__Scale: 'true', Seed__ScaleUnits: String(units) },
  });
  if (r.status !== 0) throw new Error(`seeding ${dir} failed (${r.status})`);
  console.error(`… seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const dataDirs = [];
const children = [];
/** A private copy of a dataset (the app and the twin both read it). */
function copyOf(dir) {
  const copy = mkdtempSync(join(tmpdir(), 'khcn-perf-'));
  cpSync(dir, copy, { recursive: true });
  dataDirs.push(copy);
  return copy;
}

async function startApi(dataDir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [dll], {
    cwd: dirname(dll),
    env: { ...hostEnv(dataDir), ASPNETCORE_URLS: url, Perf__Twins: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await waitReady(url, '/health/ready');
  hostPid = child.pid;
  await waitIdle(child.pid);
  return { url, child };
}

async function startTwin(dataDir) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [twinDll, `--urls=${url}`, `--DataDir=${dataDir}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  await waitReady(url, '/enterprises?unit=00000000-0000-0000-0000-000000000000', true);
  return { url, child };
}

const stopChild = (c) => new Promise((ok) => {
  if (c.exitCode !== null) return ok();
  c.once('exit', ok);
  c.kill('SIGTERM');
});

/** Resident memory of a process, MiB (Linux). */
const rssMiB = (pid) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line.split(/\s+/)[1]) / 1024;
  } catch {
    return NaN;
  }
};

/** CPU time (user + system) a process has used so far, ms (Linux; 100 ticks a second). */
const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
};

/**
 * Waits until a freshly started Host has finished its start-up work — delivering a seeded dataset's outbox (tens of
 * thousands of search-index messages after `make seed-scale`), warming the plan dashboards — so that no row measures
 * it: idle is under 5% of one core for 3 seconds in a row. Gives up (and says so) after PERF_SETTLE_SECONDS (900).
 */
async function waitIdle(pid) {
  const limit = Number(process.env.PERF_SETTLE_SECONDS ?? 900);
  const started = performance.now();
  let quiet = 0;
  let last = cpuMs(pid);
  while (quiet < 3) {
    await new Promise((ok) => setTimeout(ok, 1000));
    const now = cpuMs(pid);
    quiet = now - last < 50 ? quiet + 1 : 0;
    last = now;
    if ((performance.now() - started) / 1000 > limit) {
      console.error(`The Host was still busy after ${limit} s; measuring anyway.`);
      return;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (seconds > 5) console.error(`The Host settled ${seconds.toFixed(0)} s after start (start-up work: outbox delivery, dashboard warm-up).`);
}

const stop = () => {
  agent.destroy();
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitReady(url, path, anyAnswer = false) {
  for (let i = 0; i < 480; i++) {
    try {
      const r = await fetch(url + path);
      if (r.ok || anyAnswer) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after 240 s`);
}

let base = '';

async function login(email) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login ${email}: ${r.status}`);
  return (await r.json()).accessToken;
}

const get = async (token, path) => {
  const r = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return r.json();
};

// The load generator shares the cores with the API: plain keep-alive http (much cheaper per request than fetch).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
/**
 * One request: a path (GET) or { method, path, body, accept } where `accept` lists the statuses that count as a
 * handled answer (a refused clash, 409, is the clash check doing its work). Resolves with the status.
 */
const request = (token, item) =>
  new Promise((ok, fail) => {
    const { method = 'GET', path, body, accept, headers: extra } = typeof item === 'string' ? { path: item } : item;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra };
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    const req = http.request(path.startsWith('http') ? path : base + path, { method, agent, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text.length < 500 ? (text += d) : null));
      res.on('end', () => {
        const fine = accept ? accept.includes(res.statusCode) : res.statusCode < 400;
        if (fine) ok(res.statusCode);
        else fail(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
      });
    });
    req.on('error', fail);
    req.end(payload);
  });

/**
 * Runs `total` requests with `concurrency` clients in flight; returns latencies (ms), throughput and the count of
 * each status. `items` are taken in order (each once when there are at least `total` of them).
 */
async function measure(token, items, { total, concurrency, pid = hostPid }) {
  const latencies = [];
  const statuses = {};
  let next = 0;
  const cpuBefore = cpuMs(pid);
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const item = items[next++ % items.length];
      const t0 = performance.now();
      const status = await request(token, item);
      latencies.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuMs(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { n: latencies.length, concurrency, p50: pct(50), p95: pct(95), p99: pct(99), rps: latencies.length / seconds, statuses, latencies, seconds, cpu };
}

/** Merges measurements of the same scenario (rounds of an interleaved pair). */
function combine(parts) {
  const latencies = parts.flatMap((m) => m.latencies).sort((a, b) => a - b);
  const seconds = parts.reduce((t, m) => t + m.seconds, 0);
  const cpu = parts.reduce((t, m) => t + m.cpu, 0);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { n: latencies.length, concurrency: parts[0].concurrency, p50: pct(50), p95: pct(95), p99: pct(99), rps: latencies.length / seconds, statuses: {}, latencies, seconds, cpu };
}

/**
 * The app and its twin, measured in alternating rounds (A B A B …) so that a burst of load from elsewhere on the
 * machine hits both alike.
 */
async function pair([tokenA, itemsA], [tokenB, itemsB], { total, concurrency, rounds = 4, pidB = hostPid }) {
  const a = [];
  const b = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await measure(tokenA, itemsA, { total: Math.ceil(total / rounds), concurrency }));
    b.push(await measure(tokenB, itemsB, { total: Math.ceil(total / rounds), concurrency, pid: pidB }));
  }
  return [combine(a), combine(b)];
}

/**
 * The scenario table. "Host CPU ms/req" is the Host process's CPU time over the row divided by its requests: unlike
 * the latencies it hardly moves with other work on the machine, so it compares code on a loaded machine.
 */
function printScenarios(rows) {
  const fmt = (x) => x.toFixed(1).padStart(7);
  console.log('| scenario | requests | clients | p50 ms | p95 ms | p99 ms | req/s | Host CPU ms/req | target p95 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, m, target] of rows) {
    const cpu = Number.isFinite(m.cpu) ? (m.cpu / m.n).toFixed(2) : '—';
    console.log(`| ${name} | ${m.n} | ${m.concurrency} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.rps.toFixed(0)} | ${cpu} | ${target === null ? '—' : `< ${target} ${m.p95 < target ? '✓' : '✗'}`} |`);
  }
}

/** Percentiles of a list of latencies (ms), in the shape `measure` returns. */
function stats(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { n: sorted.length, concurrency: 1, p50: pct(50), p95: pct(95), p99: pct(99), rps: sorted.length / seconds, statuses: {}, latencies: sorted, seconds };
}

/**
 * A write that renews Organization's data stamp and nothing else's: the administrator saves a text answer of the
 * draft report of a unit of the open period that has not submitted (not timed by the callers).
 */
async function reportDraftWriter(admin, open) {
  const submissions = `/api/v1/organization/reports/periods/${open.id}/submissions?pageSize=1`;
  const writer = (await get(admin, `${submissions}&state=NotStarted`)).items[0] ?? (await get(admin, `${submissions}&state=Draft`)).items[0];
  const draft = `/api/v1/organization/reports/periods/${open.id}/units/${writer.unitId}`;
  const code = (await get(admin, draft)).values.find((v) => v.kind === 'Text').code;
  let version = 0;
  return async () => {
    const body = { values: [{ code, text: `Ghi chú đo hiệu năng ${++version}` }] };
    const status = await request(admin, { method: 'PUT', path: draft, body, accept: [200, 201, 428] });
    if (status === 428) await request(admin, { method: 'PUT', path: draft, body, headers: { 'If-Match': '*' } });
  };
}

/**
 * A write that renews Participation's data stamp and nothing else's: the demo member saves a new initiative draft
 * at Dệt may Lạc Hồng (not timed by the callers).
 */
async function initiativeDraftWriter(member) {
  const unit = (await get(member, '/api/v1/organization/units?q=VANLAM-DETMAYLACHONG&pageSize=200')).items.find((u) => u.code === 'VANLAM-DETMAYLACHONG');
  if (!unit) throw new Error('No Dệt may Lạc Hồng unit in the dataset (the demo part of `make seed-scale`).');
  let n = 0;
  return async () => {
    await request(member, {
      method: 'POST', path: '/api/v1/participation/initiatives', accept: [201], body: {
        unitId: unit.id, title: `Sáng kiến đo hiệu năng ${++n}`, field: 'Dệt may', kind: 'Technical', problem: 'Sợi đứt không phát hiện kịp',
        currentState: 'Dò bằng mắt', solution: 'Cảm biến quang trên từng cọc sợi', appliedAt: 'Xưởng dệt', appliedSince: '2026-01-05',
        trialApplication: false, yearlyBenefit: 1000000, socialBenefit: 'Giảm phế phẩm', firstApplicationParticipants: 'Tổ bảo trì', noveltyDeclared: true,
        authors: [{ fullName: 'Đặng Thị Đoàn viên', email: 'doanvien@hungyen.demo', sharePercent: 100 }],
      },
    });
  };
}

/** `n` reads of `path`, each right after `write()` (not timed): the first read after a write, n times. */
/**
 * The plan dashboard read right after each write (issue #15, served while refreshed): timed as `readsAfterWrites`, and
 * then, not timed, read again until it no longer says `refreshing` (a bounded loop on the answer, not a sleep), so the
 * next write finds every part fresh. Returns the timed reads, how many answered `refreshing: true`, and how long after
 * the timed read the refreshed figures were there (the staleness a reader sees, p50 / max).
 */
async function dashboardReadsAfterWrites(token, path, write, n) {
  const latencies = [];
  const staleFor = [];
  let refreshing = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await write();
    const t0 = performance.now();
    const read = await get(token, path);
    latencies.push(performance.now() - t0);
    if (!read.refreshing) continue;
    refreshing += 1;
    let rounds = 0;
    while ((await get(token, path)).refreshing) if (++rounds > 5000) throw new Error('The dashboard kept refreshing');
    staleFor.push(performance.now() - t0);
  }
  const sorted = staleFor.sort((a, b) => a - b);
  return {
    ...stats(latencies, (performance.now() - started) / 1000),
    refreshing,
    staleP50: sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0,
    staleMax: sorted.at(-1) ?? 0,
  };
}

async function readsAfterWrites(token, path, write, n) {
  const latencies = [];
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    await write();
    const t0 = performance.now();
    await request(token, path);
    latencies.push(performance.now() - t0);
  }
  return stats(latencies, (performance.now() - started) / 1000);
}

/**
 * The whole-province synthesis of the last closed year on the API at `base`, and the twin's hand-written aggregate.
 * The synthesis is kept per Organization data stamp (issue #17), so it is measured twice: *cold*, each read right
 * after a write that renews the stamp (a text answer of an open-year draft saved by the administrator, not timed), which is the
 * database's aggregate plus the request; and *warm*, sequential reads of the kept synthesis. The twin has no cache:
 * it is timed beside each cold read.
 */
async function synthesisColdAndWarm(twinUrl, { cold = 12, warm = 30 } = {}) {
  const board = await login('cspl@hungyen.demo');
  const admin = await login('admin@hungyen.demo');
  const ps = (await get(board, '/api/v1/organization/reports/periods?pageSize=10')).items.sort((x, y) => y.year - x.year);
  const [open, closed] = [ps[0], ps[1] ?? ps[0]];
  const path = `/api/v1/organization/reports/periods/${closed.id}/synthesis`;
  const twinPath = `${twinUrl}/synthesis?period=${closed.id}`;
  const units = (await get(board, '/api/v1/organization/units?pageSize=1')).total;
  const write = await reportDraftWriter(admin, open);
  for (let i = 0; i < 3; i++) {
    await write();
    await request(board, path);
    await request(null, twinPath);
  }
  const app = [];
  const twin = [];
  const started = performance.now();
  for (let i = 0; i < cold; i++) {
    await write();
    let t0 = performance.now();
    await request(board, path);
    app.push(performance.now() - t0);
    t0 = performance.now();
    await request(null, twinPath);
    twin.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  await request(board, path);
  return { units, year: closed.year, cold: stats(app, seconds), twin: stats(twin, seconds), warm: await measure(board, [path], { total: warm, concurrency: 1 }) };
}

export const scenarios = [];

const comparisons = [];
const memory = [];
let hostPid = 0;
const noteMemory = (when) => memory.push([when, rssMiB(hostPid)]);

/** PERF_ONLY=synthesis: the synthesis rows alone, cold and warm, on each dataset of PERF_SYNTHESIS_UNITS. */
async function synthesisOnlyRun() {
  const results = [];
  for (const n of synthesisUnits) {
    const dir = n === 2000 ? scaleDir : scaleDirs[n];
    if (!dir) throw new Error(`No dataset of ${n} units (200, 2000 or 20000)`);
    ensureDataset(n, dir);
    const copy = copyOf(dir);
    const app = await startApi(copy);
    const tw = await startTwin(copy);
    base = app.url;
    try {
      results.push(await synthesisColdAndWarm(tw.url));
    } finally {
      await stopChild(app.child);
      await stopChild(tw.child);
    }
  }
  console.log('');
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite (embedded default); ` +
    `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine).`);
  console.log('');
  printSynthesisRows(results);
}

/** The cold and warm synthesis rows (see synthesisColdAndWarm), one pair per dataset. */
function printSynthesisRows(results) {
  const f = (x) => x.toFixed(1).padStart(7);
  console.log('| synthesis, whole province, last closed year | requests | p50 ms | p95 ms | p99 ms | target p95 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { units, year, cold, twin, warm } of results) {
    const ok = (m) => `< 300 ${m.p95 < 300 ? '✓' : '✗'}`;
    console.log(`| ${units.toLocaleString('en')} units, ${year}: cold (each read right after a write renewing the data stamp) | ${cold.n} | ${f(cold.p50)} | ${f(cold.p95)} | ${f(cold.p99)} | ${ok(cold)} |`);
    console.log(`| ${units.toLocaleString('en')} units, ${year}: the twin's hand-written aggregate, beside each cold read (cold/twin p50 ${(cold.p50 / twin.p50).toFixed(2)}, goal ≤ 2) | ${twin.n} | ${f(twin.p50)} | ${f(twin.p95)} | ${f(twin.p99)} | — |`);
    console.log(`| ${units.toLocaleString('en')} units, ${year}: warm (the kept synthesis, sequential reads) | ${warm.n} | ${f(warm.p50)} | ${f(warm.p95)} | ${f(warm.p99)} | ${ok(warm)} |`);
  }
}

/**
 * The KH,CN&ĐMST search (issue #15): the whole province's index and a district's scope, a mix of one- to three-word
 * queries without diacritics (the index as the dataset holds it: built at start when empty, else by
 * `POST /api/v1/search/rebuild`). The 8 popular queries repeat, so after the warm-up they are answered from the
 * results kept under the index's stamp (ADR 0014); the distinct-queries rows ask each of 250 different queries (words
 * of the dataset's own titles) once, so every request computes its page: the uncached cost.
 */
async function searchRows(board, officer) {
  const searches = ['cong doan', 'chinh sach', 'sang kien cai tien', 'khoa hoc', 'ke hoach 405', 'lien doan lao dong', 'dao tao', 'cdcs cong ty']
    .map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
  const distinct = await distinctQueries(board, 500);
  const toUrl = (q) => `/api/v1/search?q=${encodeURIComponent(q)}`;
  await measure(board, searches, { total: 1000, concurrency: 10 });
  await measure(officer, searches, { total: 1000, concurrency: 10 });
  return [
    ['Search, whole province (policy-law board), 8 queries, 50 clients', await measure(board, searches, { total: 3000, concurrency: 50 }), 100],
    ['Search, district officer (Văn Lâm scope), 8 queries, 50 clients', await measure(officer, searches, { total: 3000, concurrency: 50 }), 100],
    ['Search, whole province, 250 distinct queries each asked once (uncached), 50 clients', await measure(board, distinct.slice(0, 250).map(toUrl), { total: 250, concurrency: 50 }), null],
    ['Search, district officer, 250 other distinct queries each asked once (uncached), 50 clients', await measure(officer, distinct.slice(250).map(toUrl), { total: 250, concurrency: 50 }), null],
  ];
}

/**
 * `count` different one- to three-word queries made of the dataset's own words: the folded titles of a few result pages
 * (words of ≥ 3 letters), cut into runs of 1, 2 or 3 consecutive words (so most find something), in a fixed order.
 */
async function distinctQueries(token, count) {
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const titles = [];
  for (const seed of ['cong', 'sang kien', 'de tai', 'khoa', 'don vi', 'ke hoach', 'giai phap', 'quy che'])
    for (let page = 1; page <= 5; page++)
      titles.push(...(await get(token, `/api/v1/search?q=${encodeURIComponent(seed)}&pageSize=50&page=${page}`)).items.map((i) => i.title));
  const seen = new Set(['cong doan', 'chinh sach', 'sang kien cai tien', 'khoa hoc', 'ke hoach 405', 'lien doan lao dong', 'dao tao', 'cdcs cong ty']);
  const queries = [];
  for (const length of [3, 2, 1])
    for (const title of titles) {
      const words = fold(title).split(/[^a-z0-9]+/).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
      for (let i = 0; i + length <= words.length && queries.length < count; i += length) {
        const q = words.slice(i, i + length).join(' ');
        if (!seen.has(q)) { seen.add(q); queries.push(q); }
      }
    }
  if (queries.length < count) throw new Error(`only ${queries.length} distinct queries from the dataset's titles`);
  return queries;
}

/** PERF_ONLY=search: the two search rows alone, with what the index holds for each caller. */
async function searchOnlyRun() {
  const api = await startApi(copyOf(scaleDir));
  base = api.url;
  const board = await login('cspl@hungyen.demo');
  const officer = await login('canbo.vanlam@hungyen.demo');
  const held = async (token) => (await get(token, `/api/v1/search?q=${encodeURIComponent('ke hoach')}&pageSize=1`)).kinds
    .map((k) => `${k.kind} ${k.count}`).join(', ');
  const heldBoard = await held(board);
  const heldOfficer = await held(officer);
  const rows = await searchRows(board, officer);
  await stopChild(api.child);
  console.log('');
  console.log(`Hits of "ke hoach" by kind: whole province ${heldBoard}; Văn Lâm officer ${heldOfficer}.`);
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite (embedded default); ` +
    `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine).`);
  console.log('');
  printScenarios(rows);
}

/**
 * PERF_ONLY=memory: whether the Host's memory levels off under repeated load. One Host, PERF_MEMORY_SESSIONS (6)
 * sessions of the same mixed load — the unit list, the enterprises, search, the initiatives page (50 clients, 3,000
 * requests each) and the emulation ranking (~0.5 MB answers, 50 clients, 500) — and its resident memory after each.
 */
async function memoryOnlyRun() {
  const api = await startApi(copyOf(scaleDir));
  base = api.url;
  const board = await login('cspl@hungyen.demo');
  const officer = await login('canbo.vanlam@hungyen.demo');
  const vanLam = (await get(board, '/api/v1/organization/units?q=VANLAM&pageSize=50')).items.find((u) => u.code === 'VANLAM');
  const pagesOf = (path, n) => Array.from({ length: n }, (_, i) => `${path}${path.includes('?') ? '&' : '?'}page=${i + 1}&pageSize=20`);
  const movements = (await get(board, '/api/v1/participation/emulation/movements?pageSize=100')).items;
  const closed = movements.flatMap((m) => m.closedYears.map((year) => ({ m, year }))).sort((a, b) => b.year - a.year)[0];
  const load = [
    [board, pagesOf(`/api/v1/organization/units?within=${vanLam.id}`, 7), 3000],
    [officer, pagesOf('/api/v1/organization/enterprises', 8), 3000],
    [board, ['cong doan', 'chinh sach', 'sang kien cai tien', 'khoa hoc', 'dao tao'].map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`), 3000],
    [officer, pagesOf('/api/v1/participation/initiatives', 8), 3000],
    ...(closed ? [[board, [`/api/v1/participation/emulation/movements/${closed.m.id}/ranking?year=${closed.year}`], 500]] : []),
  ];
  const sessions = Number(process.env.PERF_MEMORY_SESSIONS ?? 6);
  const rss = [rssMiB(hostPid)];
  for (let i = 0; i < sessions; i++) {
    for (const [token, items, total] of load) await measure(token, items, { total, concurrency: 50 });
    rss.push(rssMiB(hostPid));
  }
  await stopChild(api.child);
  const deltas = rss.slice(1).map((m, i) => m - rss[i]);
  console.log('');
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average at the end ` +
    `${loadavg().map((l) => l.toFixed(1)).join(' / ')}.${closed ? '' : ' No closed emulation year: the ranking was left out.'}`);
  console.log('');
  console.log('| Host resident memory (MiB) | ' + ['settled', ...deltas.map((_, i) => `after session ${i + 1}`)].join(' | ') + ' |');
  console.log('|---|' + rss.map(() => '---:').join('|') + '|');
  console.log('| RSS | ' + rss.map((m) => m.toFixed(0)).join(' | ') + ' |');
  console.log('| change | — | ' + deltas.map((d) => `${d >= 0 ? '+' : ''}${d.toFixed(0)}`).join(' | ') + ' |');
  // The first session grows the heaps to their working size; what matters is whether the later ones keep adding.
  const later = rss.slice(2);
  const earlierPeak = Math.max(...rss.slice(1, -1));
  const last = rss[rss.length - 1];
  console.log('');
  console.log(`After the first session (${rss[1].toFixed(0)} MiB) it moved between ${Math.min(...later).toFixed(0)} and ` +
    `${Math.max(...later).toFixed(0)} MiB; the last session ended at ${last.toFixed(0)} MiB, ` +
    `${last <= earlierPeak ? 'not above' : 'above'} the peak of the sessions before it (${earlierPeak.toFixed(0)} MiB).`);
}

/**
 * The framework pairs' paths at the pairs' own concurrency (50 clients), 3,000 requests each, before the pairs are
 * measured (issue #17). After the warm-up at 10 clients only, the first 50-client rounds still found the Host adapting
 * to the higher concurrency: in one run the first ping pair took 0.83 Host CPU ms/req where the same pair measured
 * again right after took 0.53, and that cost fell mostly on the side measured first, FastEndpoints' ping (the pair's
 * ratio 0.86–0.96 over three runs; 0.98–1.01 for the same pair measured again in the same run, and after this warm-up).
 */
async function frameworkWarmUp(token) {
  for (const path of ['/perf/fastendpoints/ping', '/perf/minimal/ping', '/api/v1/me', '/perf/minimal/me'])
    await measure(token, [path], { total: 3000, concurrency: 50 });
}

/**
 * PERF_ONLY=framework: the two framework pairs of issue #17 alone — the trivial authenticated ping and `/api/v1/me`,
 * FastEndpoints against a minimal API in the same process, 50 clients, interleaved rounds — with the Host CPU ms/req of
 * each side. Runs on SCALE_DIR's dataset when there is one, else on the demo dataset seeded into a temporary directory
 * (the pairs read no more than the signed-in user's grants and unit names, so the demo is enough).
 */
async function frameworkOnlyRun() {
  let dir = scaleDir;
  let dataset = `the dataset in ${scaleDir}`;
  if (!existsSync(join(scaleDir, 'organization.db'))) {
    dir = mkdtempSync(join(tmpdir(), 'khcn-perf-demo-'));
    dataDirs.push(dir);
    console.error(`No dataset in ${scaleDir}: seeding the demo dataset into ${dir} (removed at the end)…`);
    const r = spawnSync('dotnet', [dll, '--seed-only'], { cwd: dirname(dll), stdio: ['ignore', 'ignore', 'inherit'], env: hostEnv(dir) });
    if (r.status !== 0) throw new Error(`seeding the demo dataset into ${dir} failed (${r.status})`);
    dataset = 'the demo dataset';
  }
  const api = await startApi(copyOf(dir));
  base = api.url;
  const board = await login('cspl@hungyen.demo');
  const total = Number(process.env.PERF_FRAMEWORK_TOTAL ?? 6000);
  const ping = [['/perf/fastendpoints/ping'], ['/perf/minimal/ping']];
  const me = [['/api/v1/me'], ['/perf/minimal/me']];
  // Warm-up until the JIT has tiered up (as the full run's: 3,000 requests of each path at 10 clients), then at the
  // pairs' own 50 clients (see frameworkWarmUp).
  for (const paths of [...ping, ...me]) await measure(board, paths, { total: 3000, concurrency: 10 });
  await frameworkWarmUp(board);
  const [fePing, minimalPing] = await pair([board, ping[0]], [board, ping[1]], { total, concurrency: 50 });
  const [feMe, minimalMe] = await pair([board, me[0]], [board, me[1]], { total, concurrency: 50 });
  await stopChild(api.child);
  const fmtRps = (m) => `${m.rps.toFixed(0)} rps (p50 ${m.p50.toFixed(1)} ms, ${(m.cpu / m.n).toFixed(3)} CPU ms/req)`;
  console.log('');
  console.log(`Dataset: ${dataset}. Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; ` +
    `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine).`);
  console.log('');
  console.log('| what | the app | the limit | ratio | goal |');
  console.log('|---|---:|---:|---:|---|');
  for (const [name, app, limit] of [
    ['trivial authenticated endpoint: FastEndpoints vs minimal API, same process, 50 clients', fePing, minimalPing],
    ['`/api/v1/me`: FastEndpoints vs minimal API sending the same Mediator query, 50 clients', feMe, minimalMe],
  ]) {
    const ratio = app.rps / limit.rps;
    console.log(`| ${name} | ${fmtRps(app)} | ${fmtRps(limit)} | ${ratio.toFixed(2)} | ≥ 0.85 ${ratio >= 0.85 ? '✓' : '✗'} |`);
  }
  console.log('');
  printScenarios([
    ['FastEndpoints GET /perf/fastendpoints/ping, 50 clients', fePing, null],
    ['minimal API GET /perf/minimal/ping, 50 clients, in alternating rounds with the row above', minimalPing, null],
    ['FastEndpoints GET /api/v1/me, 50 clients', feMe, null],
    ['minimal API GET /perf/minimal/me (the same Mediator query), 50 clients, in alternating rounds with the row above', minimalMe, null],
  ]);
}

try {
  if (frameworkOnly) {
    await frameworkOnlyRun();
    process.exit();
  }
  if (memoryOnly) {
    await memoryOnlyRun();
    process.exit();
  }
  if (searchOnly) {
    await searchOnlyRun();
    process.exit();
  }
  if (financeOnly) {
    await financeRun({ scaleDir, copyOf, startApi, useApi: (api) => { base = api.url; hostPid = api.child.pid; }, login, get, measure, stopChild });
    process.exit();
  }
  if (synthesisOnly) {
    await synthesisOnlyRun();
    process.exit();
  }
  if (withScales) for (const [units, dir] of Object.entries(scaleDirs)) ensureDataset(Number(units), dir);
  const dataDir = copyOf(scaleDir);
  const api = await startApi(dataDir);
  base = api.url;
  hostPid = api.child.pid;
  const twin = participationOnly ? null : await startTwin(dataDir);
  noteMemory('started');
  const board = await login('cspl@hungyen.demo');
  const officer = await login('canbo.vanlam@hungyen.demo');
  const units = await get(board, '/api/v1/organization/units?pageSize=1');
  const periods = await get(board, '/api/v1/organization/reports/periods?pageSize=10');
  const closed = periods.items.sort((a, b) => b.year - a.year)[1] ?? periods.items[0];
  const vanLam = (await get(board, '/api/v1/organization/units?q=VANLAM&pageSize=50')).items.find((u) => u.code === 'VANLAM');
  const synthesis = await get(board, `/api/v1/organization/reports/periods/${closed.id}/synthesis`);
  const subtree = await get(board, `/api/v1/organization/units?within=${vanLam.id}&pageSize=20`);

  const pages = Array.from({ length: Math.max(1, Math.min(10, Math.ceil(subtree.total / 20))) }, (_, i) =>
    `/api/v1/organization/units?within=${vanLam.id}&page=${i + 1}&pageSize=20`);
  const synthesisPath = `/api/v1/organization/reports/periods/${closed.id}/synthesis`;
  // The district officer's enterprise list (their scope, no year: the default screen) and the twin's path-range query.
  const firstPage = await get(officer, '/api/v1/organization/enterprises?pageSize=20');
  const enterprisePages = Array.from({ length: Math.max(1, Math.min(8, Math.ceil(firstPage.total / 20))) }, (_, i) =>
    `/api/v1/organization/enterprises?page=${i + 1}&pageSize=20`);
  const rows = [];
  let synthesisRun;
  if (!participationOnly) {
    const twinSynthesis = `${twin.url}/synthesis?period=${closed.id}`;
    const twinPages = enterprisePages.map((_, i) => `${twin.url}/enterprises?unit=${vanLam.id}&page=${i + 1}&pageSize=20`);
    const twinFirst = await (await fetch(twinPages[0])).json();
    if (JSON.stringify(twinFirst) !== JSON.stringify(firstPage))
      throw new Error(`The twin's enterprise page differs from the app's:\n${JSON.stringify(twinFirst).slice(0, 400)}\n${JSON.stringify(firstPage).slice(0, 400)}`);
    if (enterprisesOnly) {
      await measure(officer, enterprisePages, { total: 4000, concurrency: 10 });
      await measure(null, twinPages, { total: 4000, concurrency: 10 });
      const [appList, twinList] = await pair([officer, enterprisePages], [null, twinPages], { total: 4000, concurrency: 50, pidB: twin.child.pid });
      // CPU ms/req of each process (the Host's and the twin's own): a figure that hardly moves with the machine's other load.
      const fmtRps = (m) => `${m.rps.toFixed(0)} rps (p50 ${m.p50.toFixed(1)} ms, ${(m.cpu / m.n).toFixed(2)} CPU ms/req)`;
      const ratio = appList.rps / twinList.rps;
      console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite; ` +
        `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine).`);
      console.log('| what | the app | the limit | ratio | goal |');
      console.log('|---|---:|---:|---:|---|');
      console.log(`| enterprises list, district officer (${firstPage.total} rows), pages 1–${enterprisePages.length} of 20, 50 clients vs one path-range query through ADO.NET | ` +
        `${fmtRps(appList)} | ${fmtRps(twinList)} | ${ratio.toFixed(2)} | ≥ 0.5 ${ratio >= 0.5 ? '✓' : '✗'} |`);
      process.exit();
    }

    // Warm-up until the JIT has tiered up: connection pools, SQLite page cache, compiled queries.
    for (const paths of [['/health/live'], ['/api/v1/me'], pages, ['/perf/fastendpoints/ping'], ['/perf/minimal/ping'], ['/perf/minimal/me']])
      await measure(board, paths, { total: 3000, concurrency: 10 });
    await measure(officer, enterprisePages, { total: 3000, concurrency: 10 });
    await measure(null, twinPages, { total: 3000, concurrency: 10 });
    await measure(board, [synthesisPath], { total: 10, concurrency: 1 });
    await measure(null, [twinSynthesis], { total: 10, concurrency: 1 });
    await frameworkWarmUp(board);
    noteMemory('after warm-up');

    // The framework pair and the DB-backed list against the limit, each pair interleaved.
    const [fePing, minimalPing] = await pair([board, ['/perf/fastendpoints/ping']], [board, ['/perf/minimal/ping']], { total: 6000, concurrency: 50 });
    const [feMe, minimalMe] = await pair([board, ['/api/v1/me']], [board, ['/perf/minimal/me']], { total: 6000, concurrency: 50 });
    const [appList, twinList] = await pair([officer, enterprisePages], [null, twinPages], { total: 4000, concurrency: 50 });
    synthesisRun = await synthesisColdAndWarm(twin.url);
    noteMemory('after load session 1');
    const fmtRps = (m) => `${m.rps.toFixed(0)} rps (p50 ${m.p50.toFixed(1)} ms)`;
    comparisons.push(
      ['trivial authenticated endpoint: FastEndpoints vs minimal API, same process, 50 clients', fmtRps(fePing), fmtRps(minimalPing), fePing.rps / minimalPing.rps, '≥ 0.85', (r) => r >= 0.85],
      ['`/api/v1/me`: FastEndpoints vs minimal API sending the same Mediator query, 50 clients', fmtRps(feMe), fmtRps(minimalMe), feMe.rps / minimalMe.rps, '≥ 0.85', (r) => r >= 0.85],
      [`enterprises list, district officer (${firstPage.total} rows), pages 1–${enterprisePages.length} of 20, 50 clients vs one path-range query through ADO.NET`,
        fmtRps(appList), fmtRps(twinList), appList.rps / twinList.rps, '≥ 0.5', (r) => r >= 0.5],
      [`whole-province synthesis of ${closed.year}, cold (first read after a write) vs the hand-written aggregate (p50)`, `${synthesisRun.cold.p50.toFixed(0)} ms`,
        `${synthesisRun.twin.p50.toFixed(0)} ms`, synthesisRun.cold.p50 / synthesisRun.twin.p50, '≤ 2×', (r) => r <= 2],
    );

    rows.push(
      ['Baseline: /health/live with the token (authentication and grants only), 50 clients', await measure(board, ['/health/live'], { total: 3000, concurrency: 50 }), null],
      ['Baseline: /api/v1/me (grants + unit names), 50 clients', await measure(board, ['/api/v1/me'], { total: 3000, concurrency: 50 }), null],
      ['Synthesis, whole province, one year (all indicators), cold: each read right after a write', synthesisRun.cold, 300],
      ['Synthesis, whole province, one year (all indicators), warm: kept per data stamp', await measure(board, [synthesisPath], { total: 30, concurrency: 1 }), 300],
      ['Unit subtree list page (20 rows), 50 clients', await measure(board, pages, { total: 3000, concurrency: 50 }), 50],
      ['Enterprise list page (20 rows), district officer, 50 clients', await measure(officer, enterprisePages, { total: 3000, concurrency: 50 }), null],
    );
    rows.push(...(await searchRows(board, officer)));
    noteMemory('after load session 2');
  }
  // Training (issue #6): the clash check when saving a session and the nomination, each against a plain read of a course.
  // PERF_ONLY=organization stops before them (a quicker run while working on the Organization scenarios).
  if (only !== 'organization' && !participationOnly) {
    const coordinator = await login('tuyengiao@hungyen.demo');
    const scaleCourses = (await get(coordinator, '/api/v1/training/courses?q=SCALE&pageSize=100&sort=code')).items;
    const officials = (await get(coordinator, '/api/v1/organization/officials?pageSize=100')).items;
    if (scaleCourses.length === 0) throw new Error('No SCALE courses: re-run `make seed-scale` (Training part of the dataset).');
    const details = await Promise.all(scaleCourses.slice(0, 50).map((c) => get(coordinator, `/api/v1/training/courses/${c.id}`)));
    const coursePaths = details.map((c) => `/api/v1/training/courses/${c.id}`);
    const farDay = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    const at = (day, hour) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
    const plusDays = (day, n) => new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
    // New sessions: a fresh room each, on distinct days far ahead, so each is saved after the check finds no clash.
    const newSessions = Array.from({ length: 3000 }, (_, i) => {
      const day = plusDays(farDay, Math.floor(i / 8));
      const start = at(day, 7 + (i % 8));
      return {
        method: 'POST', path: `/api/v1/training/courses/${details[i % details.length].id}/sessions`, accept: [201],
        body: { topic: `Perf ${i}`, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), room: `Perf ${i}` },
      };
    });
    // The same room as an existing session of the partner at the same time: refused, naming that session.
    const clashing = details.flatMap((c) => c.sessions.slice(0, 4).map((s) => ({
      method: 'POST', path: `/api/v1/training/courses/${c.id}/sessions`, accept: [409],
      body: { topic: 'Perf clash', startsAt: s.startsAt, endsAt: s.endsAt, room: s.room },
    })));
    // Nominations: each (course, official) pair once; 409 when the official's timetable clashes or the pair exists.
    // Spread: the clients nominate into different courses at the same time (officials taken course after course).
    const nominationOf = (c, o) => ({
      method: 'POST', path: `/api/v1/training/courses/${c.id}/enrolments`, accept: [201, 409], body: { officialId: o.id },
    });
    const nominations = officials.flatMap((o) => details.map((c) => nominationOf(c, o)));
    // Contended: all clients nominate into the same course at once (its version serialises them; losers retry).
    const others = scaleCourses.slice(50, 55);
    const contended = others.flatMap((c) => officials.map((o) => nominationOf(c, o)));
    await measure(coordinator, coursePaths, { total: 3000, concurrency: 10 });
    await measure(coordinator, clashing, { total: 500, concurrency: 10 });
    const courseRead = await measure(coordinator, coursePaths, { total: 3000, concurrency: 50 });
    const sessionSave = await measure(coordinator, newSessions.slice(0, 1500), { total: 1500, concurrency: 50 });
    const sessionClash = await measure(coordinator, clashing, { total: 1500, concurrency: 50 });
    const nominate = await measure(coordinator, nominations, { total: Math.min(1500, nominations.length), concurrency: 50 });
    const nominateContended = others.length ? await measure(coordinator, contended, { total: contended.length, concurrency: 50 }) : null;
    const ratio = (m) => `×${(m.p50 / courseRead.p50).toFixed(1)} p50, ×${(m.p95 / courseRead.p95).toFixed(1)} p95`;
    const statuses = (m) => Object.entries(m.statuses).map(([k, v]) => `${v}×${k}`).join(' ');
    rows.push(
      ['Training: read one course (detail with sessions), 50 clients', courseRead, null],
      [`Training: save a session, clash check passes (${statuses(sessionSave)}; ${ratio(sessionSave)}), 50 clients`, sessionSave, null],
      [`Training: save a session refused for a room clash (${statuses(sessionClash)}; ${ratio(sessionClash)}), 50 clients`, sessionClash, null],
      [`Training: nominate an official, clients on different courses (${statuses(nominate)}; ${ratio(nominate)}), 50 clients`, nominate, null],
    );
    if (nominateContended)
      rows.push([`Training: nominate, all clients on the same course (${statuses(nominateContended)}; ${ratio(nominateContended)}), 50 clients`, nominateContended, null]);
  }
  if (!participationOnly) noteMemory('after the training rows');
  // Participation (issue #12): a page of a district's initiatives against the unit subtree list (measured in
  // alternating rounds, so load from elsewhere hits both alike; no twin), and the plan dashboard of the whole province
  // for the last closed year — every module's report indicator sources added up over ~2,000 units, where
  // Participation's innovation figures appear once it registers its sources (the row counts them; no twin).
  let participation = null;
  if (only !== 'organization') {
    const initiativesFirst = await get(officer, '/api/v1/participation/initiatives?pageSize=20');
    const topics = await get(board, '/api/v1/participation/topics?pageSize=1');
    if (initiativesFirst.total < 100) throw new Error('Few initiatives in the district officer\'s scope: re-run `make seed-scale` (Participation part of the dataset).');
    const initiativePages = Array.from({ length: Math.max(1, Math.min(8, Math.ceil(initiativesFirst.total / 20))) }, (_, i) =>
      `/api/v1/participation/initiatives?page=${i + 1}&pageSize=20`);
    // The first read computes the dashboard (every source over ~2,000 units and the plan's years); the next ones are
    // served per the modules' data stamps until a write changes one (issue #15, DashboardCache). The board's default
    // unit is the province, so this first read is the one the row measures afterwards.
    let dashboardPath = null, dashboard = null, coldMs = 0, innovation = 0, province = null;
    if (!initiativesOnly) {
      const coldStart = performance.now();
      province = (await get(board, `/api/v1/dashboard?year=${closed.year}`)).unit;
      coldMs = performance.now() - coldStart;
      if (province.parentId != null) throw new Error(`The board's default dashboard is not the province's: ${province.code}`);
      dashboardPath = `/api/v1/dashboard?unitId=${province.id}&year=${closed.year}`;
      dashboard = await get(board, dashboardPath);
      innovation = dashboard.indicators.filter((i) => i.key.startsWith('participation.')).length;
    }
    if (!dashboardOnly) {
      await measure(officer, initiativePages, { total: 3000, concurrency: 10 });
      if (participationOnly) {
        for (const paths of [['/health/live'], ['/api/v1/me'], pages]) await measure(board, paths, { total: 3000, concurrency: 10 });
        await measure(officer, initiativePages, { total: 3000, concurrency: 10 });
      }
    }
    if (!initiativesOnly) await measure(board, [dashboardPath], { total: 10, concurrency: 1 });
    if (!dashboardOnly) {
      const [initiativeList, subtreeList] = await pair([officer, initiativePages], [board, pages], { total: 3000, concurrency: 50 });
      rows.push(
        [`Participation: initiatives list page (20 rows), district officer (${initiativesFirst.total} initiatives in scope), 8 pages, 50 clients ` +
          `(×${(initiativeList.p50 / subtreeList.p50).toFixed(1)} p50, ×${(initiativeList.p95 / subtreeList.p95).toFixed(1)} p95 of the row below; no twin)`, initiativeList, 50],
        ['Unit subtree list page (20 rows), 50 clients, in alternating rounds with the row above', subtreeList, 50],
      );
    }
    if (!initiativesOnly) {
      const dashboardRun = await measure(board, [dashboardPath], { total: 30, concurrency: 1 });
      // The first read of the day (issue #15, DashboardWarmUp): from start-up each replica computes this year's dashboard
      // of the province and of each district in the background, so the home page's first read (this year) finds it kept —
      // unless it comes before the warm-up is done (then it joins the computation under way). Read here, many seconds
      // after start and before any write; `computedAtUtc` before the request says the warm-up computed it.
      const homeAsked = Date.now();
      const homeStart = performance.now();
      const home = await get(board, `/api/v1/dashboard?unitId=${province.id}`);
      const homeMs = performance.now() - homeStart;
      const homeKept = Date.parse(home.computedAtUtc) < homeAsked;
      const homeNote = `the first read of this year's (${home.year}) dashboard, the home page's: ${homeMs.toFixed(0)} ms, ` +
        (homeKept ? `kept by the warm-up (computed ${((homeAsked - Date.parse(home.computedAtUtc)) / 1000).toFixed(1)} s before)` : 'computed in the request');
      // The first read after a write in one module (issue #15): each module's figures are kept under its own data stamp,
      // so a Participation write recomputes Participation's figures only; an Organization write recomputes the frame
      // (the subtree, the plan, the shares with the reports' synthesis) and reuses the other modules' figures.
      const member = await login('doanvien@hungyen.demo');
      const admin = await login('admin@hungyen.demo');
      const open = (await get(board, '/api/v1/organization/reports/periods?pageSize=10')).items.sort((x, y) => y.year - x.year)[0];
      // Served while refreshed (ADR 0010): the read after a write answers the kept parts, marked refreshing; the exact
      // read (fresh=true, the export's) computes the written module's part first, as every read did before.
      const afterParticipation = await dashboardReadsAfterWrites(board, dashboardPath, await initiativeDraftWriter(member), 8);
      const afterOrganization = await dashboardReadsAfterWrites(board, dashboardPath, await reportDraftWriter(admin, open), 8);
      const exactAfterParticipation = await readsAfterWrites(board, `${dashboardPath}&fresh=true`, await initiativeDraftWriter(member), 8);
      const staleNote = (r) => `${r.refreshing}/8 answered refreshing; refreshed figures there ${r.staleP50.toFixed(0)} ms p50, ${r.staleMax.toFixed(0)} ms max after the read`;
      rows.push(
        [`Plan dashboard, whole province, ${closed.year} (${dashboard.indicators.length} indicators, ${innovation} of them innovation figures of ` +
          `Participation), 30 sequential requests as the Policy-Law Board, kept per data stamp (the first read, computing it: ${coldMs.toFixed(0)} ms; ` +
          `${homeNote}); no twin`,
          dashboardRun, 300],
        ['Plan dashboard, the same, each read the first after a write in Participation (a member saves an initiative draft, not timed): ' +
          `the kept figures served while Participation's are refreshed (${staleNote(afterParticipation)})`, afterParticipation, 300],
        ['Plan dashboard, the same, each read the first after a write in Organization (a report draft saved, not timed): ' +
          `the kept parts served while the frame and Organization's figures are refreshed (${staleNote(afterOrganization)})`, afterOrganization, 300],
        ['Plan dashboard, exact read (fresh=true, as the export) the first after a write in Participation: Participation\'s figures ' +
          'recomputed before answering (the former first read after a write)', exactAfterParticipation, null],
      );
    }
    if (!dashboardOnly && !initiativesOnly) rows.push(...(await emulationRows({ login, get, measure })));
    participation = { initiatives: initiativesFirst.total, topics: topics.total };
    noteMemory('after the participation rows');
  }
  await stopChild(api.child);
  if (twin) await stopChild(twin.child);

  // The synthesis as the hierarchy grows: the same request (the closed year, whole province) on ~200, ~2,000 and ~20,000 units.
  const growth = [];
  const synthesisAt = async (dir) => {
    const copy = dir === scaleDir ? dataDir : copyOf(dir);
    const app = dir === scaleDir ? null : await startApi(copy);
    const tw = dir === scaleDir ? null : await startTwin(copy);
    try {
      const appUrl = app?.url ?? api.url;
      const saved = base;
      base = appUrl;
      if (app) {
        const run = await synthesisColdAndWarm(tw.url);
        base = saved;
        return run;
      }
      base = saved;
      return synthesisRun;
    } finally {
      if (app) await stopChild(app.child);
      if (tw) await stopChild(tw.child);
    }
  };
  if (withScales) for (const dir of [scaleDirs[200], scaleDir, scaleDirs[20000]]) growth.push(await synthesisAt(dir));
  if (growth.length) {
    const { units: n, cold, twin, warm } = growth[growth.length - 1];
    comparisons.push([`synthesis growth ${growth.map((g) => g.units.toLocaleString('en')).join(' → ')} units (p50; cold = first read after a write, warm = kept)`,
      `cold ${growth.map((g) => g.cold.p50.toFixed(0)).join(' / ')} ms, warm ${growth.map((g) => g.warm.p50.toFixed(0)).join(' / ')} ms`,
      growth.map((g) => g.twin.p50.toFixed(0)).join(' / ') + ' ms', cold.p50 / twin.p50, `warm p95 ≤ 300 ms at ${n.toLocaleString('en')}`, () => warm.p95 <= 300]);
  }

  console.log('');
  console.log(`Dataset: ${units.total} units; synthesis of ${closed.year}: ${synthesis.submissions.expected} reporting units, ` +
    `${synthesis.submissions.onTime + synthesis.submissions.late} reports; Văn Lâm subtree ${subtree.total} units, ${firstPage.total} enterprises in the district officer's scope` +
    (participation ? `, ${participation.initiatives} initiatives in it; ${participation.topics} research topics in the province.` : '.'));
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite (embedded default); ` +
    `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine).`);
  console.log('');
  if (growth.length) {
    printSynthesisRows(growth);
    console.log('');
  }
  if (comparisons.length) {
    console.log('| what | the app | the limit | ratio | goal |');
    console.log('|---|---:|---:|---:|---|');
    for (const [name, app, limit, ratio, goal, met] of comparisons)
      console.log(`| ${name} | ${app} | ${limit} | ${ratio.toFixed(2)} | ${goal} ${met(ratio) ? '✓' : '✗'} |`);
    console.log('');
  }
  printScenarios(rows);
  console.log('');
  const [first, ...rest] = memory.filter(([w]) => w !== 'started');
  const last = rest[rest.length - 1] ?? first;
  const growthMiB = rest.length >= 2 ? rest[rest.length - 1][1] - rest[rest.length - 2][1] : NaN;
  console.log(`Host memory (RSS, MiB): ${memory.map(([w, m]) => `${w} ${m.toFixed(0)}`).join(' → ')}. ` +
    (Number.isNaN(growthMiB) ? 'One load session: no trend.' : Math.abs(growthMiB) <= Math.max(10, 0.05 * last[1])
      ? `Levels off: ${growthMiB >= 0 ? '+' : ''}${growthMiB.toFixed(0)} MiB over the last session.`
      : `Still moving: ${growthMiB >= 0 ? '+' : ''}${growthMiB.toFixed(0)} MiB over the last session.`));

  // Bytes on the wire and Lighthouse (tests/perf/web.mjs, when present) print their own rows.
  const web = join(dirname(fileURLToPath(import.meta.url)), 'web.mjs');
  if (existsSync(web) && !participationOnly) {
    console.log('');
    const r = spawnSync(process.execPath, [web], { stdio: 'inherit', env: process.env });
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  stop();
}
