import { addCourseUsers, COORDINATOR, COURSE_IDS, PARTNER_STAFF } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

describe('course catalogue', { timeout: 40_000 }, () => {
  beforeEach(() => addCourseUsers());

  it('lists every course with its status and filters by status', async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp('/training/courses');
    const table = await screen.findByTestId('course-table', {}, { timeout: 20_000 });
    const link = await within(table).findByRole('link', { name: 'SKHCN-SHTT-04' });
    expect(link).toHaveAttribute('href', `/training/courses/${COURSE_IDS.running}`);
    expect(table).toHaveTextContent('Đang mở cử học viên');
    expect(table).toHaveTextContent('05/03/2030 08:00');
    expect(screen.getByRole('link', { name: /Đề xuất khóa học/ })).toBeInTheDocument();

    await user.click(screen.getByTestId('filter-open-today'));
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'SKHCN-SHTT-04' })).not.toBeInTheDocument());
    expect(within(table).getByRole('link', { name: 'SPKT-DMST-03' })).toBeInTheDocument();
  });

  it("shows a partner's staff only their agency's courses, without the propose button", async () => {
    signInAs(PARTNER_STAFF);
    renderApp('/training/courses');
    const table = await screen.findByTestId('course-table', {}, { timeout: 20_000 });
    await within(table).findByRole('link', { name: 'SPKT-SK-01' });
    expect(within(table).queryByRole('link', { name: 'SKHCN-SHTT-04' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Đề xuất khóa học/ })).not.toBeInTheDocument();
  });
});
