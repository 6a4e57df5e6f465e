/** A field the API refused, as its problem+json `errors` names it. */
export interface FieldError {
  field: string
  message: string
}

/**
 * What the API answers when it refuses (RFC 9457 problem+json): a stable `code` to act on, a `detail` to show, and
 * the fields at fault on a validation error.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail)
  }

  /** The message for a field of a form, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message
  }
}

/** Reads a refusal's body; one that is not problem+json (a proxy's page, nothing at all) still becomes an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object') {
    const problem = body as Record<string, unknown>
    const errors = Array.isArray(problem.errors)
      ? (problem.errors as Record<string, unknown>[])
          .filter((e) => typeof e.field === 'string')
          .map((e) => ({ field: String(e.field), message: String(e.message ?? '') }))
      : []
    const detail = typeof problem.detail === 'string' ? problem.detail : typeof problem.title === 'string' ? problem.title : `HTTP ${status}`
    return new ApiError(status, typeof problem.code === 'string' ? problem.code : `HTTP_${status}`, detail, errors)
  }
  return new ApiError(status, `HTTP_${status}`, `HTTP ${status}`)
}

/** What to show for a failed call: the API's detail, or the error itself when it never reached the API. */
export function messageOf(e: unknown): string {
  return e instanceof ApiError ? e.detail : String(e)
}

/** The API's field errors by field name, for a form's items (none when the failure was not a refusal). */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  return e instanceof ApiError ? Object.fromEntries(e.errors.map((f) => [f.field, f.message])) : {}
}
