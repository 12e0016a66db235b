// Holds the session. The access token lives in memory only. The refresh token is an HttpOnly cookie the browser
// sends to the auth endpoints by itself (ADR 0012): no script of the page can read it. localStorage only remembers
// *that* a session exists (no secret), so a reload tries a refresh and only a session that existed can "expire".
export interface TokenSet {
  accessToken: string;
  accessTokenExpiresAt: string;
}

export type SessionStatus = 'signed-in' | 'signed-out' | 'expired';

const SESSION_KEY = 'khcn.session';

interface State {
  accessToken: string | null;
  accessTokenExpiresAt: number;
  status: SessionStatus;
}

function readMarker(): boolean {
  try {
    return globalThis.localStorage?.getItem(SESSION_KEY) === '1';
  } catch {
    return false;
  }
}

function writeMarker(present: boolean) {
  try {
    if (present) localStorage.setItem(SESSION_KEY, '1');
    else localStorage.removeItem(SESSION_KEY);
  } catch {
    /* private mode: the session simply won't survive a reload */
  }
}

let state: State = initialState();
const listeners = new Set<() => void>();

function initialState(): State {
  return { accessToken: null, accessTokenExpiresAt: 0, status: readMarker() ? 'signed-in' : 'signed-out' };
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
  /** Whether there is a session to refresh (the refresh cookie itself is out of the page's reach). */
  hasSession: () => state.status === 'signed-in',
  /** Whether a session still exists in this browser (another tab may have signed out). */
  existsInBrowser: () => readMarker(),
  /** True when the access token is missing or expires within the next 30 seconds. */
  needsRefresh: () => !state.accessToken || state.accessTokenExpiresAt - Date.now() < 30_000,
  signIn(tokens: TokenSet) {
    writeMarker(true);
    emit({
      accessToken: tokens.accessToken,
      accessTokenExpiresAt: Date.parse(tokens.accessTokenExpiresAt) || Date.now() + 60_000,
      status: 'signed-in',
    });
  },
  /**
   * `expired` tells the login page to explain why the user is back there: only a session that existed and was
   * refused by the server expires; a deliberate sign-out or a first visit is `signed-out`.
   */
  signOut(reason: 'signed-out' | 'expired' = 'signed-out') {
    writeMarker(false);
    emit({ accessToken: null, accessTokenExpiresAt: 0, status: reason });
  },
  /** Tests only: start from what localStorage holds. */
  reset() {
    emit(initialState());
  },
};
