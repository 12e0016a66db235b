import { http, HttpResponse } from 'msw';
import { db, type MockDb } from './db';

/** The administration API: integrator clients, webhook subscriptions and their deliveries, users, the audit trail. */
interface Client {
  id: string;
  clientId: string;
  name: string;
  unitId: string;
  unitName: string;
  role: string;
  scopes: string[];
  requestsPerMinute: number;
  isDisabled: boolean;
  accountEmail: string;
  createdAt: string;
  secretIssuedAt: string;
  previousSecretValidUntil: string | null;
}

interface Subscription {
  id: string;
  clientId: string;
  clientName: string;
  unitId: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  isDisabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: string;
}

interface Delivery {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  status: 'Pending' | 'Delivered' | 'Failed';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  payload: string;
}

interface State {
  clients: Client[];
  subscriptions: Subscription[];
  deliveries: Delivery[];
  requests: { url: string; method: string; body?: unknown; idempotencyKey?: string | null }[];
  disabledUsers: Set<string>;
}

const states = new WeakMap<MockDb, State>();
let seq = 0;
const id = () => `00000000-0000-4000-9000-${String(++seq).padStart(12, '0')}`;

export function mockAdmin(): State {
  let state = states.get(db.current);
  if (!state) {
    const hy = db.current.unitByCode('HY');
    state = {
      clients: [
        {
          id: id(),
          clientId: 'spkt-dao-tao',
          name: 'Hệ thống đào tạo ĐH SPKT Hưng Yên',
          unitId: hy.id,
          unitName: hy.name,
          role: 'partner',
          scopes: ['training.read', 'training.sessions.write'],
          requestsPerMinute: 600,
          isDisabled: false,
          accountEmail: 'spkt-dao-tao@clients.khcn.invalid',
          createdAt: '2025-01-02T03:00:00Z',
          secretIssuedAt: '2025-01-02T03:00:00Z',
          previousSecretValidUntil: null,
        },
      ],
      subscriptions: [],
      deliveries: [],
      requests: [],
      disabledUsers: new Set(),
    };
    const client = state.clients[0]!;
    const sub: Subscription = {
      id: id(),
      clientId: client.id,
      clientName: client.name,
      unitId: client.unitId,
      url: 'https://lms.spkt.example.edu.vn/hooks/khcn',
      description: null,
      eventTypes: ['certificate.issued', 'training.completed'],
      isDisabled: false,
      disabledReason: null,
      consecutiveFailures: 0,
      createdAt: '2025-01-03T03:00:00Z',
    };
    state.subscriptions.push(sub);
    state.deliveries.push(
      {
        id: id(), subscriptionId: sub.id, eventId: id(), eventType: 'certificate.issued', status: 'Delivered', attempts: 1,
        createdAt: '2025-02-01T03:00:00Z', nextAttemptAt: null, lastAttemptAt: '2025-02-01T03:00:01Z', lastStatusCode: 200,
        lastError: null, deliveredAt: '2025-02-01T03:00:01Z', payload: '{}',
      },
      {
        id: id(), subscriptionId: sub.id, eventId: id(), eventType: 'training.completed', status: 'Failed', attempts: 8,
        createdAt: '2025-02-02T03:00:00Z', nextAttemptAt: null, lastAttemptAt: '2025-02-02T09:00:00Z', lastStatusCode: 500,
        lastError: 'HTTP 500', deliveredAt: null, payload: '{}',
      },
    );
    states.set(db.current, state);
  }
  return state;
}

const page = <T>(items: T[], url: URL) => {
  const p = Number(url.searchParams.get('page') ?? 1);
  const size = Number(url.searchParams.get('pageSize') ?? 20);
  return HttpResponse.json({ items: items.slice((p - 1) * size, p * size), page: p, pageSize: size, total: items.length });
};

const record = async (request: Request) => {
  const body = request.method === 'GET' ? undefined : await request.clone().json().catch(() => undefined);
  mockAdmin().requests.push({ url: request.url, method: request.method, body, idempotencyKey: request.headers.get('Idempotency-Key') });
  return body as Record<string, unknown> | undefined;
};

