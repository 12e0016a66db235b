// The plans of the in-memory stand-in backend: plan 405 issued by the province and its cascade over db.current's units.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb } from './db';

interface MockImplementation {
  id: string;
  unitId: string;
  status: 'Draft' | 'Issued';
  title: string;
  number: string | null;
  issuedOn: string | null;
  firstIssuedOn: string | null;
  note: string | null;
  revisionNo: number;
  revisions: { revisionNo: number; number: string; issuedOn: string; title: string; note: string | null; changedBy: string | null; changedAt: string }[];
  version: number;
  attachments?: MockImplementationFile[];
}

interface MockImplementationFile {
  id: string;
  revisionNo: number;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string | null;
}

export const PLAN_ID = '00000000-0000-4000-8000-000000000501';
const DEADLINE = '2023-09-15';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, traceId: 'test-trace', ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

const stores = new WeakMap<MockDb, Map<string, MockImplementation>>();

/** The implementation plans of the current test's data set: Văn Lâm issued on time, TPHY late, Kim Động drafting. */
export function mockImplementations(): Map<string, MockImplementation> {
  let map = stores.get(db.current);
  if (!map) {
    map = new Map();
    const issued = (code: string, number: string, on: string): MockImplementation => ({
      id: crypto.randomUUID(),
      unitId: db.current.unitByCode(code).id,
      status: 'Issued',
      title: `Kế hoạch triển khai của ${code}`,
      number,
      issuedOn: on,
      firstIssuedOn: on,
      note: null,
      revisionNo: 1,
      revisions: [{ revisionNo: 1, number, issuedOn: on, title: `Kế hoạch triển khai của ${code}`, note: null, changedBy: 'system', changedAt: `${on}T02:00:00Z` }],
      version: 2,
    });
    for (const i of [issued('VANLAM', '21/KH-LĐLĐ', '2023-09-05'), issued('TPHY', '15/KH-LĐLĐ', '2023-10-02')]) map.set(i.unitId, i);
    const draft: MockImplementation = {
      ...issued('KIMDONG', '', '2023-01-01'),
      status: 'Draft',
      number: null,
      issuedOn: null,
      firstIssuedOn: null,
      revisionNo: 0,
      revisions: [],
      version: 1,
    };
    map.set(draft.unitId, draft);
    stores.set(db.current, map);
  }
  return map;
}

