// The emulation rows of `make perf` (issue #13), on the province-scale year `make seed-scale` adds (Seed:ScaleEmulation):
// the province's movement of the last closed year, ~130 clusters of the grassroots unions, ~1,900 registrations
// self-scored and reviewed, the year closed, ~400 commendations of the top ranks decided by the province.
// Called by run.mjs (PERF_ONLY=participation and the full run) with its helpers; returns rows [name, measurement, target p95].

/**
 * @param {{ login: (email: string) => Promise<string>, get: (token: string, path: string) => Promise<any>,
 *   measure: (token: string, items: string[], o: { total: number, concurrency: number }) => Promise<any> }} h
 */
export async function emulationRows({ login, get, measure }) {
  // The Policy-Law Board runs emulation and commendations for the province (the ranking and drill-down screens).
  const board = await login('cspl@hungyen.demo');
  const movements = (await get(board, '/api/v1/participation/emulation/movements?pageSize=100')).items;
  const closed = movements.flatMap((m) => m.closedYears.map((year) => ({ m, year })));
  if (!closed.length) throw new Error('No closed emulation year: re-run `make seed-scale` (Seed:ScaleEmulation, the emulation part of the dataset).');
  // The movement of the latest closed year with the most clusters: the scale part's province-wide one.
  const latest = Math.max(...closed.map((c) => c.year));
  let pick = null;
  for (const { m } of closed.filter((c) => c.year === latest)) {
    const r = await get(board, `/api/v1/participation/emulation/movements/${m.id}/ranking?year=${latest}`);
    if (!pick || r.clusters.length > pick.ranking.clusters.length) pick = { m, ranking: r };
  }
  const { m, ranking } = pick;
  const rows = ranking.clusters.reduce((t, c) => t + c.rows.length, 0);
  if (rows < 1000) throw new Error(`Only ${rows} ranked registrations in ${latest}: re-run \`make seed-scale\` (the emulation part of the dataset).`);
  const rankingPath = `/api/v1/participation/emulation/movements/${m.id}/ranking?year=${latest}`;
  const xlsxPath = `/api/v1/participation/emulation/movements/${m.id}/ranking.xlsx?year=${latest}`;
  // The commendation indicators as the dashboard's drill-down reads them (the report indicator sources of Participation).
  const collectives = `/api/v1/dashboard/breakdown?key=participation.collectives-honoured&year=${latest}`;
  const collectivesRecords = `/api/v1/dashboard/records?key=participation.collectives-honoured&year=${latest}&page=1&pageSize=20`;
  const people = `/api/v1/dashboard/breakdown?key=participation.people-honoured&year=${latest}`;
  const honoured = (await get(board, collectives)).value;

  // Warm-up: the JIT, the SQLite page cache, the compiled queries of each path.
  await measure(board, [rankingPath], { total: 50, concurrency: 5 });
  for (const path of [xlsxPath, collectives, collectivesRecords, people]) await measure(board, [path], { total: 10, concurrency: 1 });

  const seq = { total: 30, concurrency: 1 };
  const rankingSeq = await measure(board, [rankingPath], seq);
  // PERF_EMULATION_TOTAL lowers the 3,000 of the concurrent row (each answer is ~0.5 MB of JSON: on a loaded 2-core
  // machine 3,000 of them take the better part of an hour).
  const rankingLoad = await measure(board, [rankingPath], { total: Number(process.env.PERF_EMULATION_TOTAL ?? 3000), concurrency: 50 });
  const xlsx = await measure(board, [xlsxPath], seq);
  const collectivesSeq = await measure(board, [collectives], seq);
  const recordsSeq = await measure(board, [collectivesRecords], seq);
  const peopleSeq = await measure(board, [people], seq);
  const scope = `${latest}, ${ranking.clusters.length} clusters, ${rows.toLocaleString('en')} ranked units`;
  return [
    [`Participation: emulation ranking of the province's movement (${scope}), Policy-Law Board, sequential`, rankingSeq, 300],
    [`Participation: the same ranking, 50 clients`, rankingLoad, null],
    [`Participation: the ranking as .xlsx (one sheet per cluster), sequential`, xlsx, 300],
    [`Participation: commendation indicator "collectives honoured" ${latest} by upper-level union (${honoured} in the province; dashboard drill-down), sequential`, collectivesSeq, 300],
    [`Participation: the records behind it, first page of 20, sequential`, recordsSeq, 300],
    [`Participation: commendation indicator "people honoured" ${latest} by upper-level union, sequential`, peopleSeq, 300],
  ];
}
