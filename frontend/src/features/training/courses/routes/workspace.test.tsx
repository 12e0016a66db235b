import { addCourseUsers, PARTNER_STAFF } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

describe('partner workspace', { timeout: 40_000 }, () => {
  beforeEach(() => addCourseUsers());

  it("groups the agency's courses by state and confirms a proposed one", async () => {
    signInAs(PARTNER_STAFF);
    const { user } = renderApp('/training/workspace');
    expect(await screen.findByRole('heading', { level: 1, name: /Trường Đại học Sư phạm Kỹ thuật Hưng Yên/ }, { timeout: 20_000 })).toBeInTheDocument();
    const toConfirm = screen.getByTestId('workspace-toConfirm');
    expect(toConfirm).toHaveTextContent('SPKT-SK-01');
    expect(screen.getByTestId('workspace-toSchedule')).toHaveTextContent('SPKT-NCKH-02');
    expect(screen.getByTestId('workspace-inProgress')).toHaveTextContent('SPKT-DMST-03');
    expect(screen.getByTestId('workspace-inProgress')).not.toHaveTextContent('SKHCN-SHTT-04');

    await user.click(within(toConfirm).getByTestId('workspace-confirm-SPKT-SK-01'));
    await waitFor(() => expect(screen.getByTestId('workspace-toSchedule')).toHaveTextContent('SPKT-SK-01'));
    expect(screen.getByTestId('workspace-toConfirm')).toHaveTextContent('(0)');
  });
});
