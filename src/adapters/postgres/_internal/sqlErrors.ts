// SQLSTATE codes the adapter reacts to (PostgreSQL appendix A); pg and PGlite both put
// the code on the error as `code`.

/**
 * 40001 serialization_failure, 40P01 deadlock_detected: the transaction may be retried as a whole.
 * @example
 * isRetryable({ code: '40001' }) //=> true
 */
export function isRetryable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '40001' || code === '40P01';
}

/**
 * 23514 check_violation: a row would break a table constraint.
 * @example
 * isCheckViolation({ code: '23514' }) //=> true
 */
export function isCheckViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23514';
}
