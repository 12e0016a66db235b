// What the role homes read that no other stand-in answers (#15): the officer's to-dos (none by default), a member's
// own initiatives and commendations (none by default). Tests override them with server.use(...).
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db } from './db';
import { problem } from './handlers';

function signedIn(request: Request) {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const emptyPage = (request: Request) => {
  const pageSize = Number(new URL(request.url).searchParams.get('pageSize') ?? 20);
  return HttpResponse.json({ items: [], page: 1, pageSize, total: 0 });
};

export const homeHandlers: HttpHandler[] = [
  http.get('*/api/v1/me/todos', ({ request }) => {
    const user = signedIn(request);
    if (!user) return problem(401);
    const unit = db.current.units.find((u) => u.id === new URL(request.url).searchParams.get('unitId')) ?? db.current.units.find((u) => u.code === user.unitCode)!;
    return HttpResponse.json({
      unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId ?? null },
      today: '2026-03-10',
      items: [],
    });
  }),
  http.get('*/api/v1/participation/initiatives', ({ request }) => (signedIn(request) ? emptyPage(request) : problem(401))),
  http.get('*/api/v1/participation/commendations/mine', ({ request }) => (signedIn(request) ? emptyPage(request) : problem(401))),
];
