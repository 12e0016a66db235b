import { act, renderHook } from '@testing-library/react';
import { useIdempotencyKey } from './idempotency';
import { ApiError, NetworkError } from './problem';

describe('useIdempotencyKey', () => {
  it('keeps the key while the outcome is unknown and renews it once the server has answered for good', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current[0];
    for (const unknown of [new NetworkError(new TypeError('offline')), new ApiError(503, { status: 503 }), new ApiError(409, { code: 'idempotency_in_progress' })]) {
      act(() => result.current[1](unknown));
      expect(result.current[0]).toBe(first);
    }
    act(() => result.current[1](new ApiError(409, { code: 'official_not_in_unit' })));
    const second = result.current[0];
    expect(second).not.toBe(first);
    act(() => result.current[1]());
    expect(result.current[0]).not.toBe(second);
  });
});
