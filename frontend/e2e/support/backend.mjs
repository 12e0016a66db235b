// Starts the real backend (already built in Release) on a free port with a fresh SQLite data dir and demo
// seed, serving the built SPA from frontend/dist, and waits until /health/ready answers 200.
//
// Seeding the demo into empty databases is most of a start (about 3 s in 4 on a 2-core machine), and every test file
// starts its own backend. `npm run test:e2e` therefore seeds once (`prepareDataTemplate`, run by
// e2e/support/prepare-data.mjs before the files) and each file's backend starts on a copy of that data dir: the same
// demo, databases of its own. The template names the Host.dll it was made by (path, size, time): a template left by
// another build is ignored and the file seeds afresh, as it does when no template exists (a file run on its own).
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const hostDir = join(repoDir, 'backend/src/Host');
const templateDir = join(resultsDir, 'data-template');
const templateStamp = join(templateDir, '.made-by');

function hostDll() {
  return process.env.E2E_HOST_DLL ?? join(hostDir, 'bin/Release/net10.0/Host.dll');
}

/** What identifies the build a template was seeded by. */
function buildStamp(dll) {
  const { size, mtimeMs } = statSync(dll);
  return JSON.stringify({ dll, size, mtimeMs });
}

/** The seeded data dir to copy, when one made by this very build exists. */
function usableTemplate(dll) {
  try {
    return readFileSync(templateStamp, 'utf8') === buildStamp(dll) ? templateDir : null;
  } catch {
    return null;
  }
}

/**
 * Seeds the demo once into test-results/data-template: starts the backend on that empty dir, waits until it is ready
 * (migrated, seeded, search index built), stops it gracefully, and only then writes the stamp that makes it usable.
 */
export async function prepareDataTemplate() {
  rmSync(templateDir, { recursive: true, force: true });
  mkdirSync(templateDir, { recursive: true });
  const backend = await startBackend({ dataDir: templateDir, keepData: true });
  const clean = await backend.stop();
  if (!clean) throw new Error('the backend that seeded the template did not stop by itself; template not used');
  writeFileSync(templateStamp, buildStamp(hostDll()));
}

export async function startBackend({ timeoutMs = 120_000, dataDir: givenDataDir, keepData = false } = {}) {
  if (process.env.E2E_BASE_URL) return { baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, ''), stop: async () => {} };

  const dll = hostDll();
  const spaRoot = join(frontendDir, 'dist');
  if (!existsSync(dll)) throw new Error(`${dll} not found: build the backend (dotnet build -c Release) first.`);
  if (!existsSync(join(spaRoot, 'index.html'))) throw new Error('frontend/dist not found: run `npm run build` first.');

  mkdirSync(resultsDir, { recursive: true });
  const dataDir = givenDataDir ?? mkdtempSync(join(tmpdir(), 'khcn-e2e-'));
  const template = givenDataDir ? null : usableTemplate(dll);
  if (template) cpSync(template, dataDir, { recursive: true, filter: (src) => src !== templateStamp });
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

  /** Stops the backend; true when it ended by itself after SIGTERM (within 5 s), false when it had to be killed. */
  const stop = async () => {
    let clean = true;
    if (exited === null) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
      if (exited === null) {
        clean = false;
        child.kill('SIGKILL');
      }
    }
    log.end();
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    return clean;
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
