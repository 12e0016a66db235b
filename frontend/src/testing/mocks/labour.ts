// The labour database of the in-memory stand-in backend (per test data set, like the policy register).
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb, type MockUser } from './db';
import { problem } from './handlers';
import { matchesSearch } from '@/lib/text/normalize';

export interface MockFigures {
  year: number;
  workforce: number;
  women: number;
  unionMembers: number;
  averageMonthlyIncome: number;
  cbaSigned: boolean;
  cbaSignedOn: string | null;
  cbaExpiresOn: string | null;
  disputes: number;
  stoppages: number;
  dialogues: number;
  version: number;
}

export interface MockEnterprise {
  id: string;
  unitId: string;
  grassrootsUnitId: string | null;
  name: string;
  taxCode: string;
  ownership: string;
  sector: string;
  district: string;
  industrialZone: string | null;
  address: string | null;
  figures: MockFigures[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const figures = (year: number, workforce: number, income: number, cbaSigned = true): MockFigures => ({
  year,
  workforce,
  women: Math.round(workforce * 0.4),
  unionMembers: Math.round(workforce * 0.8),
  averageMonthlyIncome: income,
  cbaSigned,
  cbaSignedOn: cbaSigned ? `${year}-01-15` : null,
  cbaExpiresOn: cbaSigned ? `${year + 3}-01-14` : null,
  disputes: 0,
  stoppages: 0,
  dialogues: 2,
  version: 1,
});

const seed: [unit: string, name: string, taxCode: string, ownership: string, sector: string, district: string, zone: string | null][] = [
  ['VANLAM', 'Công ty TNHH Dệt may Lạc Hồng', '0900012345', 'Private', 'TextileGarment', 'Văn Lâm', 'KCN Phố Nối A'],
  ['VANLAM', 'Công ty CP Điện tử Như Quỳnh', '0900023456', 'Private', 'Electronics', 'Văn Lâm', null],
  ['MYHAO', 'Công ty TNHH Nhựa Phố Nối', '0900034567', 'Fdi', 'Manufacturing', 'Mỹ Hào', 'KCN Phố Nối A'],
];

const stores = new WeakMap<MockDb, MockEnterprise[]>();

export function mockEnterprises(): MockEnterprise[] {
  let list = stores.get(db.current);
  if (!list) {
    list = seed.map(([unit, name, taxCode, ownership, sector, district, zone], i) => ({
      id: uid(601 + i),
      unitId: db.current.unitByCode(unit).id,
      grassrootsUnitId: null,
      name,
      taxCode,
      ownership,
      sector,
      district,
      industrialZone: zone,
      address: null,
      figures: [figures(2025, 1000 + i * 500, 8_000_000 + i * 1_000_000), figures(2024, 900 + i * 500, 7_500_000, i !== 1)],
      version: 1,
      createdAt: '2025-01-02T03:00:00Z',
      updatedAt: '2025-01-02T03:00:00Z',
    }));
    stores.set(db.current, list);
  }
  return list;
}

export const enterpriseByName = (name: string) => mockEnterprises().find((e) => e.name === name)!;

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const scopeOf = (user: MockUser) => db.current.subtree(db.current.unitByCode(user.unitCode).id);
const visible = (user: MockUser) => mockEnterprises().filter((e) => scopeOf(user).has(e.unitId));
const canManage = (user: MockUser) => user.permissions.includes('organization.labour.manage');
const unitName = (id: string) => db.current.units.find((u) => u.id === id)?.name ?? '';

const detail = (e: MockEnterprise) => ({
  ...e,
  unitName: unitName(e.unitId),
  grassrootsUnitName: e.grassrootsUnitId ? unitName(e.grassrootsUnitId) : null,
  figures: [...e.figures].sort((a, b) => b.year - a.year),
});
const withEtag = (e: MockEnterprise, status = 200) => HttpResponse.json(detail(e), { status, headers: { ETag: `"${e.version}"` } });

/** The import's outcome is chosen by the file name: "invalid" in it gives the 422 with row errors. */
export const IMPORT_ROW_ERRORS = [
  { row: 3, column: 'Mã số thuế', code: 'tax_code_invalid', message: 'The tax code must be 10 digits…' },
  { row: 4, column: 'Lao động nữ', code: 'women_above_workforce', message: 'Women cannot outnumber the workforce.' },
  { row: 5, column: 'Mã CĐCS', code: 'some_new_rule', message: 'A message the SPA does not know.' },
];

export const labourHandlers: HttpHandler[] = [
  http.get('*/api/v1/organization/enterprises', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const p = (k: string) => url.searchParams.get(k);
    const page = Number(p('page') ?? 1);
    const pageSize = Number(p('pageSize') ?? 20);
    const year = Number(p('year') ?? 0);
    const within = p('within');
    const inside = within ? db.current.subtree(within) : null;
    const items = visible(user)
      .filter((e) => !inside || inside.has(e.unitId))
      .filter((e) => !p('ownership') || e.ownership === p('ownership'))
      .filter((e) => !p('sector') || e.sector === p('sector'))
      .filter((e) => !p('district') || e.district === p('district'))
      .filter((e) => !p('zone') || e.industrialZone === p('zone'))
      .filter((e) => matchesSearch(`${e.name} ${e.taxCode} ${e.address ?? ''}`, p('q') ?? ''))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((e) => ({
        id: e.id,
        name: e.name,
        taxCode: e.taxCode,
        ownership: e.ownership,
        sector: e.sector,
        district: e.district,
        industrialZone: e.industrialZone,
        unitId: e.unitId,
        unitName: unitName(e.unitId),
        grassrootsUnitId: e.grassrootsUnitId,
        figures: e.figures.find((f) => f.year === year),
      }));
    return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
  }),
  http.post('*/api/v1/organization/enterprises', async ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!canManage(user)) return problem(403);
    const input = (await request.json()) as Record<string, string | null>;
    const taken = mockEnterprises().find((e) => e.taxCode === input.taxCode);
    if (taken) return problem(409, { code: 'tax_code_taken', detail: `The tax code ${taken.taxCode} is already registered to '${taken.name}'.`, errors: { taxCode: [`Already registered to '${taken.name}'.`] } });
    const now = new Date().toISOString();
    const enterprise: MockEnterprise = {
      id: crypto.randomUUID(),
      unitId: String(input.unitId),
      grassrootsUnitId: input.grassrootsUnitId ?? null,
      name: String(input.name),
      taxCode: String(input.taxCode),
      ownership: String(input.ownership),
      sector: String(input.sector),
      district: String(input.district),
      industrialZone: input.industrialZone ?? null,
      address: input.address ?? null,
      figures: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    mockEnterprises().push(enterprise);
    return withEtag(enterprise, 201);
  }),
  http.get('*/api/v1/organization/enterprises/:id', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const enterprise = visible(user).find((e) => e.id === params.id);
    return enterprise ? withEtag(enterprise) : problem(404);
  }),
  http.put('*/api/v1/organization/enterprises/:id', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const enterprise = visible(user).find((e) => e.id === params.id);
    if (!enterprise) return problem(404);
    if (!canManage(user)) return problem(403);
    if (request.headers.get('If-Match') !== `"${enterprise.version}"`) return problem(412);
    Object.assign(enterprise, await request.json(), { version: enterprise.version + 1, updatedAt: new Date().toISOString() });
    return withEtag(enterprise);
  }),
  http.put('*/api/v1/organization/enterprises/:id/figures/:year', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const enterprise = visible(user).find((e) => e.id === params.id);
    if (!enterprise) return problem(404);
    if (!canManage(user)) return problem(403);
    const input = (await request.json()) as Omit<MockFigures, 'year' | 'version'>;
    // One server rule the form cannot know in advance, to show server errors land on their field.
    if (input.dialogues > 365) return problem(400, { errors: { dialogues: ['At most one dialogue a day.'] } });
    const year = Number(params.year);
    enterprise.figures = [...enterprise.figures.filter((f) => f.year !== year), { ...input, year, version: 1 }];
    enterprise.version += 1;
    return withEtag(enterprise);
  }),
  http.delete('*/api/v1/organization/enterprises/:id/figures/:year', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const enterprise = visible(user).find((e) => e.id === params.id);
    if (!enterprise) return problem(404);
    if (!canManage(user)) return problem(403);
    enterprise.figures = enterprise.figures.filter((f) => f.year !== Number(params.year));
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/v1/organization/labour/aggregates', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const year = Number(url.searchParams.get('year'));
    const by = url.searchParams.get('by') ?? 'sector';
    const keyOf = (e: MockEnterprise) =>
      by === 'ownership' ? e.ownership : by === 'zone' ? e.industrialZone : by === 'district' ? e.district : e.sector;
    const groups = new Map<string | null, { e: MockEnterprise; f: MockFigures }[]>();
    for (const e of visible(user)) {
      const f = e.figures.find((x) => x.year === year);
      if (!f) continue;
      groups.set(keyOf(e), [...(groups.get(keyOf(e)) ?? []), { e, f }]);
    }
    const row = (key: string | null, list: { f: MockFigures }[]) => {
      const workforce = list.reduce((s, x) => s + x.f.workforce, 0);
      return {
        key,
        enterprises: list.length,
        workforce,
        women: list.reduce((s, x) => s + x.f.women, 0),
        unionMembers: list.reduce((s, x) => s + x.f.unionMembers, 0),
        averageIncome: workforce ? Math.round(list.reduce((s, x) => s + x.f.averageMonthlyIncome * x.f.workforce, 0) / workforce) : null,
        cbaSigned: list.filter((x) => x.f.cbaSigned).length,
        disputes: list.reduce((s, x) => s + x.f.disputes, 0),
        stoppages: list.reduce((s, x) => s + x.f.stoppages, 0),
        dialogues: list.reduce((s, x) => s + x.f.dialogues, 0),
      };
    };
    const rows = [...groups.entries()].map(([k, list]) => row(k, list)).sort((a, b) => b.workforce - a.workforce);
    return HttpResponse.json({ year, by, rows, totals: row(null, [...groups.values()].flat()) });
  }),
  http.get('*/api/v1/organization/labour/export', ({ request }) => {
    if (!userOf(request)) return problem(401);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
      headers: {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': `attachment; filename="co-so-du-lieu-lao-dong.xlsx"`,
      },
    });
  }),
  http.get('*/api/v1/organization/labour/import-template', ({ request }) => {
    if (!userOf(request)) return problem(401);
    return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
  }),
  http.post('*/api/v1/organization/labour/import', async ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!canManage(user)) return problem(403);
    const form = await request.formData();
    const file = form.get('file');
    if (!(file instanceof File)) return problem(400, { errors: { file: ['Choose an .xlsx file to import.'] } });
    if (file.name.includes('invalid')) {
      return problem(422, { code: 'import_rejected', detail: '3 row(s) have errors; nothing was imported.', rowErrors: IMPORT_ROW_ERRORS });
    }
    return HttpResponse.json({ dryRun: form.get('dryRun') === 'true', rows: 4, enterprisesCreated: 1, enterprisesUpdated: 2, figuresWritten: 4 });
  }),
];
