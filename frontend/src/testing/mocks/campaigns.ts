// Awareness campaigns of the in-memory stand-in backend (per test data set, like the labour database).
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb, type MockUser } from './db';
import { problem } from './handlers';
import { matchesSearch } from '@/lib/text/normalize';

export interface MockReach {
  id: string;
  campaignId: string;
  unitId: string;
  period: string;
  eventsHeld: number;
  peopleReached: number;
  womenReached: number;
  note: string | null;
  reportedBy: string | null;
  updatedAt: string;
  version: number;
}

export interface MockCampaign {
  id: string;
  unitId: string;
  title: string;
  goal: string | null;
  startsOn: string;
  endsOn: string;
  channels: string[];
  audiences: string[];
  audienceNote: string | null;
  participantIds: string[];
  materials: { id: string; fileName: string; contentType: string; size: number; uploadedAt: string; uploadedBy: string | null }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const stores = new WeakMap<MockDb, { campaigns: MockCampaign[]; reach: MockReach[]; seq: number }>();
const year = new Date().getFullYear();

export function campaignStore() {
  let store = stores.get(db.current);
  if (!store) {
    const hy = db.current.unitByCode('HY').id;
    const vanLam = db.current.unitByCode('VANLAM').id;
    const myHao = db.current.unitByCode('MYHAO').id;
    const base = { goal: 'Nâng cao nhận thức về KH,CN&ĐMST', audienceNote: null, version: 1, createdAt: '2025-01-02T03:00:00Z', updatedAt: '2025-01-02T03:00:00Z' };
    const campaigns: MockCampaign[] = [
      { ...base, id: uid(701), unitId: hy, title: `Phát động phong trào Lao động sáng tạo năm ${year}`, startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, channels: ['Meeting', 'Banner'], audiences: ['Workers'], participantIds: [vanLam, myHao], materials: [{ id: uid(731), fileName: 'to-roi.pdf', contentType: 'application/pdf', size: 2048, uploadedAt: '2025-01-03T03:00:00Z', uploadedBy: 'tuyengiao@hungyen.demo' }] },
      { ...base, id: uid(702), unitId: hy, title: `Tuyên truyền Kế hoạch 405 năm ${year - 1}`, startsOn: `${year - 1}-01-01`, endsOn: `${year - 1}-12-31`, channels: ['Newsletter'], audiences: ['Officials'], participantIds: [myHao], materials: [] },
    ];
    const reach: MockReach[] = [
      { id: uid(751), campaignId: uid(701), unitId: myHao, period: `${year}-Q1`, eventsHeld: 3, peopleReached: 550, womenReached: 290, note: null, reportedBy: 'canbo.myhao@hungyen.demo', updatedAt: '2025-04-02T03:00:00Z', version: 1 },
    ];
    store = { campaigns, reach, seq: 800 };
    stores.set(db.current, store);
  }
  return store;
}

export const campaignByTitle = (prefix: string) => campaignStore().campaigns.find((c) => c.title.startsWith(prefix))!;

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const home = (user: MockUser) => db.current.unitByCode(user.unitCode).id;
const scopeOf = (user: MockUser) => db.current.subtree(home(user));
const can = (user: MockUser, permission: string) => user.permissions.includes(permission);
const unit = (id: string) => db.current.units.find((u) => u.id === id)!;
/** Above the user's unit: its ancestors. */
function ancestors(user: MockUser) {
  const result = new Set<string>();
  let current = unit(home(user)).parentId;
  while (current) {
    result.add(current);
    current = unit(current).parentId;
  }
  return result;
}
function readable(user: MockUser, c: MockCampaign) {
  const scope = scopeOf(user);
  return scope.has(c.unitId) || (ancestors(user).has(c.unitId) && c.participantIds.some((p) => scope.has(p)));
}
const status = (c: MockCampaign) => {
  const today = new Date().toISOString().slice(0, 10);
  return today < c.startsOn ? 'Upcoming' : today > c.endsOn ? 'Ended' : 'Running';
};

function detail(user: MockUser, c: MockCampaign) {
  const scope = scopeOf(user);
  return {
    id: c.id,
    unitId: c.unitId,
    unitName: unit(c.unitId).name,
    title: c.title,
    goal: c.goal,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: status(c),
    channels: c.channels,
    audiences: c.audiences,
    audienceNote: c.audienceNote,
    participants: c.participantIds.map((id) => ({ unitId: id, code: unit(id).code, name: unit(id).name })),
    materials: c.materials,
    reachReports: campaignStore()
      .reach.filter((r) => r.campaignId === c.id && scope.has(r.unitId))
      .map((r) => ({ ...r, unitName: unit(r.unitId).name })),
    canManage: can(user, 'training.campaigns.manage') && scope.has(c.unitId),
    reportableUnitIds: can(user, 'training.reach.report') ? c.participantIds.filter((id) => scope.has(id)) : [],
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
const withEtag = (user: MockUser, c: MockCampaign, status = 200) => HttpResponse.json(detail(user, c), { status, headers: { ETag: `"${c.version}"` } });

function totals(c: MockCampaign, within: string) {
  const subtree = db.current.subtree(within);
  const rows = campaignStore().reach.filter((r) => r.campaignId === c.id && subtree.has(r.unitId));
  const branchOf = (id: string) => {
    let current = id;
    while (unit(current).parentId && unit(current).parentId !== within && current !== within) current = unit(current).parentId!;
    return current;
  };
  const sum = (list: MockReach[]) => ({
    eventsHeld: list.reduce((s, r) => s + r.eventsHeld, 0),
    peopleReached: list.reduce((s, r) => s + r.peopleReached, 0),
    womenReached: list.reduce((s, r) => s + r.womenReached, 0),
  });
  const group = (keyOf: (r: MockReach) => string, labelOf: (k: string) => string) =>
    [...new Set(rows.map(keyOf))].map((k) => ({ key: k, label: labelOf(k), ...sum(rows.filter((r) => keyOf(r) === k)) }));
  return {
    withinUnitId: within,
    withinUnitName: unit(within).name,
    campaignId: c.id,
    year: null,
    campaignCount: rows.length ? 1 : 0,
    ...sum(rows),
    byUnit: group((r) => branchOf(r.unitId), (k) => unit(k).name),
    byChannel: rows.length ? c.channels.map((ch) => ({ key: ch, label: ch, ...sum(rows) })) : [],
    byPeriod: group((r) => r.period, (k) => k),
  };
}

export const campaignHandlers: HttpHandler[] = [
  http.get('*/api/v1/training/campaigns', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const y = url.searchParams.get('year');
    const s = url.searchParams.get('status');
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 20);
    const items = campaignStore()
      .campaigns.filter((c) => readable(user, c))
      .filter((c) => !q || matchesSearch(`${c.title} ${c.goal ?? ''}`, q))
      .filter((c) => !y || (c.startsOn <= `${y}-12-31` && c.endsOn >= `${y}-01-01`))
      .filter((c) => !s || status(c) === s)
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
      .map((c) => ({
        id: c.id,
        title: c.title,
        unitId: c.unitId,
        unitName: unit(c.unitId).name,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        status: status(c),
        channels: c.channels,
        participantCount: c.participantIds.length,
      }));
    return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), page, pageSize, total: items.length });
  }),
  http.post('*/api/v1/training/campaigns', async ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    if (!can(user, 'training.campaigns.manage')) return problem(403);
    const body = (await request.json()) as Omit<MockCampaign, 'id' | 'participantIds' | 'materials' | 'version' | 'createdAt' | 'updatedAt'> & { participatingUnitIds: string[] };
    const store = campaignStore();
    store.seq += 1;
    const { participatingUnitIds, ...fields } = body;
    const campaign: MockCampaign = { ...fields, id: uid(store.seq), participantIds: participatingUnitIds, materials: [], version: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };
    store.campaigns.push(campaign);
    return withEtag(user, campaign, 201);
  }),
  http.get('*/api/v1/training/campaigns/:id', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const campaign = campaignStore().campaigns.find((c) => c.id === params.id);
    if (!campaign || !readable(user, campaign)) return problem(404);
    return withEtag(user, campaign);
  }),
  http.put('*/api/v1/training/campaigns/:id', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const campaign = campaignStore().campaigns.find((c) => c.id === params.id);
    if (!campaign || !readable(user, campaign)) return problem(404);
    if (request.headers.get('If-Match') !== `"${campaign.version}"`) return problem(412);
    const { participatingUnitIds, ...fields } = (await request.json()) as Partial<MockCampaign> & { participatingUnitIds: string[] };
    Object.assign(campaign, fields, { participantIds: participatingUnitIds, version: campaign.version + 1 });
    return withEtag(user, campaign);
  }),
  http.put('*/api/v1/training/campaigns/:id/reach-reports/:unitId/:period', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const store = campaignStore();
    const campaign = store.campaigns.find((c) => c.id === params.id);
    if (!campaign || !readable(user, campaign)) return problem(404);
    const unitId = String(params.unitId);
    if (!campaign.participantIds.includes(unitId)) return problem(409, { code: 'not_participating' });
    const body = (await request.json()) as Pick<MockReach, 'eventsHeld' | 'peopleReached' | 'womenReached' | 'note'>;
    if (body.womenReached > body.peopleReached) return problem(400, { errors: { womenReached: ['Women reached are among the people reached: at most that number.'] } });
    let report = store.reach.find((r) => r.campaignId === campaign.id && r.unitId === unitId && r.period === params.period);
    const created = !report;
    if (!report) {
      store.seq += 1;
      report = { id: uid(store.seq), campaignId: campaign.id, unitId, period: String(params.period), version: 0, reportedBy: user.email, updatedAt: '', ...body };
      store.reach.push(report);
    }
    Object.assign(report, body, { version: report.version + 1, updatedAt: new Date().toISOString(), reportedBy: user.email });
    return HttpResponse.json({ ...report, unitName: unit(unitId).name }, { status: created ? 201 : 200 });
  }),
  http.get('*/api/v1/training/campaigns/:id/totals', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const campaign = campaignStore().campaigns.find((c) => c.id === params.id);
    if (!campaign || !readable(user, campaign)) return problem(404);
    const within = new URL(request.url).searchParams.get('within') ?? (scopeOf(user).has(campaign.unitId) ? campaign.unitId : home(user));
    if (!scopeOf(user).has(within)) return problem(404);
    return HttpResponse.json(totals(campaign, within));
  }),
  http.post('*/api/v1/training/campaigns/:id/materials', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const store = campaignStore();
    const campaign = store.campaigns.find((c) => c.id === params.id);
    if (!campaign || !readable(user, campaign)) return problem(404);
    const file = (await request.formData()).get('file') as File;
    store.seq += 1;
    campaign.materials.push({ id: uid(store.seq), fileName: file.name, contentType: file.type, size: file.size, uploadedAt: new Date().toISOString(), uploadedBy: user.email });
    return withEtag(user, campaign, 201);
  }),
  http.get('*/api/v1/training/campaigns/:id/materials/:materialId', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    return new HttpResponse(new Blob(['%PDF-1.4']), { headers: { 'Content-Type': 'application/pdf' } });
  }),
];
