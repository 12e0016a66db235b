// Benchmarks on the province-scale dataset (`make seed-scale`, then `make perf`). Starts the Release API on a copy
// of that dataset, warms up, measures each scenario and prints a table. No dependencies beyond Node 20+.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scaleDir = process.env.SCALE_DIR ?? join(repo, 'data-scale');
const dll = process.env.HOST_DLL ?? join(repo, 'backend/src/Host/bin/Release/net10.0/Host.dll');
const password = 'Demo@2025!';

if (!existsSync(join(scaleDir, 'organization.db'))) {
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

const dataDir = mkdtempSync(join(tmpdir(), 'khcn-perf-'));
cpSync(scaleDir, dataDir, { recursive: true });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawn('dotnet', [dll], {
  cwd: dirname(dll),
  env: {
    ...process.env,
    ASPNETCORE_URLS: base,
    ASPNETCORE_ENVIRONMENT: 'Production',
    DataDir: dataDir,
    Seed__Demo: 'true',
    Jobs__Enabled: 'false',
    Serilog__MinimumLevel__Default: 'Warning',
    RateLimiting__LoginPerIpPerMinute: '1000',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const stop = () => {
  agent.destroy();
  api.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', stop);

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('API not ready after 120 s');
}

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
const request = (token, path) =>
  new Promise((ok, fail) => {
    const req = http.get(base + path, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      res.on('data', () => {});
      res.on('end', () => (res.statusCode < 400 ? ok() : fail(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('error', fail);
  });

/** Runs `total` requests with `concurrency` clients in flight; returns latencies (ms) and throughput. */
async function measure(token, paths, { total, concurrency }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < total) {
      const path = paths[next++ % paths.length];
      const t0 = performance.now();
      await request(token, path);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { n: latencies.length, concurrency, p50: pct(50), p95: pct(95), p99: pct(99), rps: latencies.length / seconds };
}

export const scenarios = [];

try {
  await waitReady();
  const board = await login('cspl@hungyen.demo');
  const units = await get(board, '/api/v1/organization/units?pageSize=1');
  const periods = await get(board, '/api/v1/organization/reports/periods?pageSize=10');
  const closed = periods.items.sort((a, b) => b.year - a.year)[1] ?? periods.items[0];
  const vanLam = (await get(board, '/api/v1/organization/units?q=VANLAM&pageSize=50')).items.find((u) => u.code === 'VANLAM');
  const synthesis = await get(board, `/api/v1/organization/reports/periods/${closed.id}/synthesis`);
  const subtree = await get(board, `/api/v1/organization/units?within=${vanLam.id}&pageSize=20`);

  const pages = Array.from({ length: Math.max(1, Math.min(10, Math.ceil(subtree.total / 20))) }, (_, i) =>
    `/api/v1/organization/units?within=${vanLam.id}&page=${i + 1}&pageSize=20`);
  const synthesisPath = `/api/v1/organization/reports/periods/${closed.id}/synthesis`;

  // Warm-up until the JIT has tiered up: connection pools, SQLite page cache, compiled queries.
  for (const paths of [['/health/live'], ['/api/v1/me'], pages]) await measure(board, paths, { total: 3000, concurrency: 10 });
  await measure(board, [synthesisPath], { total: 10, concurrency: 1 });
  const rows = [
    ['Baseline: /health/live with the token (authentication and grants only), 50 clients', await measure(board, ['/health/live'], { total: 3000, concurrency: 50 }), null],
    ['Baseline: /api/v1/me (grants + unit names), 50 clients', await measure(board, ['/api/v1/me'], { total: 3000, concurrency: 50 }), null],
    ['Synthesis, whole province, one year (all indicators)', await measure(board, [synthesisPath], { total: 30, concurrency: 1 }), 300],
    ['Unit subtree list page (20 rows), 50 clients', await measure(board, pages, { total: 3000, concurrency: 50 }), 50],
  ];
  const fmt = (x) => x.toFixed(1).padStart(7);
  console.log('');
  console.log(`Dataset: ${units.total} units; synthesis of ${closed.year}: ${synthesis.submissions.expected} reporting units, ` +
    `${synthesis.submissions.onTime + synthesis.submissions.late} reports; Văn Lâm subtree ${subtree.total} units.`);
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite (embedded default).`);
  console.log('');
  console.log('| scenario | requests | clients | p50 ms | p95 ms | p99 ms | req/s | target p95 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, m, target] of rows)
    console.log(`| ${name} | ${m.n} | ${m.concurrency} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${fmt(m.p99)} | ${m.rps.toFixed(0)} | ${target === null ? '—' : `< ${target} ${m.p95 < target ? '✓' : '✗'}`} |`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  stop();
}
