import { addCourseUsers, COORDINATOR, PARTNER_STAFF } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs, within } from '@/testing/test-utils';

const UNIVERSITY = '00000000-0000-4000-8000-000000000601';

describe('partner detail', { timeout: 40_000 }, () => {
  beforeEach(() => addCourseUsers());

  it('shows the coordinator the agreement file, the staff accounts with linking, and the instructors', async () => {
    signInAs(COORDINATOR);
    renderApp(`/training/partners/${UNIVERSITY}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên' }, { timeout: 20_000 })).toBeInTheDocument();
    const agreement = screen.getByTestId('partner-agreement');
    expect(agreement).toHaveTextContent('thoa-thuan-hop-tac.pdf');
    expect(within(agreement).getByRole('button', { name: /Tải lên văn bản/ })).toBeInTheDocument();
    expect(screen.getByText('doitac@hungyen.demo')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Liên kết tài khoản' })).toBeInTheDocument();
    expect(screen.getByText('TS. Nguyễn Văn Hùng')).toBeInTheDocument();
  });

  it("lets the partner's staff read their agency and add instructors, but not link accounts or upload", async () => {
    signInAs(PARTNER_STAFF);
    renderApp(`/training/partners/${UNIVERSITY}`);
    await screen.findByRole('heading', { level: 1, name: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên' }, { timeout: 20_000 });
    expect(screen.queryByRole('button', { name: 'Liên kết tài khoản' })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('partner-agreement')).queryByRole('button', { name: /Tải lên văn bản/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Thêm giảng viên' })).toBeInTheDocument();
  });
});
