/** RFC 9457 problem details as the backend sends them (`application/problem+json`). */
export interface ProblemDetails {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  traceId?: string | null;
  /** Stable machine-readable reason, e.g. `invalid_credentials`, `account_locked`. */
  code?: string | null;
  /** Validation messages keyed by camelCase field name. */
  errors?: Record<string, string[]> | null;
  [extension: string]: unknown;
}

/** Every failed API call surfaces as this error: one shape for the whole SPA. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  readonly code: string | undefined;
  readonly fieldErrors: Record<string, string[]>;
  /** Seconds to wait, from the Retry-After header (429). */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, problem: ProblemDetails, retryAfterSeconds?: number) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.code = problem.code ?? undefined;
    this.fieldErrors = normalizeFieldErrors(problem.errors);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let problem: ProblemDetails = { status: response.status };
    const text = await response.text().catch(() => '');
    if (text) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (parsed && typeof parsed === 'object') problem = parsed as ProblemDetails;
      } catch {
        problem = { status: response.status, detail: text.slice(0, 500) };
      }
    }
    return new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }
}

/** The network itself failed (server down, offline): no HTTP status at all. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

function normalizeFieldErrors(errors: ProblemDetails['errors']): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (!errors || typeof errors !== 'object') return result;
  for (const [key, messages] of Object.entries(errors)) {
    // The contract says camelCase; lower-casing the first letter also copes with "Name" or "$.name".
    const field = key.replace(/^\$\./, '');
    const camel = field.charAt(0).toLowerCase() + field.slice(1);
    result[camel] = [...(result[camel] ?? []), ...(Array.isArray(messages) ? messages : [String(messages)])];
  }
  return result;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
