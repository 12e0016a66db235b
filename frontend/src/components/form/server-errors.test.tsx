import type { FormInstance } from 'antd';
import { render, screen } from '@testing-library/react';
import { ApiError } from '@/lib/api/problem';
import { applyFieldErrors, ServerErrorAlert, toNamePath } from './server-errors';

describe('server errors on form fields', () => {
  it('reads a nested problem key as a name path', () => {
    expect(toNamePath('sections[1].tasks[0].title')).toEqual(['sections', 1, 'tasks', 0, 'title']);
    expect(toNamePath('Sections[12].Code')).toEqual(['sections', 12, 'code']);
    expect(toNamePath('matrix[0][2]')).toEqual(['matrix', 0, 2]);
    expect(toNamePath('periodTo')).toEqual(['periodTo']);
  });

  it('puts top-level and nested messages on their fields and leaves the rest for the alert', () => {
    const setFields = vi.fn();
    const form = { setFields } as unknown as FormInstance;
    const error = new ApiError(400, {
      status: 400,
      errors: {
        periodTo: ['The last year must be on or after the first year.'],
        'sections[1].tasks[0].text': ["'Text' must not be empty."],
        indicators: ['At most 100 indicators.'],
        unknownThing: ['Something else.'],
      },
    });

    const leftover = applyFieldErrors(form, error, ['periodTo', 'sections', 'indicators']);

    expect(setFields).toHaveBeenCalledWith([
      { name: ['periodTo'], errors: ['The last year must be on or after the first year.'] },
      { name: ['sections', 1, 'tasks', 0, 'text'], errors: ["'Text' must not be empty."] },
      { name: ['indicators'], errors: ['At most 100 indicators.'] },
    ]);
    expect(leftover).toEqual(['Something else.']);
  });

  it('lists every field message when the form puts none on a field, and only the leftovers when it does', () => {
    const error = new ApiError(400, {
      status: 400,
      errors: { endsAt: ['Buổi học phải kết thúc sau khi bắt đầu.'], reason: ['Nhập lý do.'] },
    });

    const { rerender } = render(<ServerErrorAlert error={error} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Buổi học phải kết thúc sau khi bắt đầu.');
    expect(screen.getByRole('alert')).toHaveTextContent('Nhập lý do.');

    rerender(<ServerErrorAlert error={error} leftoverMessages={['Nhập lý do.']} />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Buổi học phải kết thúc sau khi bắt đầu.');
    expect(screen.getByRole('alert')).toHaveTextContent('Nhập lý do.');
  });
});
