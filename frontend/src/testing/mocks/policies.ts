// The policy register of the in-memory stand-in backend (kept beside db.ts so each test starts from the same data).
import { http, HttpResponse } from 'msw';
import { db, type MockDb } from './db';
import { matchesSearch } from '@/lib/text/normalize';

export interface MockPolicyAttachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: string | null;
  content: Uint8Array;
}

export interface MockPolicy {
  id: string;
  unitId: string;
  number: string;
  title: string;
  issuer: string;
  issuedOn: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  scope: string | null;
  summary: string | null;
  attachments: MockPolicyAttachment[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, traceId: 'test-trace', ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const seed: [unit: string, number: string, title: string, issuedOn: string, from: string, to: string | null][] = [
  ['HY', '405/KH-LĐLĐ', 'Kế hoạch thực hiện Nghị quyết 57 về khoa học, công nghệ và đổi mới sáng tạo', '2025-03-10', '2025-03-10', null],
  ['HY', '112/QĐ-LĐLĐ', 'Quy định khen thưởng sáng kiến của công nhân, viên chức, lao động', '2024-06-01', '2024-07-01', null],
  ['HY', '58/HD-LĐLĐ', 'Hướng dẫn hỗ trợ đoàn viên tham gia nghiên cứu khoa học', '2022-01-15', '2022-02-01', '2023-12-31'],
  ['VANLAM', '21/KH-LĐLĐ', 'Kế hoạch phong trào lao động sáng tạo huyện Văn Lâm', '2025-02-20', '2025-03-01', null],
];

const stores = new WeakMap<MockDb, MockPolicy[]>();

/** The register of the current test's data set; a fresh `db.current` starts a fresh register. */
export function mockPolicies(): MockPolicy[] {
  let list = stores.get(db.current);
  if (!list) {
    list = seed.map(([unit, number, title, issuedOn, from, to], i) => ({
      id: uid(401 + i),
      unitId: db.current.unitByCode(unit).id,
      number,
      title,
      issuer: unit === 'HY' ? 'LĐLĐ tỉnh Hưng Yên' : 'LĐLĐ huyện Văn Lâm',
      issuedOn,
      effectiveFrom: from,
      effectiveTo: to,
      scope: 'CNVCLĐ toàn tỉnh',
      summary: null,
      attachments: [],
      version: 1,
      createdAt: '2025-01-02T03:00:00Z',
      updatedAt: '2025-01-02T03:00:00Z',
    }));
    stores.set(db.current, list);
  }
  return list;
}

export const policyByNumber = (number: string) => mockPolicies().find((p) => p.number === number)!;

function userOf(request: Request) {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const canManage = (request: Request) => !!userOf(request)?.permissions.includes('organization.policies.manage');

const body = (p: MockPolicy) => ({ ...p, attachments: p.attachments.map(({ content: _content, ...a }) => a) });
const withEtag = (p: MockPolicy, status = 200) => HttpResponse.json(body(p), { status, headers: { ETag: `"${p.version}"` } });

function validate(input: Record<string, unknown>) {
  const errors: Record<string, string[]> = {};
  for (const f of ['number', 'title', 'issuer', 'issuedOn', 'effectiveFrom']) {
    if (!input[f] || (typeof input[f] === 'string' && !(input[f] as string).trim())) errors[f] = [`'${f}' must not be empty.`];
  }
  if (input.effectiveTo && input.effectiveFrom && String(input.effectiveTo) < String(input.effectiveFrom)) {
    errors.effectiveTo = ['Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.'];
  }
  return Object.keys(errors).length ? problem(400, { title: 'Validation failed', errors }) : null;
}

export const policyHandlers = [
  http.get('*/api/v1/organization/policies', ({ request }) => {
    if (!userOf(request)) return problem(401);
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const sort = url.searchParams.get('sort') ?? '-issuedOn';
    const q = url.searchParams.get('q') ?? '';
    const day = url.searchParams.get('effectiveOn');
    const key = sort.replace(/^-/, '') as 'issuedOn' | 'number' | 'title';
    const items = mockPolicies()
      .filter((p) => matchesSearch(`${p.number} ${p.title} ${p.issuer} ${p.summary ?? ''}`, q))
      .filter((p) => !day || (p.effectiveFrom <= day && (!p.effectiveTo || p.effectiveTo >= day)))
      .sort((a, b) => a[key].localeCompare(b[key], 'vi') * (sort.startsWith('-') ? -1 : 1))
      .map((p) => ({
        id: p.id,
        number: p.number,
        title: p.title,
        issuer: p.issuer,
        issuedOn: p.issuedOn,
        effectiveFrom: p.effectiveFrom,
        effectiveTo: p.effectiveTo,
        attachmentCount: p.attachments.length,
      }));
    return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
  }),
  http.post('*/api/v1/organization/policies', async ({ request }) => {
    if (!userOf(request)) return problem(401);
    if (!canManage(request)) return problem(403);
    const input = (await request.json()) as Record<string, unknown>;
    const invalid = validate(input);
    if (invalid) return invalid;
    const now = new Date().toISOString();
    const policy: MockPolicy = {
      id: crypto.randomUUID(),
      unitId: String(input.unitId),
      number: String(input.number),
      title: String(input.title),
      issuer: String(input.issuer),
      issuedOn: String(input.issuedOn),
      effectiveFrom: String(input.effectiveFrom),
      effectiveTo: (input.effectiveTo as string | null) ?? null,
      scope: (input.scope as string | null) ?? null,
      summary: (input.summary as string | null) ?? null,
      attachments: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    mockPolicies().push(policy);
    return withEtag(policy, 201);
  }),
  http.get('*/api/v1/organization/policies/:id', ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    const policy = mockPolicies().find((p) => p.id === params.id);
    return policy ? withEtag(policy) : problem(404);
  }),
  http.put('*/api/v1/organization/policies/:id', async ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    if (!canManage(request)) return problem(403);
    const policy = mockPolicies().find((p) => p.id === params.id);
    if (!policy) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${policy.version}"`) return problem(412);
    const input = (await request.json()) as Record<string, unknown>;
    const invalid = validate(input);
    if (invalid) return invalid;
    Object.assign(policy, input, { version: policy.version + 1, updatedAt: new Date().toISOString() });
    return withEtag(policy);
  }),
  http.post('*/api/v1/organization/policies/:id/attachments', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!canManage(request)) return problem(403);
    const policy = mockPolicies().find((p) => p.id === params.id);
    if (!policy) return problem(404);
    const form = await request.formData();
    const file = form.get('file');
    if (!(file instanceof File)) return problem(400, { errors: { file: ['Choose a file to attach.'] } });
    const content = new Uint8Array(await file.arrayBuffer());
    // Like the API: the type is recognised by the content (here only PDF), not by the name.
    if (new TextDecoder().decode(content.slice(0, 5)) !== '%PDF-') {
      return problem(400, { title: 'Validation failed', errors: { file: ['Tệp không đúng định dạng cho phép (PDF, DOCX, XLSX, PNG, JPEG).'] } });
    }
    policy.attachments.push({
      id: crypto.randomUUID(),
      fileName: file.name,
      contentType: 'application/pdf',
      size: content.length,
      uploadedAt: new Date().toISOString(),
      uploadedBy: user.email,
      content,
    });
    policy.version += 1;
    return withEtag(policy, 201);
  }),
  http.delete('*/api/v1/organization/policies/:id/attachments/:attachmentId', ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    if (!canManage(request)) return problem(403);
    const policy = mockPolicies().find((p) => p.id === params.id);
    const index = policy?.attachments.findIndex((a) => a.id === params.attachmentId) ?? -1;
    if (!policy || index < 0) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${policy.version}"`) return problem(412);
    policy.attachments.splice(index, 1);
    policy.version += 1;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/v1/organization/policies/:id/attachments/:attachmentId', ({ request, params }) => {
    if (!userOf(request)) return problem(401);
    const attachment = mockPolicies()
      .find((p) => p.id === params.id)
      ?.attachments.find((a) => a.id === params.attachmentId);
    if (!attachment) return problem(404);
    return new HttpResponse(attachment.content, {
      headers: { 'Content-Type': attachment.contentType, 'Content-Disposition': `attachment; filename="${attachment.fileName}"` },
    });
  }),
];
