// PERF_ONLY=finance (issue #14): the budget execution report over the province-scale ledger (`make seed-scale`: about
// 200,000 ledger entries), concurrent disbursement requests, and the reconciliation after them, which must balance.
// Called from tests/perf/run.mjs with its helpers (they share its API base and keep-alive agent).
import { cpus, loadavg, totalmem } from 'node:os';

/**
 * The province's budget execution report (whole province, subtree) for the current year and the last closed one,
 * sequential; tranche requests against the province's own allocations with room in the current year (20 clients,
 * every answer 201 or 409: a 409 is the conditional draw refusing what is no longer there); then the reconciliation of
 * the whole ledger, timed, which must answer balanced (the exit code says so).
 */
export async function financeRun({ scaleDir, copyOf, startApi, useApi, login, get, measure, stopChild }) {
  const api = await startApi(copyOf(scaleDir));
  useApi(api);
  const finance = await login('taichinh@hungyen.demo');
  const year = Number(process.env.PERF_FINANCE_YEAR ?? new Date().getFullYear());
  const report = (y) => `/api/v1/finance/budget-execution?year=${y}&subtree=true`;
  const province = (await get(finance, '/api/v1/me')).grants.find((g) => g.unitCode === 'HY');
  if (!province) throw new Error('taichinh@hungyen.demo holds no grant on the province (HY)');
  const rowsOf = async (y) => (await get(finance, report(y))).rows.length;
  const rows = { [year]: await rowsOf(year), [year - 1]: await rowsOf(year - 1) };
  await measure(finance, [report(year), report(year - 1)], { total: 4, concurrency: 1 });
  const current = await measure(finance, [report(year)], { total: 30, concurrency: 1 });
  const closed = await measure(finance, [report(year - 1)], { total: 30, concurrency: 1 });

  const open = (await get(finance, `/api/v1/finance/allocations?year=${year}&unitId=${province.unitId}&status=Open`)).filter((a) => a.remaining > 0);
  if (!open.length) throw new Error(`no allocation of the province with room in ${year}`);
  const total = 400;
  const stamp = Date.now();
  const items = Array.from({ length: total }, (_, i) => ({
    method: 'POST',
    path: `/api/v1/finance/allocations/${open[i % open.length].id}/tranches`,
    body: { kind: 'Advance', amount: 1000, purpose: 'Đo hiệu năng' },
    headers: { 'Idempotency-Key': `perf-${stamp}-${i}` },
    accept: [201, 409],
  }));
  const tranches = await measure(finance, items, { total, concurrency: 20 });
  const reconciliation = await measure(finance, ['/api/v1/finance/reconciliation'], { total: 3, concurrency: 1 });
  const recon = await get(finance, '/api/v1/finance/reconciliation');
  await stopChild(api.child);

  const fmt = (x) => x.toFixed(1).padStart(7);
  console.log('');
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB; SQLite; ` +
    `load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min: other work on the machine). ` +
    `Ledger after: ${recon.transactions} transactions, debits ${recon.totalDebits} = credits ${recon.totalCredits}: ` +
    `${recon.balanced ? 'balanced' : `NOT balanced (${recon.drifts.length} drifts)`}; ${recon.allocationsChecked} allocations checked.`);
  console.log('| scenario | requests | clients | p50 ms | p95 ms | req/s | answers |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  const row = (name, m) => console.log(`| ${name} | ${m.n} | ${m.concurrency} | ${fmt(m.p50)} | ${fmt(m.p95)} | ${m.rps.toFixed(1)} | ` +
    `${Object.entries(m.statuses).map(([k, v]) => `${k}×${v}`).join(', ')} |`);
  row(`Finance: budget execution report, whole province, ${year} (in progress, ${rows[year]} rows), sequential`, current);
  row(`Finance: budget execution report, whole province, ${year - 1} (closed, ${rows[year - 1]} rows), sequential`, closed);
  row(`Finance: tranche requests against the province's ${open.length} allocations with room in ${year}, concurrent`, tranches);
  row('Finance: reconciliation of the whole ledger (after the requests), sequential', reconciliation);
  if (!recon.balanced) process.exitCode = 1;
}
