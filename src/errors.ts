// One error class with a stable code. Services throw codes; the HTTP status follows from the code
// through one map (codeToStatus), and app.onError turns the error into application/problem+json
// (RFC 9457). The README's error table is checked against this map (test/readme.test.ts).
// Anything else that escapes is logged by id and answered as a generic 500.

export const codeToStatus = {
  malformed_json: 400,
  invalid_payload: 400,
  invalid_query: 400,
  invalid_parameter: 400,
  unknown_event: 400,
  cv_empty: 400,
  document_empty: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  version_conflict: 409,
  journey_finished: 409,
  journey_outdated: 409,
  delivery_in_progress: 409,
  import_already_started: 409,
  idempotency_key_in_use: 409,
  payload_too_large: 413,
  cv_too_large: 413,
  document_too_large: 413,
  unsupported_media_type: 415,
  cv_not_pdf: 415,
  document_type_not_allowed: 415,
  event_not_allowed: 422,
  idempotency_key_reused: 422,
  document_kind_refused: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof codeToStatus;
export type ErrorStatus = (typeof codeToStatus)[ErrorCode];

export class AppError extends Error {
  readonly status: ErrorStatus;

  constructor(readonly code: ErrorCode, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
    this.status = codeToStatus[code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);

export interface ProblemDetails {
  type: string; title: string; status: number; code: ErrorCode; detail: string; [k: string]: unknown;
}

const titles: Record<ErrorStatus, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found',
  409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content', 429: 'Too many requests',
  500: 'Internal server error', 503: 'Service unavailable',
};

export function problem(err: AppError): ProblemDetails {
  // Extras first: they may add members but never replace the standard ones (e.g. `status`).
  return {
    ...err.extra,
    type: `https://intake.example/problems/${err.code}`,
    title: titles[err.status],
    status: err.status,
    code: err.code,
    detail: err.message,
  };
}

/**
 * An unexpected error as the log may carry it: its class, codes (a PostgreSQL SQLSTATE, a Node
 * errno) and stack frames, never its message. Messages quote values: a failed query's parameters,
 * a form's contents, a token in a path.
 */
export function errorForLog(err: unknown): { name: string; code?: string; cause?: { name: string; code?: string }; frames: string[] } {
  const shape = (e: unknown) => {
    const name = e instanceof Error ? e.constructor.name || e.name : typeof e;
    const code = (e as { code?: unknown } | null)?.code;
    return { name, ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}) };
  };
  const cause = err instanceof Error && err.cause !== undefined ? { cause: shape(err.cause) } : {};
  const frames = err instanceof Error ? (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim()).slice(0, 12) : [];
  return { ...shape(err), ...cause, frames };
}
