// Annual reports and in-app notifications of the in-memory stand-in backend (kept beside db.ts so each test starts
// from the same data). Just enough of the API's rules for the screens' tests.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb, type MockUser } from './db';
import { matchesSearch } from '@/lib/text/normalize';

type Kind = 'Number' | 'Text' | 'YesNo';
type State = 'NotStarted' | 'Draft' | 'Submitted' | 'Returned' | 'Accepted';

export interface MockIndicator {
  code: string;
  name: string;
  section: string;
  kind: Kind;
  measure: string | null;
  source: string | null;
}

export interface MockPeriod {
  id: string;
  unitId: string;
  year: number;
  title: string;
  deadline: string;
  indicators: MockIndicator[];
  version: number;
}

export interface MockReport {
  id: string;
  periodId: string;
  unitId: string;
  state: Exclude<State, 'NotStarted'>;
  late: boolean;
  values: Record<string, { number: number | null; text: string | null }>;
  submittedAt: string | null;
  submittedBy: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  events: { at: string; actor: string; action: string; comment: string | null }[];
  version: number;
}

export interface MockNotification {
  id: string;
  kind: string;
  text: string;
  link: string | null;
  params: Record<string, string> | null;
  createdAtUtc: string;
  read: boolean;
}

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, traceId: 'test-trace', ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const TEMPLATE: MockIndicator[] = [
  { code: 'focal_official', name: 'Có cán bộ đầu mối đang hoạt động', section: 'Tổ chức thực hiện', kind: 'YesNo', measure: 'đơn vị', source: 'organization.focal-official' },
  { code: 'campaigns', name: 'Số cuộc tuyên truyền về KH,CN&ĐMST', section: 'Tuyên truyền', kind: 'Number', measure: 'cuộc', source: null },
  { code: 'funding', name: 'Kinh phí cho hoạt động KH,CN&ĐMST', section: 'Kinh phí', kind: 'Number', measure: 'VND', source: null },
  { code: 'highlights', name: 'Kết quả nổi bật', section: 'Đánh giá chung', kind: 'Text', measure: null, source: null },
];

export const PERIOD_ID = uid(501);
/** What the system knows for a unit: Văn Lâm has a focal official (1), the others not (0). */
const suggestedFor = (unitId: string, code: string) =>
  code === 'focal_official' ? (unitId === db.current.unitByCode('VANLAM').id ? 1 : 0) : null;

interface ReportStore {
  periods: MockPeriod[];
  reports: MockReport[];
  notifications: Map<string, MockNotification[]>;
  requests: { readIds: string[] };
}

const stores = new WeakMap<MockDb, ReportStore>();

/** The reports of the current test's data set; a fresh `db.current` starts fresh. */
export function mockReports(): ReportStore {
  let store = stores.get(db.current);
  if (!store) {
    const d = db.current;
    const period: MockPeriod = {
      id: PERIOD_ID,
      unitId: d.unitByCode('HY').id,
      year: 2025,
      title: 'Báo cáo kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm 2025',
      deadline: '2099-12-15',
      indicators: TEMPLATE,
      version: 1,
    };
    const old: MockPeriod = { ...period, id: uid(500), year: 2024, title: 'Báo cáo năm 2024', deadline: '2024-12-15' };
    const submitted = (n: number, code: string, late: boolean, highlights: string): MockReport => ({
      id: uid(n),
      periodId: PERIOD_ID,
      unitId: d.unitByCode(code).id,
      state: 'Submitted',
      late,
      values: { focal_official: { number: 0, text: null }, campaigns: { number: 4, text: null }, funding: { number: 15_000_000, text: null }, highlights: { number: null, text: highlights } },
      submittedAt: '2025-12-01T03:00:00Z',
      submittedBy: `canbo.${code.toLowerCase()}@hungyen.demo`,
      reviewedAt: null,
      reviewedBy: null,
      reviewComment: null,
      events: [{ at: '2025-12-01T03:00:00Z', actor: `canbo.${code.toLowerCase()}@hungyen.demo`, action: 'submitted', comment: null }],
      version: 3,
    });
    store = {
      periods: [period, old],
      reports: [
        submitted(601, 'MYHAO', false, 'Phát động phong trào Lao động sáng tạo tại 5 doanh nghiệp'),
        submitted(602, 'VL-01', true, 'Thiếu kinh phí tổ chức hội thảo về đổi mới sáng tạo'),
      ],
      notifications: new Map(),
      requests: { readIds: [] },
    };
    stores.set(db.current, store);
  }
  return store;
}

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const scopeOf = (user: MockUser) => db.current.subtree(db.current.unitByCode(user.unitCode).id);
const can = (user: MockUser, permission: string) => user.permissions.includes(permission);
const unitOf = (id: string) => db.current.units.find((u) => u.id === id);

