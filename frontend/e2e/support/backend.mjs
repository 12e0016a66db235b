// Starts the real backend (already built in Release) on a free port with a fresh SQLite data dir and demo
// seed, serving the built SPA from frontend/dist, and waits until /health/ready answers 200.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const repoDir = resolve(frontendDir, '..');
export const resultsDir = join(frontendDir, 'test-results');

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startBackend({ timeoutMs = 120_000 } = {}) {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {} };

  const hostDir = join(repoDir, 'backend/src/Host');
  const dll = process.env.E2E_HOST_DLL ?? join(hostDir, 'bin/Release/net10.0/Host.dll');
  const spaRoot = join(frontendDir, 'dist');
  if (!existsSync(dll)) throw new Error(`${dll} not found: build the backend (dotnet build -c Release) first.`);
  if (!existsSync(join(spaRoot, 'index.html'))) throw new Error('frontend/dist not found: run `npm run build` first.');

  mkdirSync(resultsDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'khcn-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logPath = join(resultsDir, 'backend.log');
  const log = createWriteStream(logPath);
  const child = spawn('dotnet', [dll], {
    cwd: hostDir,
    env: {
      ...process.env,
      ASPNETCORE_URLS: baseUrl,
      ASPNETCORE_ENVIRONMENT: process.env.ASPNETCORE_ENVIRONMENT ?? 'Development',
      Database__Provider: 'Sqlite',
      DataDir: dataDir,
      Seed__Demo: 'true',
      Spa__RootPath: spaRoot,
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      if (exited === null) child.kill('SIGKILL');
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      await stop();
      const tail = readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
      throw new Error(`backend exited early (${JSON.stringify(exited)}); last log lines:\n${tail}`);
    }
    try {
      const res = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`backend not ready after ${timeoutMs / 1000}s; see ${logPath}`);
    }
    await sleep(250);
  }
  return { baseUrl, stop };
}
