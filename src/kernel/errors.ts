/**
 * The one error model of the use cases: a refusal names its kind, and the adapters translate the kind — the HTTP
 * server into a status and an ErrorBody (src/server/http.ts, in one place), the command line into an exit code.
 * Domains never know HTTP statuses.
 */
export const ERROR_KINDS = ['invalid', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'too_large', 'rate_limited'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class DomainError extends Error {
  constructor(
    /**
     * invalid: the input breaks a rule; unauthenticated: the caller is not who they claim; forbidden: not for this
     * caller; not_found: absent, or outside the caller's scope; conflict: the state does not allow it now (or changed
     * meanwhile); too_large: more than a limit allows; rate_limited: too many attempts, try again later.
     */
    readonly kind: ErrorKind,
    message: string,
    readonly details?: Array<{ path: string; message: string }>,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new DomainError('invalid', message);
export const forbidden = (message = 'not allowed for your role') => new DomainError('forbidden', message);
export const notFound = (message = 'not found') => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const tooLarge = (message: string) => new DomainError('too_large', message);