function view(period: MockPeriod, unitId: string, user: MockUser) {
  const unit = unitOf(unitId)!;
  const report = mockReports().reports.find((r) => r.periodId === period.id && r.unitId === unitId);
  const editable = !report || report.state === 'Draft' || report.state === 'Returned';
  return {
    id: report?.id ?? null,
    periodId: period.id,
    year: period.year,
    periodTitle: period.title,
    deadline: period.deadline,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    state: report?.state ?? 'NotStarted',
    late: report?.late ?? false,
    submittedAt: report?.submittedAt ?? null,
    submittedBy: report?.submittedBy ?? null,
    reviewedAt: report?.reviewedAt ?? null,
    reviewedBy: report?.reviewedBy ?? null,
    reviewComment: report?.reviewComment ?? null,
    values: period.indicators.map((i) => {
      const suggested = suggestedFor(unitId, i.code);
      const stored = report?.values[i.code];
      return {
        ...i,
        number: report ? (stored?.number ?? null) : i.kind !== 'Text' ? suggested : null,
        text: stored?.text ?? null,
        suggested,
        sourceDescription: i.source ? 'Có nếu đơn vị có cán bộ đầu mối đang hoạt động, theo danh sách phân công cán bộ đầu mối.' : null,
      };
    }),
    events: report?.events ?? [],
    canEdit: editable && can(user, 'organization.reports.submit') && scopeOf(user).has(unitId),
    canReview:
      report?.state === 'Submitted' && can(user, 'organization.reports.review') && !!unit.parentId && scopeOf(user).has(unit.parentId),
    version: report?.version ?? 0,
  };
}

const json = (body: ReturnType<typeof view>, status = 200) =>
  HttpResponse.json(body, { status, headers: body.id ? { ETag: `"${body.version}"` } : {} });

/** Units reporting in the period within a subtree (the period's own unit does not report to itself). */
function rowsWithin(period: MockPeriod, withinId: string) {
  const subtree = db.current.subtree(withinId);
  return db.current.units
    .filter((u) => subtree.has(u.id) && u.id !== period.unitId)
    .map((u) => {
      const report = mockReports().reports.find((r) => r.periodId === period.id && r.unitId === u.id);
      const submitted = !!report && report.state !== 'Draft';
      return { unit: u, report, state: (report?.state ?? 'NotStarted') as State, late: report?.late ?? false, submitted };
    });
}

type Row = ReturnType<typeof rowsWithin>[number];

const counts = (rows: Row[]) => ({
  expected: rows.length,
  onTime: rows.filter((r) => r.submitted && !r.late).length,
  late: rows.filter((r) => r.submitted && r.late).length,
  notSubmitted: rows.filter((r) => !r.submitted).length,
  accepted: rows.filter((r) => r.state === 'Accepted').length,
  awaitingReview: rows.filter((r) => r.state === 'Submitted').length,
  returned: rows.filter((r) => r.state === 'Returned').length,
});

