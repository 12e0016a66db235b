// Member and worker counts of the units in the in-memory stand-in backend (per test data set).
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb, type MockUser } from './db';
import { problem } from './handlers';
import { unitState } from './unit-history';

export interface MockHeadcount {
  unitId: string;
  asOf: string;
  members: number;
  workers: number;
  note: string | null;
}

/** The grassroots unions of Văn Lâm have figures at the end of 2023 and 2024; Mỹ Hào's one only at the end of 2024. */
const seed: [code: string, asOf: string, members: number, workers: number][] = [
  ['VL-01', '2023-12-31', 1020, 1180],
  ['VL-01', '2024-12-31', 1150, 1260],
  ['VL-02', '2023-12-31', 38, 42],
  ['VL-02', '2024-12-31', 40, 45],
  ['MH-01', '2024-12-31', 1150, 1300],
];

const stores = new WeakMap<MockDb, MockHeadcount[]>();

export function mockHeadcounts(): MockHeadcount[] {
  let list = stores.get(db.current);
  if (!list) {
    list = seed.map(([code, asOf, members, workers]) => ({ unitId: db.current.unitByCode(code).id, asOf, members, workers, note: null }));
    stores.set(db.current, list);
  }
  return list;
}

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const inScope = (user: MockUser, unitId: string) => db.current.subtree(db.current.unitByCode(user.unitCode).id).has(unitId);

/** The latest record of the unit on or before the day (ISO dates compare as strings). */
const latest = (unitId: string, day: string) =>
  mockHeadcounts()
    .filter((h) => h.unitId === unitId && h.asOf <= day)
    .sort((a, b) => b.asOf.localeCompare(a.asOf))[0];

const today = () => new Date().toISOString().slice(0, 10);
const view = ({ asOf, members, workers, note }: MockHeadcount) => ({ asOf, members, workers, note });

/** The same rules as the server, with its codes and fields, so the SPA's mapping can be tested. */
function refusal(asOf: string, members: number, workers: number) {
  const rule = (code: string, field: string, detail: string) => problem(409, { code, detail, errors: { [field]: [detail] } });
  if (asOf > today()) return rule('as_of_in_future', 'asOf', 'The figures cannot be recorded for a day that has not come yet.');
  if (asOf < '2000-01-01') return rule('as_of_too_early', 'asOf', 'The figures cannot be recorded for a day before 01/01/2000.');
  if (members < 0) return rule('negative_count', 'members', 'The number of members cannot be negative.');
  if (workers < 0) return rule('negative_count', 'workers', 'The number of workers cannot be negative.');
  if (members > workers) return rule('members_above_workers', 'members', 'Union members are among the workers: they cannot outnumber them.');
  return null;
}

export const unitHeadcountHandlers: HttpHandler[] = [
  // The unit detail read as of a day carries the figures of that day; without asOf the general handler answers.
  http.get('*/api/v1/organization/units/:id', ({ request, params }) => {
    const asOf = new URL(request.url).searchParams.get('asOf');
    if (!asOf) return undefined;
    const user = userOf(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!inScope(user, id)) return problem(404);
    const unit = db.current.units.find((u) => u.id === id)!;
    const parentName = db.current.units.find((u) => u.id === unit.parentId)?.name ?? null;
    const record = latest(id, asOf);
    return HttpResponse.json(
      { ...unit, ...unitState(id), parentName, headcount: record ? { asOf: record.asOf, members: record.members, workers: record.workers } : null },
      { headers: { ETag: `"${unit.version}"` } },
    );
  }),
  http.get('*/api/v1/organization/units/:id/headcounts', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!inScope(user, id)) return problem(404);
    return HttpResponse.json(
      mockHeadcounts()
        .filter((h) => h.unitId === id)
        .sort((a, b) => b.asOf.localeCompare(a.asOf))
        .map(view),
    );
  }),
  http.get('*/api/v1/organization/units/:id/headcounts/total', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!inScope(user, id)) return problem(404);
    const day = new URL(request.url).searchParams.get('asOf') ?? today();
    const units = [...db.current.subtree(id)];
    const records = units.map((u) => latest(u, day)).filter((h) => h !== undefined);
    const grassroots = units.filter((u) => db.current.units.find((x) => x.id === u)?.kind === 'Grassroots');
    return HttpResponse.json({
      unitId: id,
      asOf: day,
      members: records.reduce((s, h) => s + h.members, 0),
      workers: records.reduce((s, h) => s + h.workers, 0),
      unitsCounted: records.length,
      unitsWithoutRecord: grassroots.filter((u) => !latest(u, day)).length,
    });
  }),
  http.put('*/api/v1/organization/units/:id/headcounts/:asOf', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const id = String(params.id);
    const asOf = String(params.asOf);
    if (!inScope(user, id)) return problem(404);
    if (!user.permissions.includes('organization.labour.manage')) return problem(403);
    const body = (await request.json()) as { members: number; workers: number; note?: string | null };
    const refused = refusal(asOf, body.members, body.workers);
    if (refused) return refused;
    const list = mockHeadcounts();
    const existing = list.find((h) => h.unitId === id && h.asOf === asOf);
    const record = { unitId: id, asOf, members: body.members, workers: body.workers, note: body.note ?? null };
    if (existing) Object.assign(existing, record);
    else list.push(record);
    return HttpResponse.json(view(record));
  }),
];
