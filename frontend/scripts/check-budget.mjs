// Bundle budget: the JavaScript a browser must download before the login page can render
// (the entry chunk, the login route's lazy chunk, and everything they import statically), gzipped.
// Reads the Vite manifest of the last `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const manifestPath = join(dist, '.vite/manifest.json');
const LOGIN_ROUTE = 'src/features/auth/routes/login.tsx';
const BUDGET_KB = Number(process.env.LOGIN_JS_BUDGET_KB ?? 300);

if (!existsSync(manifestPath)) {
  console.error('dist/.vite/manifest.json not found: run `npm run build` first.');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
if (!manifest[LOGIN_ROUTE]) throw new Error(`${LOGIN_ROUTE} is not a chunk of its own: is the login route lazy?`);

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entries[0][0]);
visit(LOGIN_ROUTE);

let total = 0;
const rows = [...files]
  .filter((f) => f.endsWith('.js'))
  .map((file) => {
    const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    total += size;
    return { file, kb: (size / 1024).toFixed(1) };
  })
  .sort((a, b) => Number(b.kb) - Number(a.kb));

console.table(rows);
const totalKb = total / 1024;
console.log(`login route initial JS: ${totalKb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error('Bundle budget exceeded: move code out of the entry chunk or load it lazily.');
  process.exit(1);
}