const totals = (period: MockPeriod, rows: Row[]) =>
  Object.fromEntries(
    period.indicators
      .filter((i) => i.kind !== 'Text')
      .map((i) => [
        i.code,
        rows
          .filter((r) => r.state === 'Submitted' || r.state === 'Accepted')
          .reduce((sum, r) => sum + (r.report?.values[i.code]?.number ?? 0), 0),
      ]),
  );

function synthesis(period: MockPeriod, withinId: string) {
  const within = unitOf(withinId)!;
  const rows = rowsWithin(period, withinId);
  const all = totals(period, rows);
  const counted = rows.filter((r) => r.state === 'Submitted' || r.state === 'Accepted');
  const childOf = (unitId: string): string => {
    let current = unitOf(unitId)!;
    while (current.parentId && current.parentId !== withinId) current = unitOf(current.parentId)!;
    return current.id;
  };
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.unit.id === withinId ? withinId : childOf(row.unit.id);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const byUnit = [...groups.entries()]
    .map(([id, group]) => ({ key: unitOf(id)!.code, name: unitOf(id)!.name, unitId: id, submissions: counts(group), totals: totals(period, group) }))
    .sort((a, b) => (a.unitId === withinId ? -1 : b.unitId === withinId ? 1 : a.name.localeCompare(b.name, 'vi')));
  const kinds = [...new Set(rows.map((r) => r.unit.kind))];
  return {
    periodId: period.id,
    year: period.year,
    periodTitle: period.title,
    deadline: period.deadline,
    within: { id: within.id, code: within.code, name: within.name, kind: within.kind, parentId: within.parentId },
    submissions: counts(rows),
    indicators: period.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      section: i.section,
      kind: i.kind,
      measure: i.measure,
      total: all[i.code] ?? 0,
      reports: counted.filter((r) => i.kind === 'Text' || r.report?.values[i.code]?.number != null).length,
    })),
    byUnit,
    byKind: kinds.map((k) => {
      const group = rows.filter((r) => r.unit.kind === k);
      return { key: k, name: k, unitId: null, submissions: counts(group), totals: totals(period, group) };
    }),
  };
}

/** Everyone's notifications start with a due-soon reminder (unread) and an older note of a kind the SPA does not know (read). */
export function mockNotifications(email: string): MockNotification[] {
  const store = mockReports();
  let list = store.notifications.get(email);
  if (!list) {
    const vanLam = db.current.unitByCode('VANLAM');
    list = [
      {
        id: uid(701),
        kind: 'report.due-soon',
        text: 'Báo cáo năm 2025 của Liên đoàn Lao động huyện Văn Lâm chưa được nộp; hạn nộp 15/12/2099.',
        link: `/organization/reports/${PERIOD_ID}/units/${vanLam.id}`,
        params: { year: '2025', unit: vanLam.name, deadline: '15/12/2099' },
        createdAtUtc: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        read: false,
      },
      {
        id: uid(702),
        kind: 'platform.something-new',
        text: 'Một thông báo kiểu mới.',
        link: null,
        params: null,
        createdAtUtc: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        read: true,
      },
    ];
    store.notifications.set(email, list);
  }
  return list;
}

const base = '*/api/v1/organization/reports';

function findPeriod(id: unknown) {
  return mockReports().periods.find((p) => p.id === id);
}

function reportingUnit(user: MockUser, period: MockPeriod, unitId: string) {
  const unit = unitOf(unitId);
  if (!unit || unit.id === period.unitId || !db.current.subtree(period.unitId).has(unit.id) || !scopeOf(user).has(unit.id)) return null;
  return unit;
}

/** Once a unit has submitted against the template, its codes, kinds and order are fixed (the API's rule). */
const templateLocked = (period: MockPeriod) => mockReports().reports.some((r) => r.periodId === period.id && r.submittedAt !== null);

