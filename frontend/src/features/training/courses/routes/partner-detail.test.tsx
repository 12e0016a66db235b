import { addCourseUsers, COORDINATOR, PARTNER_STAFF } from '@/testing/mocks/courses';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

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

  it("adds the agency's courses to a calendar from its page (#16)", async () => {
    server.use(...certificateHandlers());
    signInAs(COORDINATOR);
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const app = renderApp(`/training/partners/${UNIVERSITY}`);
    await app.user.click(await screen.findByTestId('add-to-calendar', {}, { timeout: 20_000 }));
    await waitFor(() =>
      expect(clicked).toEqual([
        {
          href: `http://localhost/api/v1/training/calendar/tok-first/partners/${UNIVERSITY}.ics`,
          download: 'lich-truong-dai-hoc-su-pham-ky-thuat-hung-yen.ics',
        },
      ]),
    );
    click.mockRestore();
  });
});
