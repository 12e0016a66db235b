import { http, HttpResponse } from 'msw';
import { api, unwrap } from './client';
import { ApiError } from './problem';
import { session } from '@/lib/auth/session';
import { login } from '@/lib/auth/auth';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { signInAs } from '@/testing/test-utils';

const expiredAccess = () => {
  // Keep the refresh cookie but make the access token look expired.
  session.signIn({ accessToken: 'stale', accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString() });
};

describe('API client middleware', () => {
  it('adds the bearer token', async () => {
    signInAs('admin@hungyen.demo');
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.email).toBe('admin@hungyen.demo');
  });

  it('refreshes an expired access token once for concurrent requests (single flight)', async () => {
    signInAs('admin@hungyen.demo');
    expiredAccess();
    const results = await Promise.all([
      unwrap(api.GET('/api/v1/me')),
      unwrap(api.GET('/api/v1/organization/units/tree')),
      unwrap(api.GET('/api/v1/me')),
    ]);
    expect(results[0].email).toBe('admin@hungyen.demo');
    expect(db.current.counters.refresh).toBe(1);
  });

  it('refreshes and replays a request the server answered with 401', async () => {
    signInAs('admin@hungyen.demo');
    db.current.accessTokens.clear(); // the server no longer accepts the current access token
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.email).toBe('admin@hungyen.demo');
    expect(db.current.counters.refresh).toBe(1);
  });

  it('ends the session as expired when the refresh token is rejected', async () => {
    signInAs('admin@hungyen.demo');
    db.current.accessTokens.clear();
    db.current.refreshTokens.clear();
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(session.getStatus()).toBe('expired');
    expect(localStorage.getItem('khcn.session')).toBeNull();
  });

  it('turns problem+json into an ApiError with code, field errors and trace id', async () => {
    signInAs('admin@hungyen.demo');
    server.use(
      http.get('*/api/v1/me', () =>
        HttpResponse.json(
          { title: 'Validation failed', status: 400, code: 'validation', traceId: 't-1', errors: { fullName: ['Bắt buộc'] } },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const error = await unwrap(api.GET('/api/v1/me')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation', fieldErrors: { fullName: ['Bắt buộc'] } });
    expect((error as ApiError).problem.traceId).toBe('t-1');
  });
});

describe('the refresh token', () => {
  it('never reaches the page: login and refresh send and get no token, the cookie carries it', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post('*/api/v1/auth/*', async ({ request }) => {
        bodies.push(await request.clone().json());
        return undefined as unknown as Response; // fall through to the default handler
      }),
    );
    await login({ email: 'admin@hungyen.demo', password: 'Demo@2025!' });
    expiredAccess();
    const me = await unwrap(api.GET('/api/v1/me'));

    expect(me.email).toBe('admin@hungyen.demo');
    expect(bodies).toEqual([{ email: 'admin@hungyen.demo', password: 'Demo@2025!', useCookie: true }, {}]);
    expect(JSON.stringify({ ...localStorage })).not.toContain('refresh-');
    expect(db.current.refreshCookie).toMatch(/^refresh-/);
  });

  it('is not refreshed on a first visit, and a 401 then is not an expired session', async () => {
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    expect(db.current.counters.refresh).toBe(0);
    expect(session.getStatus()).toBe('signed-out');
  });

  it('is refreshed after a reload while a session exists in the browser', async () => {
    signInAs('admin@hungyen.demo');
    session.reset(); // a reload: the access token is gone, the marker and the cookie remain
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.email).toBe('admin@hungyen.demo');
    expect(db.current.counters.refresh).toBe(1);
  });
});
