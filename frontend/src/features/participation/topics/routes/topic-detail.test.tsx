import { StyleProvider, createCache } from '@ant-design/cssinjs';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { render, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from '@/lib/query-client';
import { server } from '@/testing/mocks/server';
import { screen, signInWithPermissions, waitFor } from '@/testing/test-utils';
import type { TopicDetail } from '../api/topics';
import '../strings';
import { TopicDetailRoute } from './topic-detail';

const ID = '0193a000-0000-7000-8000-000000000001';

function topic(overrides: Partial<TopicDetail> = {}): TopicDetail {
  return {
    id: ID, unitId: 'u1', unitName: 'LĐLĐ huyện Văn Lâm', callId: 'c1', callTitle: 'Đặt hàng 2025', budgetCeiling: 200_000_000,
    title: 'Ứng dụng IoT giám sát an toàn lao động', field: 'Kỹ thuật', lead: { officialId: 'o1', fullName: 'Nguyễn Văn An' },
    members: [], objectives: 'Giảm tai nạn', expectedProducts: 'Hệ thống cảnh báo', durationMonths: 12, budgetLines: [], sourceTotals: [],
    budgetTotal: 0, status: 'InProgress', allowedMoves: ['UnderAcceptance', 'Cancelled'], filedBy: 'canbo.vanlam@hungyen.demo',
    milestones: [], late: false, extensions: [], extensionsLeft: 2, attachments: [], steps: [], councils: [],
    canPropose: false, canManage: true, version: 3, createdAt: '2025-01-05T02:00:00Z', updatedAt: '2025-03-01T02:00:00Z',
    ...overrides,
  };
}

function renderDetail() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false } });
  return render(
    <StyleProvider mock="server" cache={createCache()}>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter initialEntries={[`/participation/topics/${ID}`]}>
            <Routes>
              <Route path="/participation/topics/:topicId" element={<TopicDetailRoute />} />
            </Routes>
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </StyleProvider>,
  );
}

describe('topic detail: cancelling and closing', () => {
  it('the ordering unit cancels a running topic only with a reason, sent with the version, and the reason then shows', async () => {
    let current = topic();
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    server.use(
      http.get(`*/api/v1/participation/topics/${ID}`, () => HttpResponse.json(current)),
      http.post(`*/api/v1/participation/topics/${ID}/cancel`, async ({ request }) => {
        const body = (await request.json()) as { reason: string };
        sent.push({ body, ifMatch: request.headers.get('If-Match') });
        current = topic({ status: 'Cancelled', allowedMoves: [], cancellationReason: body.reason, version: 4 });
        return HttpResponse.json(current);
      }),
    );
    signInWithPermissions(['participation.read', 'participation.topics.manage']);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
    renderDetail();

    await user.click(await screen.findByTestId('cancel-topic'));
    const dialog = await screen.findByRole('dialog', { name: 'Hủy đề tài' });
    await user.click(within(dialog).getByTestId('step-ok'));
    expect(await within(dialog).findByText('Vui lòng nhập lý do.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await user.type(within(dialog).getByTestId('step-reason'), 'Đơn vị chủ trì giải thể');
    await user.click(within(dialog).getByTestId('step-ok'));
    await waitFor(() => expect(sent).toEqual([{ body: { reason: 'Đơn vị chủ trì giải thể' }, ifMatch: '"3"' }]));
    expect(await screen.findByText('Lý do hủy')).toBeInTheDocument();
    expect(screen.getByText('Đơn vị chủ trì giải thể')).toBeInTheDocument();
    expect(screen.queryByTestId('cancel-topic')).not.toBeInTheDocument();
  });

  it('offers closing after acceptance, and neither step to the proposing unit', async () => {
    server.use(http.get(`*/api/v1/participation/topics/${ID}`, () => HttpResponse.json(topic({ status: 'Accepted', allowedMoves: ['Applied', 'Closed'] }))));
    signInWithPermissions(['participation.read', 'participation.topics.manage']);
    const { unmount } = renderDetail();
    expect(await screen.findByTestId('close-topic')).toHaveTextContent('Kết thúc đề tài');
    expect(screen.queryByTestId('cancel-topic')).not.toBeInTheDocument();
    unmount();

    server.use(
      http.get(`*/api/v1/participation/topics/${ID}`, () =>
        HttpResponse.json(topic({ status: 'Accepted', allowedMoves: ['Applied', 'Closed'], canManage: false, canPropose: true })),
      ),
    );
    renderDetail();
    await screen.findByTestId('record-application');
    expect(screen.queryByTestId('close-topic')).not.toBeInTheDocument();
  });
});

describe('topic detail: proposal documents', () => {
  const file = { id: 'a1', fileName: 'thuyet-minh.docx', contentType: 'application/msword', size: 10, uploadedAt: '2025-01-05T02:00:00Z', uploadedBy: null };

  it('the proposer deletes a draft\'s document after a confirmation, sent with the version', async () => {
    let current = topic({ status: 'Draft', allowedMoves: ['Submitted'], canPropose: true, canManage: false, attachments: [file] });
    const sent: { url: string; ifMatch: string | null }[] = [];
    server.use(
      http.get(`*/api/v1/participation/topics/${ID}`, () => HttpResponse.json(current)),
      http.delete(`*/api/v1/participation/topics/${ID}/attachments/:attachmentId`, ({ request }) => {
        sent.push({ url: new URL(request.url).pathname, ifMatch: request.headers.get('If-Match') });
        current = { ...current, attachments: [], version: 4 };
        return new HttpResponse(null, { status: 204 });
      }),
    );
    signInWithPermissions(['participation.read', 'participation.topics.propose']);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
    renderDetail();

    await user.click(await screen.findByRole('button', { name: 'Xoá tệp thuyet-minh.docx' }));
    expect(await screen.findByText('Xoá tệp "thuyet-minh.docx" khỏi thuyết minh?')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
    await user.click(screen.getByTestId('delete-topic-attachment-confirm'));
    await waitFor(() => expect(sent).toEqual([{ url: `/api/v1/participation/topics/${ID}/attachments/a1`, ifMatch: '"3"' }]));
    await waitFor(() => expect(screen.queryByTestId('topic-attachments')).not.toBeInTheDocument());
  });

  it('offers no delete once submitted, nor to the ordering unit', async () => {
    server.use(http.get(`*/api/v1/participation/topics/${ID}`, () => HttpResponse.json(topic({ status: 'Submitted', canPropose: true, attachments: [file] }))));
    signInWithPermissions(['participation.read', 'participation.topics.propose']);
    const { unmount } = renderDetail();
    expect(await screen.findByText('thuyet-minh.docx')).toBeInTheDocument();
    expect(screen.queryByTestId('delete-topic-attachment')).not.toBeInTheDocument();
    unmount();

    server.use(http.get(`*/api/v1/participation/topics/${ID}`, () => HttpResponse.json(topic({ status: 'Draft', canPropose: false, attachments: [file] }))));
    renderDetail();
    expect(await screen.findByText('thuyet-minh.docx')).toBeInTheDocument();
    expect(screen.queryByTestId('delete-topic-attachment')).not.toBeInTheDocument();
  });
});
