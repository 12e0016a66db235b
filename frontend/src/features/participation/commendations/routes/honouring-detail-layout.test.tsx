import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009511';
const ROUTE = `*/api/v1/participation/commendations/honouring-events/${ID}`;
const LONG_FORM = 'Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Hưng Yên vì thành tích xuất sắc trong phong trào thi đua lao động sáng tạo';

const event = {
  id: ID, unitId: 'u-hy', unitName: 'Liên đoàn Lao động tỉnh Hưng Yên', name: 'Lễ tôn vinh năm 2026', heldOn: '2099-05-19', venue: 'Hội trường LĐLĐ tỉnh',
  createdBy: 'Ban Chính sách – Pháp luật', held: false, canManage: true, version: 3, createdAt: '2026-12-01T02:00:00Z', updatedAt: '2026-12-01T02:00:00Z',
  decisions: [
    { proposalId: 'p1', formCode: 'BK-LDLD', formName: LONG_FORM, decisionNumber: '21/QĐ-LĐLĐ', decisionDate: '2026-11-15', honourees: 2, year: 2026,
      names: 'Nguyễn Thị Lan, Trần Văn Sáng' },
  ],
  honourees: [1, 2].map((order) => ({
    certificateId: `00000000-0000-4000-8000-00000000961${order}`, order, kind: 'Person',
    name: order === 1 ? 'Nguyễn Thị Lan' : 'Công đoàn cơ sở Công ty trách nhiệm hữu hạn một thành viên Cơ khí chính xác Phố Nối',
    formCode: 'BK-LDLD', formName: LONG_FORM, decisionNumber: '21/QĐ-LĐLĐ', decisionDate: '2026-11-15', certificateNumber: `00${order}/GCN-TV2026`,
    verifyUrl: `http://localhost/verify/khen-thuong/code${order}`, revoked: false, revokedAt: null, revocationReason: null,
  })),
};

describe('an honouring event at office width (#13)', { timeout: 40_000 }, () => {
  it('fits its honourees table to the page (no sideways scroll, long texts cut with an ellipsis, the actions kept)', async () => {
    server.use(http.get(ROUTE, () => HttpResponse.json(event)));
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    renderApp(`/participation/honouring-events/${ID}`);
    const table = await screen.findByTestId('honourees', {}, { timeout: 20_000 });
    const grid = within(table).getByRole('table');
    expect(grid).toHaveStyle({ tableLayout: 'fixed' });
    expect(table.querySelector('.ant-table-content')).not.toHaveStyle({ overflowX: 'auto' });
    expect(within(table).getAllByText(LONG_FORM)[0]!.closest('td')).toHaveClass('ant-table-cell-ellipsis');
    expect(within(table).getByText(/Cơ khí chính xác/).closest('td')).toHaveClass('ant-table-cell-ellipsis');
    expect(within(table).getByTestId('revoke-certificate-2')).toHaveTextContent('Thu hồi');
    expect(within(table).getByTestId('download-certificate-2')).toHaveAccessibleName(/Giấy chứng nhận \(PDF\)/);
  });

  it('labels the event\'s own decisions in its edit dialog like the ones not honoured yet: number, date, form, year and names', async () => {
    server.use(
      http.get(ROUTE, () => HttpResponse.json(event)),
      http.get('*/api/v1/participation/commendations/honourable-decisions', () => HttpResponse.json([
        { proposalId: 'p2', decisionNumber: '30/QĐ-LĐLĐ', decisionDate: '2026-11-20', year: 2026, formCode: 'GK-LDLD', formName: 'Giấy khen của Liên đoàn Lao động tỉnh',
          proposingUnitId: 'u-vl', proposingUnitName: 'LĐLĐ huyện Văn Lâm', honourees: 1, names: 'Phạm Thu Hà' },
      ])),
    );
    signInWithPermissions(['participation.read', 'participation.commendations.decide'], 'HY');
    const app = renderApp(`/participation/honouring-events/${ID}`);
    await app.user.click(await screen.findByTestId('edit-honouring-event', {}, { timeout: 20_000 }));
    const picker = await screen.findByTestId('edit-honouring-decisions');
    expect(await within(picker).findByRole('checkbox', { name: `21/QĐ-LĐLĐ (15/11/2026) — ${LONG_FORM} 2026: Nguyễn Thị Lan, Trần Văn Sáng` })).toBeChecked();
    expect(await within(picker).findByRole('checkbox', { name: '30/QĐ-LĐLĐ (20/11/2026) — Giấy khen của Liên đoàn Lao động tỉnh 2026: Phạm Thu Hà' })).not.toBeChecked();
  });
});
