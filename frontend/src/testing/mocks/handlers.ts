import { http, HttpResponse } from 'msw';
import { db, type MockUser } from './db';
import { matchesSearch } from '@/lib/text/normalize';
import { unitHistoryHandlers, unitState } from './unit-history';

export const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, traceId: 'test-trace', ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );

let tokenSeq = 0;
function issueTokens(user: MockUser) {
  tokenSeq += 1;
  const accessToken = `access-${tokenSeq}`;
  const refreshToken = `refresh-${tokenSeq}`;
  db.current.accessTokens.set(accessToken, user.email);
  db.current.refreshTokens.set(refreshToken, user.email);
  return {
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken,
    refreshTokenExpiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    tokenType: 'Bearer',
  };
}

function currentUser(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

function scopeOf(user: MockUser) {
  return db.current.subtree(db.current.unitByCode(user.unitCode).id);
}

/** A unit as the API gives it; the parent is named even above the caller's scope, and says whether it can be opened. */
const detail = (id: string, scope?: Set<string>) => {
  const u = db.current.units.find((x) => x.id === id)!;
  const parent = db.current.units.find((x) => x.id === u.parentId);
  return {
    ...u,
    ...unitState(id),
    parentName: parent?.name ?? null,
    parentCode: parent?.code ?? null,
    parentInScope: parent ? (scope?.has(parent.id) ?? true) : false,
  };
};

const UPPER_LEVEL = ['DistrictFederation', 'SectoralUnion', 'CivilServantsUnion', 'IndustrialZoneUnion'];

const currentFocal = (unitId: string) => db.current.focalAssignments.find((a) => a.unitId === unitId && a.endedOn === null);

const officialBody = (id: string) => {
  const o = db.current.officials.find((x) => x.id === id)!;
  const unit = db.current.units.find((u) => u.id === o.unitId)!;
  return { ...o, unitName: unit.name, isFocalOfficial: currentFocal(o.unitId)?.officialId === o.id };
};

const focalBody = (unitId: string) => {
  const name = (officialId: string) => db.current.officials.find((o) => o.id === officialId)!.fullName;
  const history = db.current.focalAssignments
    .filter((a) => a.unitId === unitId)
    .sort((a, b) => b.startedOn.localeCompare(a.startedOn))
    .map(({ unitId: _unit, ...a }) => ({ ...a, officialName: name(a.officialId) }));
  return { current: history.find((a) => a.endedOn === null) ?? null, history };
};

export const handlers = [
  http.post('*/api/v1/auth/login', async ({ request }) => {
    db.current.counters.login += 1;
    const body = (await request.json()) as { email: string; password: string; useCookie?: boolean };
    const user = db.current.users.find((u) => u.email === body.email);
    if (!user || user.password !== body.password) return problem(401, { code: 'invalid_credentials', title: 'Invalid credentials' });
    const tokens = issueTokens(user);
    if (!body.useCookie) return HttpResponse.json(tokens);
    db.current.refreshCookie = tokens.refreshToken; // Set-Cookie: HttpOnly — the page never sees it
    return HttpResponse.json({ ...tokens, refreshToken: null });
  }),
  http.post('*/api/v1/auth/refresh', async ({ request }) => {
    db.current.counters.refresh += 1;
    const body = (await request.json()) as { refreshToken?: string | null };
    const fromCookie = !body.refreshToken;
    const refreshToken = body.refreshToken || db.current.refreshCookie;
    const email = refreshToken ? db.current.refreshTokens.get(refreshToken) : undefined;
    if (!refreshToken || !email) return problem(401, { code: 'invalid_refresh_token' });
    db.current.refreshTokens.delete(refreshToken); // rotation: the old one is spent
    const tokens = issueTokens(db.current.users.find((u) => u.email === email)!);
    if (!fromCookie) return HttpResponse.json(tokens);
    db.current.refreshCookie = tokens.refreshToken;
    return HttpResponse.json({ ...tokens, refreshToken: null });
  }),
  http.post('*/api/v1/auth/logout', async ({ request }) => {
    const body = (await request.json().catch(() => ({}))) as { refreshToken?: string | null };
    const refreshToken = body.refreshToken || db.current.refreshCookie;
    if (refreshToken) db.current.refreshTokens.delete(refreshToken);
    db.current.refreshCookie = null;
    return new HttpResponse(null, { status: 204 });
  }),
  http.get('*/api/v1/me', ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const unit = db.current.unitByCode(user.unitCode);
    return HttpResponse.json({
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      grants: [{ role: user.role, unitId: unit.id, unitCode: unit.code, unitName: unit.name }],
      permissions: user.permissions,
      mustChangePassword: user.mustChangePassword ?? false,
    });
  }),
  http.post('*/api/v1/me/password', async ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const body = (await request.json()) as { currentPassword: string; newPassword: string; useCookie?: boolean };
    if (body.currentPassword !== user.password)
      return problem(400, { title: 'Dữ liệu không hợp lệ.', errors: { currentPassword: ['Mật khẩu hiện tại không đúng.'] } });
    user.password = body.newPassword;
    user.mustChangePassword = false;
    const tokens = issueTokens(user);
    if (!body.useCookie) return HttpResponse.json(tokens);
    db.current.refreshCookie = tokens.refreshToken;
    return HttpResponse.json({ ...tokens, refreshToken: null });
  }),
  http.get('*/api/v1/organization/units/tree', ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const scope = scopeOf(user);
    return HttpResponse.json({
      items: db.current.units
        .filter((u) => scope.has(u.id))
        .map(({ id, code, name, kind, parentId }) => ({ id, code, name, kind, parentId })),
    });
  }),
  http.get('*/api/v1/organization/units', ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const sort = url.searchParams.get('sort') ?? 'name';
    const q = url.searchParams.get('q') ?? '';
    const kind = url.searchParams.get('kind');
    const within = url.searchParams.get('within');
    const parentId = url.searchParams.get('parentId');
    let scope = scopeOf(user);
    if (within) scope = new Set([...db.current.subtree(within)].filter((id) => scope.has(id)));
    const key = sort.replace(/^-/, '') as 'name' | 'code';
    const items = db.current.units
      .filter((u) => scope.has(u.id))
      .filter((u) => !kind || u.kind === kind)
      .filter((u) => !parentId || u.parentId === parentId)
      .filter((u) => matchesSearch(`${u.name} ${u.code}`, q))
      .sort((a, b) => a[key].localeCompare(b[key], 'vi') * (sort.startsWith('-') ? -1 : 1))
      .map((u) => ({ ...detail(u.id), depth: 0 }));
    return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
  }),
  ...unitHistoryHandlers, // before units/:id, which would also match units/as-of
  http.get('*/api/v1/organization/units/:id', ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const id = String(params.id);
    const scope = scopeOf(user);
    if (!scope.has(id)) return problem(404);
    const body = detail(id, scope);
    return HttpResponse.json(body, { headers: { ETag: `"${body.version}"` } });
  }),
  http.put('*/api/v1/organization/units/:id', async ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!scopeOf(user).has(id)) return problem(404);
    const unit = db.current.units.find((u) => u.id === id)!;
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${unit.version}"`) return problem(412, { title: 'Precondition failed' });
    const body = (await request.json()) as { name: string; address?: string; phone?: string; email?: string };
    Object.assign(unit, body, { version: unit.version + 1, updatedAt: new Date().toISOString() });
    const out = detail(id);
    return HttpResponse.json(out, { headers: { ETag: `"${out.version}"` } });
  }),
  http.get('*/api/v1/audit', () => HttpResponse.json({ items: [], page: 1, pageSize: 20, total: 0 })),
  http.get('*/api/v1/organization/officials', ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const sort = url.searchParams.get('sort') ?? 'fullName';
    const q = url.searchParams.get('q') ?? '';
    const unitId = url.searchParams.get('unitId');
    const within = url.searchParams.get('within');
    let scope = scopeOf(user);
    if (within) scope = new Set([...db.current.subtree(within)].filter((id) => scope.has(id)));
    const key = sort.replace(/^-/, '');
    const field = (o: ReturnType<typeof officialBody>) => String(key === 'unit' ? o.unitName : o[key as 'fullName' | 'position']);
    const items = db.current.officials
      .filter((o) => scope.has(o.unitId) && (!unitId || o.unitId === unitId))
      .map((o) => officialBody(o.id))
      .filter((o) => matchesSearch(`${o.fullName} ${o.position}`, q))
      .sort((a, b) => field(a).localeCompare(field(b), 'vi') * (sort.startsWith('-') ? -1 : 1))
      .map(({ id, unitId, unitName, fullName, position, phone, email, isFocalOfficial }) => ({
        id,
        unitId,
        unitName,
        fullName,
        position,
        phone,
        email,
        isFocalOfficial,
      }));
    return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
  }),
  http.post('*/api/v1/organization/officials', async ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const body = (await request.json()) as Record<string, unknown> & { unitId: string };
    if (!scopeOf(user).has(body.unitId)) return problem(404);
    const id = `00000000-0000-4000-8000-${String(900 + db.current.officials.length).padStart(12, '0')}`;
    const now = new Date().toISOString();
    db.current.officials.push({
      phone: null,
      email: null,
      expertise: null,
      foreignLanguage: null,
      ...(body as object),
      id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as (typeof db.current.officials)[number]);
    return HttpResponse.json(officialBody(id), { status: 201, headers: { ETag: '"1"' } });
  }),
  http.get('*/api/v1/organization/officials/:id', ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const o = db.current.officials.find((x) => x.id === params.id);
    if (!o || !scopeOf(user).has(o.unitId)) return problem(404);
    return HttpResponse.json(officialBody(o.id), { headers: { ETag: `"${o.version}"` } });
  }),
  http.put('*/api/v1/organization/officials/:id', async ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const o = db.current.officials.find((x) => x.id === params.id);
    if (!o || !scopeOf(user).has(o.unitId)) return problem(404);
    const ifMatch = request.headers.get('If-Match');
    if (!ifMatch) return problem(428);
    if (ifMatch !== `"${o.version}"`) return problem(412, { title: 'Precondition failed', code: 'stale_version' });
    Object.assign(o, await request.json(), { version: o.version + 1, updatedAt: new Date().toISOString() });
    return HttpResponse.json(officialBody(o.id), { headers: { ETag: `"${o.version}"` } });
  }),
  http.get('*/api/v1/organization/units/:id/focal-officials', ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!scopeOf(user).has(id)) return problem(404);
    return HttpResponse.json(focalBody(id));
  }),
  http.post('*/api/v1/organization/units/:id/focal-officials', async ({ request, params }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const id = String(params.id);
    if (!scopeOf(user).has(id)) return problem(404);
    const unit = db.current.units.find((u) => u.id === id)!;
    if (!UPPER_LEVEL.includes(unit.kind)) return problem(409, { code: 'not_upper_level', detail: 'Not an upper-level union.' });
    const body = (await request.json()) as { officialId: string; startedOn?: string | null };
    const official = db.current.officials.find((o) => o.id === body.officialId);
    if (!official || official.unitId !== id)
      return problem(409, { code: 'official_not_in_unit', detail: 'The official does not belong to this unit.' });
    const startedOn = body.startedOn ?? new Date().toISOString().slice(0, 10);
    const previous = currentFocal(id);
    if (previous) previous.endedOn = startedOn;
    db.current.focalAssignments.push({
      id: `00000000-0000-4000-8000-${String(800 + db.current.focalAssignments.length).padStart(12, '0')}`,
      unitId: id,
      officialId: official.id,
      startedOn,
      endedOn: null,
      assignedBy: user.email,
    });
    return HttpResponse.json(focalBody(id), { status: 201 });
  }),
  // Sorted by name backwards, so the units without one come last: the screen must put them first itself.
  http.get('*/api/v1/organization/focal-officials/coverage', ({ request }) => {
    const user = currentUser(request);
    if (!user) return problem(401);
    const within = new URL(request.url).searchParams.get('within');
    let scope = scopeOf(user);
    if (within) scope = new Set([...db.current.subtree(within)].filter((id) => scope.has(id)));
    const items = db.current.units
      .filter((u) => scope.has(u.id) && UPPER_LEVEL.includes(u.kind))
      .sort((a, b) => b.name.localeCompare(a.name, 'vi'))
      .map((u) => {
        const focal = currentFocal(u.id);
        const official = focal ? db.current.officials.find((o) => o.id === focal.officialId)! : undefined;
        return {
          unitId: u.id,
          unitCode: u.code,
          unitName: u.name,
          kind: u.kind,
          officialId: official?.id ?? null,
          officialName: official?.fullName ?? null,
          since: focal?.startedOn ?? null,
        };
      });
    const covered = items.filter((i) => i.officialId).length;
    return HttpResponse.json({ total: items.length, covered, share: items.length ? covered / items.length : 0, items });
  }),
];
