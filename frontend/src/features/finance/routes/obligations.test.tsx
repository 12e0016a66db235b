import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

const obligation = (id: string, title: string, extra: Record<string, unknown>) => ({
  id, unitId: '0193a000-0000-7000-8000-000000000001', unitName: 'Liên đoàn Lao động tỉnh Hưng Yên', sourceKind: 'ResearchTopic',
  recordId: `${id}-topic`, title, certificateNumber: 'HĐ-01', decisionDate: '2026-03-01', legalBasis: 'Hợp đồng thực hiện đề tài số HĐ-01',
  total: 100000000, funded: 30000000, toBeFunded: true, years: [{ year: 2026, from: '2026-03-01', to: '2026-12-31', authorsTotal: 100000000, organisersMinimum: 0 }],
  allocationIds: [], state: 'Open', stillToBeFunded: 70000000, withdrawnOn: null, withdrawalReason: null, ...extra,
});

describe('obligations page', { timeout: 60_000 }, () => {
  it('shows a cancelled topic\'s obligation as withdrawn, with its date and reason and nothing left to fund', async () => {
    server.use(
      http.get('*/api/v1/finance/obligations', () => HttpResponse.json([
        obligation('o1', 'Đề tài: Đang thực hiện', {}),
        obligation('o2', 'Đề tài: Đã bị hủy', {
          toBeFunded: false, state: 'Withdrawn', stillToBeFunded: 0, withdrawnOn: '2026-12-07', withdrawalReason: 'Đơn vị chủ trì giải thể',
        }),
      ])),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'HY');
    renderApp('/finance/obligations');

    const withdrawnRow = (await screen.findByText('Đề tài: Đã bị hủy (HĐ-01)', {}, { timeout: 20_000 })).closest('tr')!;
    const withdrawn = within(withdrawnRow).getByTestId('obligation-withdrawn');
    expect(withdrawn).toHaveTextContent('Đã rút');
    expect(withdrawn).toHaveTextContent('Rút ngày 07/12/2026: Đơn vị chủ trì giải thể');
    expect(within(withdrawnRow).queryByText('Chờ cấp')).not.toBeInTheDocument();
    expect(withdrawnRow).toHaveTextContent('30.000.000 ₫0 ₫');

    const openRow = screen.getByText('Đề tài: Đang thực hiện (HĐ-01)').closest('tr')!;
    expect(within(openRow).queryByTestId('obligation-withdrawn')).not.toBeInTheDocument();
    expect(within(openRow).getByText('Chờ cấp')).toBeInTheDocument();
    expect(openRow).toHaveTextContent('30.000.000 ₫70.000.000 ₫');
  });

  it('shows when each obligation is due (the dates of its payment periods), not the ordinal year of its schedule', async () => {
    server.use(
      http.get('*/api/v1/finance/obligations', () => HttpResponse.json([
        obligation('t1', 'Đề tài: Hai năm', { years: [{ year: 1, from: '2026-03-01', to: '2027-02-28', authorsTotal: 100000000, organisersMinimum: 0 }] }),
        obligation('i1', 'Sáng kiến: Ba năm', {
          sourceKind: 'Initiative', certificateNumber: 'SK-01',
          years: [
            { year: 1, from: '2026-01-01', to: '2026-12-31', authorsTotal: 10000000, organisersMinimum: 0 },
            { year: 2, from: '2027-01-01', to: '2027-12-31', authorsTotal: 10000000, organisersMinimum: 0 },
          ],
        }),
        obligation('c1', 'Tiền thưởng khen thưởng: Bằng khen', { sourceKind: 'Commendation', certificateNumber: 'QĐ-05',
          years: [{ year: 1, from: '2026-11-15', to: '2026-11-15', authorsTotal: 5000000, organisersMinimum: 0 }] }),
      ])),
    );
    signInWithPermissions(['finance.read', 'finance.manage'], 'HY');
    renderApp('/finance/obligations');

    const topic = (await screen.findByText('Đề tài: Hai năm (HĐ-01)', {}, { timeout: 20_000 })).closest('tr')!;
    expect(screen.getByRole('columnheader', { name: 'Thời gian chi trả' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Năm' })).not.toBeInTheDocument();
    expect(topic).toHaveTextContent('01/03/2026 – 28/02/2027');
    const initiative = screen.getByText('Sáng kiến: Ba năm (SK-01)').closest('tr')!;
    expect(initiative).toHaveTextContent('Năm thứ 1: 01/01/2026 – 31/12/2026');
    expect(initiative).toHaveTextContent('Năm thứ 2: 01/01/2027 – 31/12/2027');
    const commendation = screen.getByText('Tiền thưởng khen thưởng: Bằng khen (QĐ-05)').closest('tr')!;
    expect(commendation).toHaveTextContent('Ngày 15/11/2026');
    expect(commendation).not.toHaveTextContent('15/11/2026 –');
  });
});
