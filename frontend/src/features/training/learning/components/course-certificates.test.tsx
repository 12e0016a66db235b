import { StyleProvider, createCache } from '@ant-design/cssinjs';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { render, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { createQueryClient } from '@/lib/query-client';
import { server } from '@/testing/mocks/server';
import { certificateHandlers, COURSE_ID } from '@/testing/mocks/certificates';
import { screen, signInWithPermissions, waitFor } from '@/testing/test-utils';
import vi_ from '../locales/vi.json';
import en from '../locales/en.json';
import { CourseCertificates } from './course-certificates';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function renderPanel() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  render(
    <StyleProvider mock="server" cache={createCache()}>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <CourseCertificates courseId={COURSE_ID} />
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </StyleProvider>,
  );
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
}

describe('course certificates panel', () => {
  it('has the same strings in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi_).sort());
  });

  it('lets the coordinator issue the certificates, then revoke one with a reason', async () => {
    server.use(...certificateHandlers());
    signInWithPermissions(['training.read', 'training.courses.manage']);
    const user = renderPanel();
    expect(await screen.findByText('Chưa cấp giấy chứng nhận nào')).toBeInTheDocument();

    await user.click(screen.getByTestId('issue-certificates'));
    // #16: confirmed first, saying what issuing does; nothing is issued before.
    expect(await screen.findByText(/chỉ thu hồi được kèm lý do/)).toBeInTheDocument();
    expect(screen.getByText('Chưa cấp giấy chứng nhận nào')).toBeInTheDocument();
    await user.click(screen.getByTestId('issue-certificates-ok'));
    expect(await screen.findByText('Đã cấp 2 giấy chứng nhận mới')).toBeInTheDocument();
    // #16: it says who did not qualify, and why.
    const left = await screen.findByTestId('not-qualified');
    expect(within(left).getByText('2 học viên không đủ điều kiện cấp')).toBeInTheDocument();
    expect(within(left).getByText('Lê Thị Cúc').closest('li')).toHaveTextContent(
      'Lê Thị Cúc (chuyên cần 33%): Dự 1/3 buổi (33%), dưới mức tối thiểu 80% của khóa học.',
    );
    expect(within(left).getByText('Phạm Văn Dũng').closest('li')).toHaveTextContent('Không đạt đánh giá cuối khóa.');
    const row = (await screen.findByText('KNST01/2025/002')).closest('tr')!;
    expect(within(row).getByText('Hợp lệ')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Thu hồi' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));
    expect(await within(dialog).findByText('Nhập lý do thu hồi')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('Lý do thu hồi'), 'Cấp nhầm người');
    await user.click(within(dialog).getByRole('button', { name: 'Thu hồi' }));
    expect(await screen.findByText('Đã thu hồi giấy chứng nhận')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByText('KNST01/2025/002').closest('tr')!).getByText('Đã thu hồi')).toBeInTheDocument());
  }, 30_000);

  it('shows partner staff the list without issuing or revoking', async () => {
    server.use(...certificateHandlers({ mine: [], course: [], token: 't', rotations: 0 }));
    signInWithPermissions(['training.read', 'training.sessions.schedule']);
    renderPanel();
    expect(await screen.findByText('Chưa cấp giấy chứng nhận nào')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cấp giấy chứng nhận' })).not.toBeInTheDocument();
  });
});
