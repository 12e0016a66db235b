import { useCallback, useState } from 'react';
import { ApiError } from './problem';

/**
 * The Idempotency-Key of a form's POST. It stays the same while the outcome is unknown (network failure, 5xx,
 * "still in progress"), so a retry never creates twice; once the server has answered for good (created, or
 * refused with a 4xx it keeps for that key), the next submission is a new request and gets a new key, since
 * the server would refuse the old key with a different body (422).
 */
export function useIdempotencyKey() {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const settle = useCallback((error?: unknown) => {
    const final = error === undefined || (error instanceof ApiError && error.status < 500 && error.code !== 'idempotency_in_progress');
    if (final) setKey(crypto.randomUUID());
  }, []);
  return [key, settle] as const;
}
