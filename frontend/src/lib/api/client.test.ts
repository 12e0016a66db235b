import { http, HttpResponse } from 'msw';
import { api, unwrap } from './client';
import { ApiError } from './problem';
import { session } from '@/lib/auth/session';
import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { signInAs } from '@/testing/test-utils';

const expiredAccess = () => {
  // Keep the refresh token but make the access token look expired.
  const refreshToken = session.getRefreshToken()!;
  session.signIn({
    accessToken: 'stale',
    accessTokenExpiresAt: new Date(Date.now() - 1000).toISOString(),
    refreshToken,
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
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
    expect(session.getRefreshToken()).toBeNull();
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

describe('refresh across tabs', () => {
  it('retries with the token another tab stored when ours was already rotated', async () => {
    signInAs('admin@hungyen.demo');
    expiredAccess();
    const ours = session.getRefreshToken()!;
    // Another tab refreshed first: our token is spent and a new one is in localStorage.
    db.current.refreshTokens.delete(ours);
    db.current.refreshTokens.set('from-other-tab', 'admin@hungyen.demo');
    let first = true;
    server.use(
      http.post('*/api/v1/auth/refresh', async ({ request }) => {
        const { refreshToken } = (await request.clone().json()) as { refreshToken: string };
        if (first && refreshToken === ours) {
          first = false;
          localStorage.setItem('khcn.refreshToken', 'from-other-tab');
        }
        return undefined as unknown as Response; // fall through to the default handler
      }),
    );
    const me = await unwrap(api.GET('/api/v1/me'));
    expect(me.email).toBe('admin@hungyen.demo');
    expect(session.getStatus()).toBe('signed-in');
  });
});
