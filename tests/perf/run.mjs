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
/**
 * One request: a path (GET) or { method, path, body, accept } where `accept` lists the statuses that count as a
 * handled answer (a refused clash, 409, is the clash check doing its work). Resolves with the status.
 */
const request = (token, item) =>
  new Promise((ok, fail) => {
    const { method = 'GET', path, body, accept } = typeof item === 'string' ? { path: item } : item;
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { Authorization: `Bearer ${token}` };
    if (payload) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    const req = http.request(base + path, { method, agent, headers }, (res) => {
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
async function measure(token, items, { total, concurrency }) {
  const latencies = [];
  const statuses = {};
  let next = 0;
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
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { n: latencies.length, concurrency, p50: pct(50), p95: pct(95), p99: pct(99), rps: latencies.length / seconds, statuses };
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
  // Training (issue #6): the clash check when saving a session and the nomination, each against a plain read of a course.
  // PERF_ONLY=organization stops before them (a quicker run while working on the Organization scenarios).
  if (process.env.PERF_ONLY !== 'organization') {
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
