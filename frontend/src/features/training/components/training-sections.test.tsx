import { addCourseUsers, COORDINATOR, PARTNER_STAFF } from '@/testing/mocks/courses';
import { renderApp, screen, signInAs } from '@/testing/test-utils';

describe('training sections', { timeout: 60_000 }, () => {
  beforeEach(() => addCourseUsers());

  it('offers partner staff their courses and workspace, not the union campaigns they cannot see', async () => {
    signInAs(PARTNER_STAFF);
    renderApp('/training/courses');
    await screen.findByTestId('training-section-courses', {}, { timeout: 20_000 });
    expect(screen.getByTestId('training-section-workspace')).toBeInTheDocument();
    expect(screen.queryByTestId('training-section-campaigns')).not.toBeInTheDocument();
  });

  it('offers a union coordinator the campaigns', async () => {
    signInAs(COORDINATOR);
    renderApp('/training/courses');
    expect(await screen.findByTestId('training-section-campaigns', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('training-section-workspace')).not.toBeInTheDocument();
  });
});