const periodResponse = (period: MockPeriod) =>
  HttpResponse.json(
    { ...period, unitName: unitOf(period.unitId)?.name ?? '', templateLocked: templateLocked(period), createdAt: '', updatedAt: '' },
    { headers: { ETag: `"${period.version}"` } },
  );

export const reportHandlers: HttpHandler[] = [
  http.get(`${base}/periods`, ({ request }) => {
    if (!userOf(request)) return problem(401);
    const items = [...mockReports().periods]
      .sort((a, b) => b.year - a.year)
      .map(({ indicators, version: _v, ...p }) => ({ ...p, indicatorCount: indicators.length }));
    return HttpResponse.json({ items, page: 1, pageSize: 50, total: items.length });
  }),
  http.get(`${base}/catalogue`, ({ request }) => {
    if (!userOf(request)) return problem(401);
    return HttpResponse.json({
      sources: [
        { key: 'organization.focal-official', description: '1 when the unit has an active focal official.' },
        { key: 'organization.officials', description: 'The number of union officials.' },
      ],
      defaultTemplate: TEMPLATE,
    });
  }),
  http.post(`${base}/periods`, async ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!can(user, 'organization.reports.manage')) return problem(403);
    const body = (await request.json()) as { unitId: string; year: number; title: string; deadline: string; indicators?: MockIndicator[] | null };
    if (mockReports().periods.some((p) => p.unitId === body.unitId && p.year === body.year)) {
      return problem(409, { code: 'period_exists', errors: { year: [`A period for ${body.year} already exists.`] } });
    }
    const period: MockPeriod = {
      id: crypto.randomUUID(),
      unitId: body.unitId,
      year: body.year,
      title: body.title,
      deadline: body.deadline,
      indicators: body.indicators ?? TEMPLATE,
      version: 1,
    };
    mockReports().periods.push(period);
    return HttpResponse.json({ ...period, unitName: unitOf(period.unitId)?.name ?? '', templateLocked: false, createdAt: '', updatedAt: '' }, { status: 201 });
  }),
  http.get(`${base}/periods/:id`, ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    const period = findPeriod(params.id);
    if (!period) return problem(404);
    return periodResponse(period);
  }),
  http.put(`${base}/periods/:id`, async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!can(user, 'organization.reports.manage')) return problem(403);
    const period = findPeriod(params.id);
    if (!period) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${period.version}"`) return problem(412, { title: 'Precondition failed' });
    const body = (await request.json()) as { title: string; deadline: string; indicators?: MockIndicator[] | null };
    if (Number(body.deadline.slice(0, 4)) < period.year) {
      return problem(409, { code: 'deadline_before_year', errors: { deadline: [`Choose a date in ${period.year} or later.`] } });
    }
    const same = (a: MockIndicator[], b: MockIndicator[]) => a.length === b.length && a.every((x, i) => x.code === b[i]!.code && x.kind === b[i]!.kind);
    if (body.indicators && templateLocked(period) && !same(body.indicators, period.indicators)) {
      return problem(409, { code: 'template_in_use', detail: 'Reports have already been submitted against this template; its indicators can no longer change.' });
    }
    Object.assign(period, { title: body.title, deadline: body.deadline, indicators: body.indicators ?? period.indicators, version: period.version + 1 });
    return periodResponse(period);
  }),
  http.get(`${base}/periods/:periodId/units/:unitId`, ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const period = findPeriod(params.periodId);
    if (!period || !reportingUnit(user, period, String(params.unitId))) return problem(404);
    return json(view(period, String(params.unitId), user));
  }),
  http.put(`${base}/periods/:periodId/units/:unitId`, async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const period = findPeriod(params.periodId);
    const unitId = String(params.unitId);
    if (!period || !reportingUnit(user, period, unitId)) return problem(404);
    if (!can(user, 'organization.reports.submit')) return problem(403);
    const store = mockReports();
    let report = store.reports.find((r) => r.periodId === period.id && r.unitId === unitId);
    if (report) {
      const ifMatch = request.headers.get('If-Match');
      if (!ifMatch) return problem(428);
      if (ifMatch !== `"${report.version}"`) return problem(412, { title: 'Precondition failed' });
      if (report.state === 'Submitted' || report.state === 'Accepted') return problem(409, { code: 'report_not_editable' });
    }
    const body = (await request.json()) as { values: { code: string; number?: number | null; text?: string | null }[] };
    const errors: Record<string, string[]> = {};
    body.values.forEach((v, i) => {
      const indicator = period.indicators.find((x) => x.code === v.code);
      if (!indicator) errors[`values[${i}].code`] = [`'${v.code}' is not an indicator of this period.`];
      else if (v.number != null && v.number < 0) errors[`values[${i}].number`] = ["'Number' must be between 0 and 1000000000000000."];
    });
    if (Object.keys(errors).length) return problem(400, { title: 'Validation failed', errors });
    if (!report) {
      report = {
        id: crypto.randomUUID(),
        periodId: period.id,
        unitId,
        state: 'Draft',
        late: false,
        values: {},
        submittedAt: null,
        submittedBy: null,
        reviewedAt: null,
        reviewedBy: null,
        reviewComment: null,
        events: [],
        version: 0,
      };
      store.reports.push(report);
    }
    for (const v of body.values) report.values[v.code] = { number: v.number ?? null, text: v.text ?? null };
    report.version += 1;
    return json(view(period, unitId, user));
  }),
  http.post(`${base}/:id/submit`, ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const report = mockReports().reports.find((r) => r.id === params.id);
    if (!report) return problem(404);
    const period = findPeriod(report.periodId)!;
    const missing = period.indicators.filter((i) => i.kind !== 'Text' && report.values[i.code]?.number == null);
    if (missing.length) {
      return problem(409, {
        code: 'report_incomplete',
        detail: 'Fill in every number indicator (0 when there is nothing to report) before submitting.',
        errors: Object.fromEntries(missing.map((i) => [i.code, [`'${i.name}' is empty.`]])),
      });
    }
    Object.assign(report, { state: 'Submitted', submittedAt: new Date().toISOString(), submittedBy: user.email, version: report.version + 1 });
    report.events.push({ at: new Date().toISOString(), actor: user.email, action: 'submitted', comment: null });
    return json(view(period, report.unitId, user));
  }),
  http.post(`${base}/:id/return`, async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const report = mockReports().reports.find((r) => r.id === params.id);
    if (!report) return problem(404);
    const { comment } = (await request.json()) as { comment: string };
    if (!comment?.trim()) return problem(400, { errors: { comment: ["'Comment' must not be empty."] } });
    Object.assign(report, { state: 'Returned', reviewComment: comment, reviewedBy: user.email, reviewedAt: new Date().toISOString(), version: report.version + 1 });
    report.events.push({ at: new Date().toISOString(), actor: user.email, action: 'returned', comment });
    return json(view(findPeriod(report.periodId)!, report.unitId, user));
  }),
  http.post(`${base}/:id/accept`, async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const report = mockReports().reports.find((r) => r.id === params.id);
    if (!report) return problem(404);
    const { comment } = (await request.json()) as { comment?: string | null };
    Object.assign(report, { state: 'Accepted', reviewComment: comment ?? null, reviewedBy: user.email, reviewedAt: new Date().toISOString(), version: report.version + 1 });
    report.events.push({ at: new Date().toISOString(), actor: user.email, action: 'accepted', comment: comment ?? null });
    return json(view(findPeriod(report.periodId)!, report.unitId, user));
  }),
  http.get(`${base}/periods/:periodId/synthesis`, ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const period = findPeriod(params.periodId);
    if (!period) return problem(404);
    const within = new URL(request.url).searchParams.get('within') ?? period.unitId;
    if (!scopeOf(user).has(within) && within !== period.unitId) return problem(404);
    return HttpResponse.json(synthesis(period, within));
  }),
  http.get(`${base}/periods/:periodId/submissions`, ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const period = findPeriod(params.periodId);
    if (!period) return problem(404);
    const url = new URL(request.url);
    const within = url.searchParams.get('within') ?? period.unitId;
    const state = url.searchParams.get('state');
    const timeliness = url.searchParams.get('timeliness');
    const q = url.searchParams.get('q') ?? '';
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const rows = rowsWithin(period, within)
      .filter((r) => !state || r.state === state)
      .filter((r) =>
        timeliness === 'onTime' ? r.submitted && !r.late : timeliness === 'late' ? r.submitted && r.late : timeliness === 'missing' ? !r.submitted : true,
      )
      .filter((r) => matchesSearch(`${r.unit.code} ${r.unit.name}`, q))
      .map((r) => ({
        unitId: r.unit.id,
        code: r.unit.code,
        name: r.unit.name,
        kind: r.unit.kind,
        parentName: unitOf(r.unit.parentId ?? '')?.name ?? null,
        active: true,
        state: r.state,
        late: r.late,
        submittedAt: r.report?.submittedAt ?? null,
        reportId: r.report?.id ?? null,
      }));
    return HttpResponse.json({ items: rows.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: rows.length });
  }),
  http.get(`${base}/periods/:periodId/synthesis/answers/:indicator`, ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const period = findPeriod(params.periodId);
    const indicator = period?.indicators.find((i) => i.code === params.indicator && i.kind === 'Text');
    if (!period || !indicator) return problem(404);
    const url = new URL(request.url);
    const within = url.searchParams.get('within') ?? period.unitId;
    if (!scopeOf(user).has(within) && within !== period.unitId) return problem(404);
    const q = url.searchParams.get('q') ?? '';
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const rows = rowsWithin(period, within)
      .filter((r) => (r.state === 'Submitted' || r.state === 'Accepted') && r.report?.values[indicator.code]?.text)
      .map((r) => ({
        unitId: r.unit.id,
        code: r.unit.code,
        name: r.unit.name,
        kind: r.unit.kind,
        parentName: unitOf(r.unit.parentId ?? '')?.name ?? null,
        state: r.state,
        late: r.late,
        submittedAt: r.report?.submittedAt ?? null,
        reportId: r.report!.id,
        text: r.report!.values[indicator.code]!.text!,
      }))
      .filter((a) => matchesSearch(`${a.code} ${a.name} ${a.text}`, q));
    return HttpResponse.json({ items: rows.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: rows.length });
  }),
  http.get(`${base}/periods/:periodId/synthesis.xlsx`, ({ request }) => {
    if (!userOf(request)) return problem(401);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': "attachment; filename=synthesis.xlsx; filename*=UTF-8''tong-hop-2025.xlsx",
      },
    });
  }),
  http.get(`${base}/periods/:periodId/synthesis.docx`, ({ request }) => {
    if (!userOf(request)) return problem(401);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': "attachment; filename=synthesis.docx; filename*=UTF-8''bao-cao-2025.docx",
      },
    });
  }),
  http.get('*/api/v1/me/notifications', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const unreadOnly = url.searchParams.get('unreadOnly') === 'true';
    const all = mockNotifications(user.email);
    const items = unreadOnly ? all.filter((n) => !n.read) : all;
    return HttpResponse.json({ items, unreadCount: all.filter((n) => !n.read).length, total: items.length, page: 1, pageSize: 20 });
  }),
  http.post('*/api/v1/me/notifications/:id/read', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const notification = mockNotifications(user.email).find((n) => n.id === params.id);
    if (!notification) return problem(404);
    notification.read = true;
    mockReports().requests.readIds.push(notification.id);
    return new HttpResponse(null, { status: 204 });
  }),
];
