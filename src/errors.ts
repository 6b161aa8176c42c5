// One error class with a stable code; app.onError turns it into application/problem+json
// (RFC 9457). Anything else that escapes is logged by id and answered as a generic 500.

export type ErrorCode =
  | 'unauthorized' | 'forbidden' | 'not_found' | 'malformed_json' | 'unsupported_media_type' | 'invalid_payload'
  | 'invalid_query' | 'invalid_parameter' | 'unknown_event' | 'event_not_allowed' | 'version_conflict'
  | 'journey_finished' | 'journey_outdated' | 'payload_too_large' | 'method_not_allowed' | 'service_unavailable' | 'internal_error'
  | 'cv_not_pdf' | 'cv_empty' | 'cv_too_large';

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 500 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);

export interface ProblemDetails {
  type: string; title: string; status: number; code: ErrorCode; detail: string; [k: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed',
  409: 'Conflict', 413: 'Payload too large', 415: 'Unsupported media type', 422: 'Unprocessable content',
  500: 'Internal server error', 503: 'Service unavailable',
};

export function problem(err: AppError): ProblemDetails {
  // Extras first: they may add members but never replace the standard ones (e.g. `status`).
  return {
    ...err.extra,
    type: `https://intake.example/problems/${err.code}`,
    title: titles[err.status] ?? 'Error',
    status: err.status,
    code: err.code,
    detail: err.message,
  };
}
