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

/** Runs `work` while no other tab of this browser refreshes (Web Locks; without them, just runs it). */
function acrossTabs<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request('khcn.refresh', work) as Promise<T>) : work();
}

/**
 * Exchanges the refresh cookie for a new access token (and a rotated cookie). Single-flight: concurrent callers
 * share one request, and tabs take turns (Web Locks), because the cookie rotates and spending the same one twice
 * is reuse, which ends the session.
 */
export function refreshAccessToken(): Promise<string | null> {
  if (!refreshInFlight) {
    refreshInFlight = (async () => {
      if (!session.hasSession()) return null;
      try {
        const { data, response } = await acrossTabs(() => authClient.POST('/api/v1/auth/refresh', { body: {} }));
        if (response.ok && data) {
          session.signIn(data as TokenSet);
          return data.accessToken;
        }
        if (response.status !== 401 && response.status !== 400) return null;
      } catch {
        return null; // offline: keep the session, the next call tries again
      }
      // Refused: the session ended (expired, revoked) — unless this browser signed out in another tab meanwhile.
      session.signOut(session.existsInBrowser() ? 'expired' : 'signed-out');
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
    if (session.needsRefresh() && session.hasSession()) await refreshAccessToken();
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
      const token = session.hasSession() ? await refreshAccessToken() : null;
      if (token) {
        const retry = new Request(original);
        retry.headers.set('Authorization', `Bearer ${token}`);
        result = await fetchLater(retry);
      }
      // Only a session that existed can expire: a first visit or a deliberate sign-out stays signed out.
      if (result.status === 401 && session.hasSession()) session.signOut('expired');
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
