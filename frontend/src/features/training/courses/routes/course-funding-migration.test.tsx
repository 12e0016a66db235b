import { addCourseUsers, COORDINATOR, COURSE_IDS, FUNDING_OPTIONS, setCourseFundingReferences } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

/**
 * #14: "Training's course form picks a real allocation instead of a free-text funding reference (migrate the text)".
 * Courses saved before Finance existed carry only a free-text reference; the migration offered in the course form links
 * those naming exactly one allocation and its report says which were linked to which allocation and which were not.
 */
describe('course funding migration', { timeout: 60_000 }, () => {
  beforeEach(() => {
    addCourseUsers();
    setCourseFundingReferences({
      [COURSE_IDS.proposed]: 'tập huấn Sở hữu trí tuệ',
      [COURSE_IDS.confirmed]: 'Nguồn xã hội hoá của doanh nghiệp, năm 2029',
      [COURSE_IDS.open]: '(2030)',
    });
  });

  it('links the courses whose old reference names one allocation and lists the others with the reason', async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.proposed}/edit`);
    await user.click(await screen.findByTestId('course-funding-migrate', {}, { timeout: 40_000 }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('course-funding-migration-summary')).toHaveTextContent('Đã gắn 1; nhiều khoản khớp 1; không khớp 1.');
    const rows = within(within(dialog).getByTestId('course-funding-migration-report')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const row = (code: string) => rows.find((r) => r.textContent?.includes(code))!;

    const matched = row('SPKT-SK-01');
    expect(matched).toHaveTextContent('tập huấn Sở hữu trí tuệ');
    expect(matched).toHaveTextContent('Đã gắn');
    expect(matched).toHaveTextContent(FUNDING_OPTIONS[1]!.label);

    const unmatched = row('SPKT-NCKH-02');
    expect(unmatched).toHaveTextContent('Nguồn xã hội hoá của doanh nghiệp, năm 2029');
    expect(unmatched).toHaveTextContent('Không khớp');
    expect(unmatched).toHaveTextContent('Không có khoản phân bổ nào của đơn vị khớp với ghi chú');

    const ambiguous = row('SPKT-DMST-03');
    expect(ambiguous).toHaveTextContent('Nhiều khoản khớp');
    for (const option of FUNDING_OPTIONS) expect(ambiguous).toHaveTextContent(option.label);
  });

  it('shows the linked allocation on the course afterwards, and offers the migration no more for it', async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.proposed}/edit`);
    await user.click(await screen.findByTestId('course-funding-migrate', {}, { timeout: 40_000 }));
    await screen.findByTestId('course-funding-migration-report');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /close|đóng/i }));
    await waitFor(() => expect(screen.queryByTestId('course-funding-migrate')).not.toBeInTheDocument());
    await user.click(screen.getByRole('link', { name: 'Hủy' }));
    expect(await screen.findByTestId('course-funding-label', {}, { timeout: 20_000 })).toHaveTextContent(FUNDING_OPTIONS[1]!.label);
  });
});
