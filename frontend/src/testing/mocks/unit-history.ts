import { http, HttpResponse } from 'msw';
import { db, type MockDb } from './db';

/** One effective-dated version of a mock unit, as GET /units/{id}/history answers it. */
export interface MockUnitVersion {
  validFrom: string;
  validTo: string | null;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  status: 'Active' | 'Merged' | 'Dissolved';
  successorId: string | null;
}

/** Every mock unit starts with one version from 01/01/2020; the history follows the db of the current test. */
const histories = new WeakMap<MockDb, Map<string, MockUnitVersion[]>>();

export function unitVersions(unitId: string): MockUnitVersion[] {
  let byUnit = histories.get(db.current);
  if (!byUnit) histories.set(db.current, (byUnit = new Map()));
  let versions = byUnit.get(unitId);
  if (!versions) {
    const u = db.current.units.find((x) => x.id === unitId)!;
    versions = [{ validFrom: '2020-01-01', validTo: null, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId, status: 'Active', successorId: null }];
    byUnit.set(unitId, versions);
  }
  return versions;
}

/** The unit's status now (merged and dissolved units keep their row in the mock db). */
export const unitState = (unitId: string) => {
  const { status, successorId } = unitVersions(unitId).at(-1)!;
  return { status, successorId };
};

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ title: `HTTP ${status}`, status, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json' } });

const body = (id: string) => {
  const u = db.current.units.find((x) => x.id === id)!;
  return { ...u, ...unitState(id), parentName: db.current.units.find((x) => x.id === u.parentId)?.name ?? null };
};

const today = () => new Date().toISOString().slice(0, 10);

/** Applies a change from `on`: a change on the day of the last one replaces that day's version. */
function change(id: string, on: string, apply: (v: MockUnitVersion) => void) {
  const versions = unitVersions(id);
  const last = versions.at(-1)!;
  const next = { ...last, validFrom: on, validTo: null };
  apply(next);
  if (last.validFrom === on) versions[versions.length - 1] = next;
  else {
    last.validTo = on;
    versions.push(next);
  }
  const unit = db.current.units.find((u) => u.id === id)!;
  Object.assign(unit, { name: next.name, parentId: next.parentId, version: unit.version + 1 });
}

type ChangeBody = { effectiveOn?: string; name?: string; parentId?: string; successorId?: string };

const changeHandler = (op: 'rename' | 'move' | 'merge' | 'dissolve') =>
  http.post(`*/api/v1/organization/units/:id/${op}`, async ({ request, params }) => {
    if (!request.headers.get('Authorization')) return problem(401);
    const id = String(params.id);
    const unit = db.current.units.find((u) => u.id === id);
    if (!unit) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (ifMatch && ifMatch !== `"${unit.version}"`) return problem(412);
    if (unitState(id).status !== 'Active') return problem(409, { code: 'unit_inactive' });
    const input = (await request.json()) as ChangeBody;
    const on = input.effectiveOn ?? today();
    if (on < unitVersions(id).at(-1)!.validFrom)
      return problem(409, { code: 'effective_before_last_change', errors: { effectiveOn: ['Choose a later date.'] } });
    if (op === 'move' && db.current.subtree(id).has(input.parentId!))
      return problem(409, { code: 'hierarchy_cycle', errors: { parentId: ["Choose a unit outside this unit's subtree."] } });
    if (op === 'dissolve' && db.current.units.some((u) => u.parentId === id && unitState(u.id).status === 'Active'))
      return problem(409, { code: 'unit_has_children' });
    change(id, on, (v) => {
      if (op === 'rename') v.name = input.name!;
      if (op === 'move') v.parentId = input.parentId!;
      if (op === 'merge') Object.assign(v, { parentId: input.successorId, status: 'Merged', successorId: input.successorId });
      if (op === 'dissolve') v.status = 'Dissolved';
    });
    return HttpResponse.json(body(id));
  });

/** Effective-dated unit history: versions, the hierarchy as of a day, and the four structural changes. */
export const unitHistoryHandlers = [
  http.get('*/api/v1/organization/units/as-of', ({ request }) => {
    if (!request.headers.get('Authorization')) return problem(401);
    const date = new URL(request.url).searchParams.get('date') ?? today();
    const items = db.current.units.flatMap((u) => {
      const v = unitVersions(u.id).find((x) => x.validFrom <= date && (!x.validTo || x.validTo > date));
      return v && v.status === 'Active' ? [{ unitId: u.id, code: v.code, name: v.name, kind: v.kind, parentId: v.parentId, status: v.status }] : [];
    });
    return HttpResponse.json({ date, items });
  }),
  http.get('*/api/v1/organization/units/:id/history', ({ request, params }) => {
    if (!request.headers.get('Authorization')) return problem(401);
    const id = String(params.id);
    if (!db.current.units.some((u) => u.id === id)) return problem(404);
    const name = (unitId: string | null) => db.current.units.find((u) => u.id === unitId)?.name ?? null;
    return HttpResponse.json(
      [...unitVersions(id)].reverse().map((v) => ({ ...v, parentName: name(v.parentId) })),
    );
  }),
  changeHandler('rename'),
  changeHandler('move'),
  changeHandler('merge'),
  changeHandler('dissolve'),
];
