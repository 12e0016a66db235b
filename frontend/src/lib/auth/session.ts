// Holds the tokens. The access token lives in memory only; the refresh token is kept in localStorage so a
// reload or a new tab stays signed in (the API takes it in the body, so an httpOnly cookie is not an option).
export interface TokenSet {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export type SessionStatus = 'signed-in' | 'signed-out' | 'expired';

const REFRESH_KEY = 'khcn.refreshToken';

interface State {
  accessToken: string | null;
  accessTokenExpiresAt: number;
  refreshToken: string | null;
  status: SessionStatus;
}

function readStoredRefreshToken(): string | null {
  try {
    return globalThis.localStorage?.getItem(REFRESH_KEY) ?? null;
  } catch {
    return null;
  }
}

let state: State = initialState();
const listeners = new Set<() => void>();

function initialState(): State {
  const refreshToken = readStoredRefreshToken();
  return { accessToken: null, accessTokenExpiresAt: 0, refreshToken, status: refreshToken ? 'signed-in' : 'signed-out' };
}

function emit(next: State) {
  state = next;
  listeners.forEach((l) => l());
}

export const session = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getStatus: (): SessionStatus => state.status,
  getAccessToken: () => state.accessToken,
  /** Another tab may have rotated the refresh token; localStorage holds the newest one. */
  getRefreshToken: () => readStoredRefreshToken() ?? state.refreshToken,
  /** True when the access token is missing or expires within the next 30 seconds. */
  needsRefresh: () => !state.accessToken || state.accessTokenExpiresAt - Date.now() < 30_000,
  signIn(tokens: TokenSet) {
    try {
      localStorage.setItem(REFRESH_KEY, tokens.refreshToken);
    } catch {
      /* private mode: the session simply won't survive a reload */
    }
    emit({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: Date.parse(tokens.accessTokenExpiresAt) || Date.now() + 60_000,
      refreshToken: tokens.refreshToken,
      status: 'signed-in',
    });
  },
  /** `expired` tells the login page to explain why the user is back there. */
  signOut(reason: 'signed-out' | 'expired' = 'signed-out') {
    try {
      localStorage.removeItem(REFRESH_KEY);
    } catch {
      /* ignore */
    }
    emit({ accessToken: null, accessTokenExpiresAt: 0, refreshToken: null, status: reason });
  },
  /** Tests only: start from what localStorage holds. */
  reset() {
    emit(initialState());
  },
};
