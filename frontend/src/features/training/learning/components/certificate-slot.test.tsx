import { StyleProvider, createCache } from '@ant-design/cssinjs';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { createQueryClient } from '@/lib/query-client';
import { server } from '@/testing/mocks/server';
import { certificateHandlers, mockCertificate } from '@/testing/mocks/certificates';
import { screen, signInWithPermissions, waitFor } from '@/testing/test-utils';
import { CertificateSlot } from './certificate-slot';

function renderSlot(enrolmentId: string) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  return render(
    <StyleProvider mock="server" cache={createCache()}>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <CertificateSlot enrolmentId={enrolmentId} />
            <span>ready</span>
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </StyleProvider>,
  );
}

describe('certificate slot', () => {
  it('offers the PDF and the verification page of the enrolment\'s certificate', async () => {
    server.use(...certificateHandlers());
    signInWithPermissions(['training.read']);
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:certificate');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
    renderSlot(mockCertificate(1).enrolmentId);
    expect(await screen.findByText('Số KNST01/2025/001')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Trang tra cứu' })).toHaveAttribute('href', '/verify/code-1');
    await user.click(screen.getByRole('button', { name: /Tải giấy chứng nhận/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(await createObjectURL.mock.calls[0]![0].text()).toBe('%PDF-1.7');
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('chung-nhan.pdf');
    click.mockRestore();
  });

  it('marks a revoked certificate', async () => {
    server.use(...certificateHandlers({ mine: [mockCertificate(1, { revokedAt: '2025-03-20T03:00:00Z' })], course: [], token: 't', rotations: 0 }));
    signInWithPermissions(['training.read']);
    renderSlot(mockCertificate(1).enrolmentId);
    expect(await screen.findByText('Đã thu hồi')).toBeInTheDocument();
  });

  it('renders nothing when the enrolment has no certificate', async () => {
    server.use(...certificateHandlers());
    signInWithPermissions(['training.read']);
    renderSlot('00000000-0000-4000-8000-000000000000');
    expect(await screen.findByText('ready')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('certificate-slot')).not.toBeInTheDocument());
  });
});
