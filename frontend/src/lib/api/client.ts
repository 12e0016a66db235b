import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError, NetworkError } from './problem';
import { session, type TokenSet } from '@/lib/auth/session';

// Resolve fetch at call time so test doubles (MSW) installed after import are honoured.
const fetchLater: typeof fetch = (input, init) => globalThis.fetch(input, init);
const baseUrl = globalThis.location?.origin ?? 'http://localhost';

/** A bare client for the token endpoints: no bearer, no retry, so refreshing can never recurse. */
const authClient = createClient<paths>({ baseUrl, fetch: fetchLater });

let refreshInFlight: Promise<string | null> | null = null;

/**
 * Exchanges the refresh token for a new pair. Single-flight: concurrent callers share one request,
 * because the refresh token rotates and a second use of the old one would be rejected.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      let refreshToken = session.getRefreshToken();
      if (!refreshToken) return null;
      // Two attempts: another tab may rotate the token while ours is on the way; then its new one is stored.
      for (let attempt = 0; refreshToken && attempt < 2; attempt++) {
        try {
          const { data, response } = await authClient.POST('/api/v1/auth/refresh', { body: { refreshToken } });
          if (response.ok && data) {
            session.signIn(data as TokenSet);
            return data.accessToken;
          }
          if (response.status !== 401 && response.status !== 400) return null;
        } catch {
          return null; // offline: keep the session, the next call tries again
        }
        const stored = session.getRefreshToken();
        if (!stored || stored === refreshToken) break;
        refreshToken = stored;
      }
      session.signOut('expired');
      return null;
    })().finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

/** Lets the server answer (e.g. validation messages) in the language the user reads. */
function setAcceptLanguage(request: Request) {
  const lang = globalThis.document?.documentElement.lang;
  if (lang) request.headers.set('Accept-Language', lang);
}

const isTokenEndpoint = (schemaPath: string) => schemaPath.startsWith('/api/v1/auth/');

/** Untouched copies of outgoing requests, so a request whose token expired can be replayed once. */
const replayable = new Map<string, Request>();

/**
 * The one middleware every call goes through: adds the bearer token, refreshes it silently (before it
 * expires, and once more on a 401), and turns any non-2xx answer into an ApiError built from the
 * problem details.
 */
export const authAndProblemMiddleware: Middleware = {
  async onRequest({ request, schemaPath, id }) {
    setAcceptLanguage(request);
    if (isTokenEndpoint(schemaPath)) return request;
    if (session.needsRefresh() && session.getRefreshToken()) await refreshAccessToken();
    replayable.set(id, request.clone());
    const token = session.getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, schemaPath, id }) {
    const original = replayable.get(id);
    replayable.delete(id);
    let result = response;
    if (result.status === 401 && original && !isTokenEndpoint(schemaPath)) {
      const token = session.getRefreshToken() ? await refreshAccessToken() : null;
      if (token) {
        const retry = new Request(original);
        retry.headers.set('Authorization', `Bearer ${token}`);
        result = await fetchLater(retry);
      }
      if (result.status === 401) session.signOut('expired');
    }
    if (!result.ok) throw await ApiError.fromResponse(result);
    return result;
  },
  onError({ error, id }) {
    replayable.delete(id);
    return error instanceof ApiError ? error : new NetworkError(error);
  },
};

export const api = createClient<paths>({ baseUrl, fetch: fetchLater });
api.use(authAndProblemMiddleware);

/** Token endpoints need the problem middleware but must never trigger a refresh. */
export const publicApi = createClient<paths>({ baseUrl, fetch: fetchLater });
publicApi.use({
  onRequest({ request }) {
    setAcceptLanguage(request);
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  },
  onError: ({ error }) => (error instanceof ApiError ? error : new NetworkError(error)),
});

/** The middleware already threw for non-2xx; this narrows the result to its data. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, response } = await call;
  if (data === undefined && response.status !== 204) throw new ApiError(response.status, { status: response.status });
  return data as T;
}
