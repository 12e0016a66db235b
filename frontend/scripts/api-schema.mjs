// Generates src/lib/api/schema.d.ts from the committed OpenAPI document, or checks that the committed
// file is what the document produces today (run by `npm run build`, so a stale client fails the build).
// OPENAPI_DOC overrides the document path (used only before backend/openapi.json existed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const doc = resolve(root, process.env.OPENAPI_DOC ?? '../backend/openapi.json');
const target = join(root, 'src/lib/api/schema.d.ts');
const cli = join(root, 'node_modules/openapi-typescript/bin/cli.js');
const mode = process.argv[2];

if (!existsSync(doc)) {
  console.error(`OpenAPI document not found: ${doc}`);
  process.exit(1);
}

function generate(out) {
  execFileSync(process.execPath, [cli, doc, '--output', out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

if (mode === 'generate') {
  generate(target);
  console.log(`generated ${target} from ${doc}`);
} else if (mode === 'check') {
  const dir = mkdtempSync(join(tmpdir(), 'api-schema-'));
  try {
    const fresh = join(dir, 'schema.d.ts');
    generate(fresh);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (readFileSync(fresh, 'utf8') !== current) {
      console.error(`src/lib/api/schema.d.ts is out of date with ${doc}: run \`npm run gen:api\` and commit the result.`);
      process.exit(1);
    }
    console.log('API client is up to date with the OpenAPI document.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  console.error('usage: api-schema.mjs generate|check');
  process.exit(2);
}
