#!/usr/bin/env node
// Summarises test results (plain Node 20, no dependencies):
//   - VSTest TRX files under test-output/dotnet (written by tests/run-dotnet-tests.sh), one suite per file;
//   - JUnit XML files given as arguments, else frontend/test-results/*.xml, one suite per file.
// Prints a table per suite, then the closing line `N passed, N failed, N skipped`.
// Exits 1 when any test failed, a test run aborted, or no test was found at all; else 0.
// Options: --trx-dir=DIR (default test-output/dotnet)
//          --no-skip=SUITE (repeatable) also exit 1 when that suite is missing, ran nothing or skipped a test
//                          (CI uses it so the SQL Server suite cannot silently skip for want of Docker).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const trxDir = resolve(opt('trx-dir')[0] ?? join(root, 'test-output/dotnet'));
const noSkip = opt('no-skip');
const junitArgs = args.filter((a) => !a.startsWith('--'));

const notes = [];
const failedTests = [];
const suites = [];
let runProblem = false;

// A start tag whose quoted attribute values may contain '>'; group 1 = attributes, group 2 = '/' if self-closing.
const tag = (name) => new RegExp(`<${name}((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'g');
const attr = (attrs, name) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
};
// CDATA and comments may hold arbitrary text (stack traces, output): drop them before matching tags.
const load = (file) => readFileSync(file, 'utf8').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
const shown = (file) => relative(process.cwd(), file) || file;

const PASSED = new Set(['Passed', 'PassedButRunAborted', 'Warning', 'Completed']);
const SKIPPED = new Set(['NotExecuted', 'Inconclusive', 'NotRunnable', 'Pending']);

function readTrx(file) {
  const xml = load(file);
  const s = { name: basename(file, '.trx'), passed: 0, failed: 0, skipped: 0 };
  let results = 0;
  for (const m of xml.matchAll(tag('UnitTestResult'))) {
    results++;
    const outcome = attr(m[1], 'outcome') ?? '';
    if (PASSED.has(outcome)) s.passed++;
    else if (SKIPPED.has(outcome)) s.skipped++;
    else {
      s.failed++;
      const end = xml.indexOf('</UnitTestResult>', m.index);
      const body = m[2] || end < 0 ? '' : xml.slice(m.index, end);
      const msg = /<Message>([\s\S]*?)<\/Message>/.exec(body)?.[1];
      failedTests.push({ suite: s.name, name: attr(m[1], 'testName') ?? '?', message: msg });
    }
  }
  if (results === 0) {
    const c = tag('Counters').exec(xml);
    if (c) {
      const n = (k) => Number(attr(c[1], k) ?? 0);
      s.passed = n('passed');
      s.failed = n('failed') + n('error') + n('timeout') + n('aborted');
      s.skipped = Math.max(0, n('total') - s.passed - s.failed);
    }
  }
  const summary = tag('ResultSummary').exec(xml);
  const outcome = summary ? attr(summary[1], 'outcome') : undefined;
  if (['Failed', 'Error', 'Aborted', 'Timeout'].includes(outcome) && s.failed === 0) {
    notes.push(`${shown(file)}: the run ended "${outcome}" without a failed test (test host crash or run error?)`);
    runProblem = true;
  }
  return s;
}

function readJunit(file) {
  const xml = load(file);
  const s = { name: basename(file, '.xml'), passed: 0, failed: 0, skipped: 0 };
  const re = tag('testcase');
  for (let m; (m = re.exec(xml)); ) {
    let body = '';
    if (!m[2]) {
      const end = xml.indexOf('</testcase>', re.lastIndex);
      body = xml.slice(re.lastIndex, end < 0 ? xml.length : end);
      if (end >= 0) re.lastIndex = end;
    }
    if (/<(failure|error)\b/.test(body)) {
      s.failed++;
      const msg = /<(?:failure|error)\b[^>]*?message\s*=\s*"([^"]*)"/.exec(body)?.[1];
      failedTests.push({ suite: s.name, name: `${attr(m[1], 'classname') ?? ''} › ${attr(m[1], 'name') ?? '?'}`, message: msg });
    }
    else if (/<skipped\b/.test(body)) s.skipped++;
    else s.passed++;
  }
  return s;
}

function walk(dir, ext) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : []);
}

// .NET results
if (existsSync(trxDir)) {
  const files = walk(trxDir, '.trx').sort();
  if (files.length === 0) notes.push(`no .trx file in ${shown(trxDir)}`);
  for (const f of files) suites.push(readTrx(f));
} else {
  notes.push(`${shown(trxDir)} not found: .NET tests not run`);
}

// JUnit results
let junitFiles = junitArgs.map((f) => resolve(f));
if (junitArgs.length === 0) {
  const dir = join(root, 'frontend/test-results');
  junitFiles = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => join(dir, f)) : [];
  for (const expected of ['vitest-junit.xml', 'e2e-junit.xml']) {
    if (!junitFiles.some((f) => basename(f) === expected)) notes.push(`${shown(join(dir, expected))} not found: suite not run`);
  }
}
for (const f of junitFiles) {
  if (existsSync(f)) suites.push(readJunit(f));
  else notes.push(`${shown(f)} not found: suite not run`);
}

for (const name of noSkip) {
  const s = suites.find((x) => x.name === name);
  if (!s) notes.push(`required suite ${name} has no results`);
  else if (s.skipped > 0 || s.passed + s.failed === 0) notes.push(`required suite ${name} skipped tests or ran none`);
  else continue;
  runProblem = true;
}

// Steps of tests/run-all.sh that failed (a build, a lint, a time limit): each counts as one failure.
const failedSteps = join(root, 'test-output/failed-steps.txt');
const stepFailures = existsSync(failedSteps) ? readFileSync(failedSteps, 'utf8').split('\n').filter(Boolean) : [];
for (const line of stepFailures) notes.push(`step failed: ${line}`);

// The failed tests by name (first 10), each with the first line of its message, so that a log's tail names them.
const oneLine = (t) => (t ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  .split('\n').map((l) => l.trim()).find(Boolean)?.slice(0, 200) ?? '';
for (const t of failedTests.slice(0, 10)) notes.push(`failed: ${t.suite}: ${oneLine(t.name)}${t.message ? ` — ${oneLine(t.message)}` : ''}`);
if (failedTests.length > 10) notes.push(`failed: … and ${failedTests.length - 10} more`);
for (const n of notes) console.log(`note: ${n}`);
const total = { passed: 0, failed: 0, skipped: 0 };
if (suites.length) {
  const w = Math.max(5, ...suites.map((s) => s.name.length));
  const row = (a, b, c, d) => `${a.padEnd(w)}  ${String(b).padStart(6)}  ${String(c).padStart(6)}  ${String(d).padStart(7)}`;
  console.log(row('suite', 'passed', 'failed', 'skipped'));
  for (const s of suites) {
    console.log(row(s.name, s.passed, s.failed, s.skipped));
    for (const k of Object.keys(total)) total[k] += s[k];
  }
}
if (total.passed + total.failed + total.skipped === 0) console.log('note: no test results found at all');
// A failed step whose tests already report failures is not counted twice; any failed step fails the run.
if (stepFailures.length && total.failed === 0) total.failed = stepFailures.length;
if (stepFailures.length) runProblem = true;
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || runProblem || total.passed + total.failed + total.skipped === 0 ? 1 : 0);
