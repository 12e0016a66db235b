import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDebouncedValue } from './use-debounced-value';

describe('useDebouncedValue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the value on only once typing pauses, and says a newer one is pending meanwhile', () => {
    const { result, rerender } = renderHook(({ q }) => useDebouncedValue(q, 300), { initialProps: { q: '' } });
    expect(result.current).toEqual(['', false]);

    rerender({ q: 'Ng' });
    act(() => vi.advanceTimersByTime(200));
    rerender({ q: 'Nguy' });
    act(() => vi.advanceTimersByTime(200));
    expect(result.current).toEqual(['', true]);

    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toEqual(['Nguy', false]);
  });
});
