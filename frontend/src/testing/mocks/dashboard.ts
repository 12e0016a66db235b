// The plan dashboard in the in-memory stand-in backend: two indicators computed from the mock units (officials
// registered per unit, and one course per grassroots union), added up over a subtree like the API does.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockUser } from './db';
import { problem } from './handlers';

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const INDICATORS = [
  { key: 'organization.officials', name: 'Số cán bộ công đoàn của đơn vị', section: 'Tổ chức thực hiện', measure: 'người', hasRecords: false },
  { key: 'training.courses-held', name: 'Số lớp đào tạo, bồi dưỡng đã tổ chức', section: 'Đào tạo, bồi dưỡng', measure: 'lớp', hasRecords: true },
];

/** The courses behind a grassroots union's figure of a year: "Lớp <code> số n", completed on the 1st of month n. */
function coursesOf(unitId: string, year: number) {
  const unit = db.current.units.find((u) => u.id === unitId)!;
  return Array.from({ length: own('training.courses-held', unitId, year) }, (_, i) => ({
    kind: 'course',
    id: `course-${unit.code}-${year}-${i + 1}`,
    title: `Lớp ${unit.code} số ${i + 1}`,
    date: `${year}-${String(i + 1).padStart(2, '0')}-01`,
    unitId,
    unitCode: unit.code,
    unitName: unit.name,
    value: 1,
    amount: null,
    detail: null,
  }));
}

/** A unit's own figure of an indicator in a year. */
function own(key: string, unitId: string, year: number): number {
  if (key === 'organization.officials') return db.current.officials.filter((o) => o.unitId === unitId).length;
  const unit = db.current.units.find((u) => u.id === unitId)!;
  return unit.kind === 'Grassroots' ? year - 2022 : 0;
}

const sum = (key: string, rootId: string, year: number) =>
  [...db.current.subtree(rootId)].reduce((total, id) => total + own(key, id, year), 0);

/** The unit asked for (the caller's own by default), or null when it is outside the caller's scope. */
function unitOf(request: Request, user: MockUser): string | null {
  const asked = new URL(request.url).searchParams.get('unitId');
  const home = db.current.unitByCode(user.unitCode).id;
  const id = asked ?? home;
  return db.current.subtree(home).has(id) ? id : null;
}

const summary = (id: string) => {
  const u = db.current.units.find((x) => x.id === id)!;
  return { id: u.id, code: u.code, name: u.name, kind: u.kind, parentId: u.parentId };
};

export const dashboardHandlers: HttpHandler[] = [
  http.get('*/api/v1/dashboard', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const unitId = unitOf(request, user);
    if (!unitId) return problem(404);
    const year = Number(new URL(request.url).searchParams.get('year') ?? '2025');
    const years = Array.from({ length: year - 2022 }, (_, i) => 2023 + i);
    const isRoot = db.current.units.find((u) => u.id === unitId)!.parentId === null;
    return HttpResponse.json({
      unit: summary(unitId),
      year,
      years,
      plan: { id: 'plan-405', number: '405/KH-LĐLĐ', title: 'Kế hoạch 405', periodFrom: 2023, periodTo: 2025 },
      indicators: INDICATORS.map((i) => {
        const trend = years.map((y) => ({ year: y, value: sum(i.key, unitId, y) }));
        const achieved = trend.reduce((t, f) => t + f.value, 0);
        return {
          ...i,
          value: trend.at(-1)!.value,
          trend,
          target:
            isRoot && i.key === 'training.courses-held'
              ? { code: 'CT04', name: 'Lớp đào tạo', unitOfMeasure: 'lớp', target: 40, achieved, progress: achieved / 40 }
              : null,
        };
      }),
      coverage: {
        focalOfficials: { total: 4, covered: 3, share: 0.75 },
        implementationPlans: { expected: 10, issuedOnTime: 6, issuedLate: 2, draft: 1, missing: 1 },
        reports: { periodId: 'p', deadline: `${year}-12-15`, expected: 10, onTime: 7, late: 1, notSubmitted: 2 },
      },
      computedAtUtc: '2025-11-20T02:30:00Z',
      refreshing: false,
    });
  }),
  http.get('*/api/v1/dashboard/breakdown', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const unitId = unitOf(request, user);
    if (!unitId) return problem(404);
    const params = new URL(request.url).searchParams;
    const key = params.get('key')!;
    const year = Number(params.get('year') ?? '2025');
    const indicator = INDICATORS.find((i) => i.key === key);
    if (!indicator) return problem(404);
    const children = db.current.units.filter((u) => u.parentId === unitId);
    const rows = [
      { ...summary(unitId), unitId, own: true, hasChildren: false, value: own(key, unitId, year) },
      ...children.map((c) => ({
        ...summary(c.id),
        unitId: c.id,
        own: false,
        hasChildren: db.current.units.some((u) => u.parentId === c.id),
        value: sum(key, c.id, year),
      })),
    ];
    return HttpResponse.json({
      key, name: indicator.name, measure: indicator.measure, year, unit: summary(unitId), value: sum(key, unitId, year), rows, hasRecords: indicator.hasRecords,
    });
  }),
  http.get('*/api/v1/dashboard/records', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const unitId = unitOf(request, user);
    if (!unitId) return problem(404);
    const params = new URL(request.url).searchParams;
    const key = params.get('key')!;
    const year = Number(params.get('year') ?? '2025');
    const own = params.get('own') === 'true';
    const page = Number(params.get('page') ?? '1');
    const pageSize = Number(params.get('pageSize') ?? '20');
    const indicator = INDICATORS.find((i) => i.key === key);
    if (!indicator) return problem(404);
    const units = own ? [unitId] : [...db.current.subtree(unitId)];
    const all = indicator.hasRecords
      ? units.flatMap((id) => coursesOf(id, year)).sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title))
      : [];
    return HttpResponse.json({
      key, name: indicator.name, measure: indicator.measure, year, unit: summary(unitId), own, listed: indicator.hasRecords,
      value: all.reduce((t, r) => t + r.value, 0), items: all.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: all.length,
    });
  }),
  http.get('*/api/v1/dashboard.xlsx', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': "attachment; filename=dashboard.xlsx; filename*=UTF-8''bang-chi-tieu-2025-hy.xlsx",
      },
    });
  }),
];