const userView = (u: MockDb['users'][number]) => {
  const unit = db.current.unitByCode(u.unitCode);
  return {
    id: u.id,
    email: u.email,
    fullName: u.fullName,
    isDisabled: mockAdmin().disabledUsers.has(u.id),
    lockedUntil: null,
    grants: [{ id: `g-${u.id}`, role: u.role, unitId: unit.id, unitName: unit.name }],
  };
};

export const adminHandlers = [
  http.get('*/api/v1/admin/clients/scopes', () =>
    HttpResponse.json([
      { name: 'organization.read', description: 'Read the union hierarchy.' },
      { name: 'training.read', description: 'Read courses and sessions.' },
      { name: 'training.sessions.write', description: 'Schedule sessions.' },
    ]),
  ),
  http.get('*/api/v1/admin/clients', ({ request }) => page(mockAdmin().clients, new URL(request.url))),
  http.post('*/api/v1/admin/clients', async ({ request }) => {
    const body = (await record(request)) as { name: string; unitId: string; role: string; scopes: string[]; requestsPerMinute?: number | null };
    const unit = db.current.units.find((u) => u.id === body.unitId)!;
    const client: Client = {
      id: id(), clientId: `khcn-${seq}`, name: body.name, unitId: unit.id, unitName: unit.name, role: body.role, scopes: body.scopes,
      requestsPerMinute: body.requestsPerMinute ?? 600, isDisabled: false, accountEmail: `khcn-${seq}@clients.khcn.invalid`,
      createdAt: new Date().toISOString(), secretIssuedAt: new Date().toISOString(), previousSecretValidUntil: null,
    };
    mockAdmin().clients.push(client);
    return HttpResponse.json({ client, clientSecret: 'S3cr3t-shown-once-0123456789abcdefghijklmnop' }, { status: 201 });
  }),
  http.put('*/api/v1/admin/clients/:id', async ({ request, params }) => {
    const body = (await record(request)) as { name: string; scopes: string[]; requestsPerMinute?: number | null };
    const client = mockAdmin().clients.find((c) => c.id === params.id)!;
    Object.assign(client, { name: body.name, scopes: body.scopes, requestsPerMinute: body.requestsPerMinute ?? client.requestsPerMinute });
    return HttpResponse.json(client);
  }),
  http.post('*/api/v1/admin/clients/:id/rotate-secret', async ({ request, params }) => {
    await record(request);
    const client = mockAdmin().clients.find((c) => c.id === params.id)!;
    return HttpResponse.json({ client, clientSecret: 'Rotated-secret-0123456789abcdefghijklmnopqrs' });
  }),
  http.post('*/api/v1/admin/clients/:id/:action', async ({ request, params }) => {
    await record(request);
    const client = mockAdmin().clients.find((c) => c.id === params.id)!;
    client.isDisabled = params.action === 'disable';
    return HttpResponse.json(client);
  }),
  http.get('*/api/v1/admin/webhooks/event-types', () =>
    HttpResponse.json([
      { name: 'unit.created', scope: 'organization.read', description: 'Một công đoàn/đơn vị được thành lập.' },
      { name: 'training.completed', scope: 'training.read', description: 'Một cán bộ hoàn thành khoá tập huấn.' },
      { name: 'certificate.issued', scope: 'training.read', description: 'Chứng nhận tập huấn được cấp.' },
    ]),
  ),
  http.get('*/api/v1/admin/webhooks', ({ request }) => page(mockAdmin().subscriptions, new URL(request.url))),
  http.post('*/api/v1/admin/webhooks', async ({ request }) => {
    const body = (await record(request)) as { clientId: string; url: string; eventTypes: string[]; description?: string | null };
    const client = mockAdmin().clients.find((c) => c.id === body.clientId)!;
    const subscription: Subscription = {
      id: id(), clientId: client.id, clientName: client.name, unitId: client.unitId, url: body.url, description: body.description ?? null,
      eventTypes: body.eventTypes, isDisabled: false, disabledReason: null, consecutiveFailures: 0, createdAt: new Date().toISOString(),
    };
    mockAdmin().subscriptions.unshift(subscription);
    return HttpResponse.json({ subscription, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }, { status: 201 });
  }),
  http.get('*/api/v1/admin/webhooks/:id/deliveries', ({ request, params }) =>
    page(mockAdmin().deliveries.filter((d) => d.subscriptionId === params.id), new URL(request.url)),
  ),
  http.post('*/api/v1/admin/webhooks/:id/deliveries/:deliveryId/redeliver', async ({ request, params }) => {
    await record(request);
    const delivery = mockAdmin().deliveries.find((d) => d.id === params.deliveryId)!;
    Object.assign(delivery, { status: 'Pending', nextAttemptAt: new Date().toISOString() });
    return HttpResponse.json(delivery);
  }),
  http.post('*/api/v1/admin/webhooks/:id/test', async ({ request, params }) => {
    await record(request);
    const delivery: Delivery = {
      id: id(), subscriptionId: String(params.id), eventId: id(), eventType: 'webhook.test', status: 'Pending', attempts: 0,
      createdAt: new Date().toISOString(), nextAttemptAt: new Date().toISOString(), lastAttemptAt: null, lastStatusCode: null,
      lastError: null, deliveredAt: null, payload: '{}',
    };
    mockAdmin().deliveries.unshift(delivery);
    return HttpResponse.json(delivery, { status: 201 });
  }),
  http.post('*/api/v1/admin/webhooks/:id/:action', async ({ request, params }) => {
    await record(request);
    const sub = mockAdmin().subscriptions.find((s) => s.id === params.id)!;
    sub.isDisabled = params.action === 'disable';
    return HttpResponse.json(sub);
  }),
  http.get('*/api/v1/admin/users', ({ request }) => {
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const users = db.current.users.filter((u) => !q || u.fullName.toLowerCase().includes(q) || u.email.includes(q)).map(userView);
    return page(users, url);
  }),
  http.post('*/api/v1/admin/users', async ({ request }) => {
    const body = (await record(request)) as { email: string; fullName: string; grants: { role: string; unitId: string }[] };
    const unit = db.current.units.find((u) => u.id === body.grants[0]!.unitId)!;
    const user = { id: id(), email: body.email, password: 'x', fullName: body.fullName, role: body.grants[0]!.role, unitCode: unit.code, permissions: [] };
    db.current.users.push(user);
    return HttpResponse.json(userView(user), { status: 201 });
  }),
  http.post('*/api/v1/admin/users/:id/reset-password', async ({ request, params }) => {
    await record(request);
    const user = db.current.users.find((u) => u.id === params.id)!;
    user.password = 'Ba3c-De4f-Gh5k';
    user.mustChangePassword = true;
    return HttpResponse.json({ userId: user.id, email: user.email, temporaryPassword: user.password });
  }),
  http.post('*/api/v1/admin/users/:id/:action', async ({ request, params }) => {
    await record(request);
    if (params.action === 'disable') mockAdmin().disabledUsers.add(String(params.id));
    if (params.action === 'enable') mockAdmin().disabledUsers.delete(String(params.id));
    return HttpResponse.json(userView(db.current.users.find((u) => u.id === params.id)!));
  }),
  http.get('*/api/v1/audit', ({ request }) => {
    const url = new URL(request.url);
    mockAdmin().requests.push({ url: request.url, method: 'GET' });
    const items = [
      {
        id: 'a1', occurredAt: '2025-03-01T02:00:00Z', userId: null, userEmail: 'admin@hungyen.demo', unitId: null, module: 'platform',
        entityType: 'IntegratorClient', entityId: 'c1', action: 'Modified', changes: [{ field: 'Name', old: 'Cũ', new: 'Mới' }],
      },
    ].filter(
      (e) =>
        (!url.searchParams.get('actor') || e.userEmail === url.searchParams.get('actor')) &&
        (!url.searchParams.get('entityType') || e.entityType === url.searchParams.get('entityType')) &&
        (!url.searchParams.get('entityId') || e.entityId === url.searchParams.get('entityId')),
    );
    return page(items, url);
  }),
];