function userOf(request: Request) {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const plan405 = () => ({
  id: PLAN_ID,
  unitId: db.current.unitByCode('HY').id,
  number: '405/KH-LĐLĐ',
  title: 'Kế hoạch nghiên cứu, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cấp Công đoàn giai đoạn 2023 - 2025',
  issuerName: 'Liên đoàn Lao động tỉnh Hưng Yên',
  issuedOn: '2023-08-01',
  periodFrom: 2023,
  periodTo: 2025,
  implements: 'Kế hoạch số 95/KH-UBND ngày 07/6/2023 của UBND tỉnh Hưng Yên',
  implementationDeadline: DEADLINE,
  summary: null,
  sections: [
    {
      code: 'II.1',
      title: 'Nâng cao nhận thức',
      tasks: [{ code: 'II.1.1', text: 'Tuyên truyền, quán triệt', responsibleBoard: 'Ban Tuyên giáo – Nữ công', due: 'Thường xuyên' }],
    },
    {
      code: 'II.2',
      title: 'Đổi mới tổ chức, quản lý',
      tasks: [{ code: 'II.2.1', text: 'Phân công cán bộ đầu mối', responsibleBoard: 'Ban Tổ chức', due: null }],
    },
  ],
  indicators: [{ code: 'CT05', name: 'Sáng kiến được công nhận', unitOfMeasure: 'sáng kiến', target: 1500, note: null }],
  version: 1,
  createdAt: '2025-01-02T03:00:00Z',
  updatedAt: '2025-01-02T03:00:00Z',
});

type MockPlan = ReturnType<typeof plan405>;
const planStores = new WeakMap<MockDb, Map<string, MockPlan>>();

/** The plans of the current test's data set (405/KH-LĐLĐ first); created and edited ones are kept here. */
export function mockPlans(): Map<string, MockPlan> {
  let map = planStores.get(db.current);
  if (!map) {
    map = new Map([[PLAN_ID, plan405()]]);
    planStores.set(db.current, map);
  }
  return map;
}

/** What the PUT and POST take; the validation the server does (required fields, year order) in short. */
type PlanBody = Omit<MockPlan, 'id' | 'unitId' | 'version' | 'createdAt' | 'updatedAt'> & { unitId?: string };
function invalidPlan(body: PlanBody) {
  const errors: Record<string, string[]> = {};
  if (body.periodTo < body.periodFrom) errors.periodTo = ['The last year must be on or after the first year.'];
  body.sections.forEach((s, i) =>
    s.tasks.forEach((t, j) => {
      if (!t.text.trim()) errors[`sections[${i}].tasks[${j}].text`] = ["'Text' must not be empty."];
    }),
  );
  return Object.keys(errors).length ? problem(400, { title: 'One or more validation errors occurred.', errors }) : null;
}

const statusOf = (i: MockImplementation | undefined) =>
  !i ? 'Missing' : i.status === 'Draft' ? 'Draft' : i.firstIssuedOn! <= DEADLINE ? 'IssuedOnTime' : 'IssuedLate';

const detail = (i: MockImplementation) => ({
  ...i,
  planId: PLAN_ID,
  planNumber: '405/KH-LĐLĐ',
  implementationDeadline: DEADLINE,
  unitName: db.current.units.find((u) => u.id === i.unitId)!.name,
  compliance: statusOf(i),
  attachments: i.attachments ?? [],
  createdAt: '2025-01-02T03:00:00Z',
  updatedAt: '2025-01-02T03:00:00Z',
});
const withEtag = (i: MockImplementation, status = 200) => HttpResponse.json(detail(i), { status, headers: { ETag: `"${i.version}"` } });

export const planHandlers: HttpHandler[] = [
  http.get('*/api/v1/organization/plans', ({ request }) => {
    if (!userOf(request)) return problem(401);
    const items = [...mockPlans().values()]
      .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
      .map((p) => ({
        id: p.id,
        unitId: p.unitId,
        number: p.number,
        title: p.title,
        issuerName: p.issuerName,
        issuedOn: p.issuedOn,
        periodFrom: p.periodFrom,
        periodTo: p.periodTo,
        implementationDeadline: p.implementationDeadline,
      }));
    return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
  }),
  http.get('*/api/v1/organization/plans/:id', ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    const found = mockPlans().get(String(params.id));
    return found ? HttpResponse.json(found, { headers: { ETag: `"${found.version}"` } }) : problem(404);
  }),
  http.post('*/api/v1/organization/plans', async ({ request }) => {
    if (!userOf(request)?.permissions.includes('organization.plans.manage')) return problem(403);
    const body = (await request.json()) as PlanBody;
    const invalid = invalidPlan(body);
    if (invalid) return invalid;
    const now = new Date().toISOString();
    const created: MockPlan = { ...plan405(), ...body, unitId: body.unitId!, id: crypto.randomUUID(), version: 1, createdAt: now, updatedAt: now };
    mockPlans().set(created.id, created);
    return HttpResponse.json(created, { status: 201, headers: { ETag: '"1"', Location: `/api/v1/organization/plans/${created.id}` } });
  }),
  http.put('*/api/v1/organization/plans/:id', async ({ request, params }) => {
    if (!userOf(request)?.permissions.includes('organization.plans.manage')) return problem(403);
    const found = mockPlans().get(String(params.id));
    if (!found) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${found.version}"`) return problem(412, { title: 'Precondition failed' });
    const body = (await request.json()) as PlanBody;
    const invalid = invalidPlan(body);
    if (invalid) return invalid;
    const saved: MockPlan = { ...found, ...body, unitId: found.unitId, version: found.version + 1, updatedAt: new Date().toISOString() };
    mockPlans().set(saved.id, saved);
    return HttpResponse.json(saved, { headers: { ETag: `"${saved.version}"` } });
  }),
  http.get('*/api/v1/organization/plans/:id/compliance', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const within = url.searchParams.get('within');
    const wanted = url.searchParams.get('status');
    const scope = db.current.subtree(db.current.unitByCode(user.unitCode).id);
    const inside = within ? db.current.subtree(within) : scope;
    const root = db.current.unitByCode('HY').id;
    const rows = db.current.units
      .filter((u) => u.id !== root && scope.has(u.id) && inside.has(u.id))
      .map((u) => {
        const i = mockImplementations().get(u.id);
        return {
          unitId: u.id,
          unitCode: u.code,
          unitName: u.name,
          kind: u.kind,
          depth: u.parentId === root ? 1 : 2,
          parentId: u.parentId,
          parentName: db.current.units.find((p) => p.id === u.parentId)?.name ?? null,
          status: statusOf(i),
          implementationPlanId: i?.id ?? null,
          number: i?.number ?? null,
          issuedOn: i?.issuedOn ?? null,
          firstIssuedOn: i?.firstIssuedOn ?? null,
        };
      });
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    const items = wanted ? rows.filter((r) => r.status === wanted) : rows;
    return HttpResponse.json({
      planId: PLAN_ID,
      implementationDeadline: DEADLINE,
      totals: { expected: rows.length, issuedOnTime: count('IssuedOnTime'), issuedLate: count('IssuedLate'), draft: count('Draft'), missing: count('Missing') },
      units: { items, page: 1, pageSize: 50, total: items.length },
    });
  }),
  http.get('*/api/v1/organization/plans/:id/implementations/:unitId', ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    const i = mockImplementations().get(String(params.unitId));
    return i ? withEtag(i) : problem(404);
  }),
  // The server's rules in short: 404 for a file not there, 412 for a stale tag, 409 for a file of an earlier issue.
  http.delete('*/api/v1/organization/plans/:id/implementations/:unitId/attachments/:attachmentId', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!user.permissions.includes('organization.plans.manage')) return problem(403);
    const i = mockImplementations().get(String(params.unitId));
    const file = i?.attachments?.find((a) => a.id === params.attachmentId);
    if (!i || !file) return problem(404, { title: 'Không tìm thấy tệp đính kèm.' });
    if (request.headers.get('If-Match') !== `"${i.version}"`) return problem(412);
    if (file.revisionNo !== i.revisionNo)
      return problem(409, {
        code: 'implementation_file_of_earlier_revision',
        detail: `Tệp thuộc lần ban hành ${file.revisionNo} trước đây của kế hoạch: tệp được giữ lại trong hồ sơ của lần đó.`,
      });
    i.attachments = i.attachments!.filter((a) => a !== file);
    i.version += 1;
    return new HttpResponse(null, { status: 204 });
  }),
  http.post('*/api/v1/organization/plans/:id/implementations', async ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!user.permissions.includes('organization.plans.manage')) return problem(403);
    const input = (await request.json()) as { unitId: string; title: string; note?: string | null };
    if (mockImplementations().has(input.unitId)) return problem(409, { code: 'implementation_plan_exists' });
    const created: MockImplementation = {
      id: crypto.randomUUID(),
      unitId: input.unitId,
      status: 'Draft',
      title: input.title,
      number: null,
      issuedOn: null,
      firstIssuedOn: null,
      note: input.note ?? null,
      revisionNo: 0,
      revisions: [],
      version: 1,
    };
    mockImplementations().set(input.unitId, created);
    return withEtag(created, 201);
  }),
  http.post('*/api/v1/organization/plans/:id/implementations/:unitId/:action', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const i = mockImplementations().get(String(params.unitId));
    if (!i) return problem(404);
    const input = (await request.json()) as { number: string; issuedOn: string; note?: string | null };
    const revise = params.action === 'revise';
    if (revise ? i.status !== 'Issued' : i.status !== 'Draft')
      return problem(409, { code: revise ? 'implementation_plan_not_issued' : 'implementation_plan_not_draft', detail: 'Wrong state.' });
    if (input.issuedOn > new Date().toISOString().slice(0, 10))
      return problem(400, { errors: { issuedOn: ['Ngày ban hành không được ở tương lai.'] } });
    i.status = 'Issued';
    i.revisionNo += 1;
    i.number = input.number;
    i.issuedOn = input.issuedOn;
    i.firstIssuedOn ??= input.issuedOn;
    i.version += 1;
    i.revisions.unshift({ revisionNo: i.revisionNo, number: input.number, issuedOn: input.issuedOn, title: i.title, note: input.note ?? null, changedBy: user.email, changedAt: new Date().toISOString() });
    return withEtag(i);
  }),
];
