import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';
import { TODOS_HEIGHT } from './officer-todos';

// What a district officer holds over its unit (the demo's canbo.vanlam).
const OFFICER = [
  'organization.units.read',
  'organization.records.read',
  'organization.reports.submit',
  'training.read',
  'training.nominate',
  'participation.read',
  'participation.emulation.register',
];

describe('an officer’s to-dos on the home page (#15)', () => {
  it('lists the unit’s to-dos above the dashboard, each linking to where it is done, with due dates and overdue marked', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const asked: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/me/todos', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('unitId'));
        return HttpResponse.json({
          unit: { id: 'u-vanlam', code: 'VANLAM', name: 'Liên đoàn Lao động huyện Văn Lâm', kind: 'DistrictFederation', parentId: null },
          today: '2026-12-06',
          items: [
            { kind: 'report-due', title: 'Nộp báo cáo năm 2026 của Liên đoàn Lao động huyện Văn Lâm', dueOn: '2026-12-12', overdue: false, count: null,
              link: '/organization/reports/p-2026/units/u-vanlam' },
            { kind: 'registration-due', title: 'Đăng ký thi đua năm 2026: Lao động giỏi, lao động sáng tạo', dueOn: '2026-03-31', overdue: true, count: null,
              link: '/participation/emulation/movements/m-1' },
            { kind: 'course-open', title: 'Cử học viên: SPKT-DMST-03 – Đổi mới sáng tạo và chuyển đổi số trong doanh nghiệp', dueOn: '2026-12-16',
              overdue: false, count: null, link: '/training/courses/c-3' },
            { kind: 'initiative-recognition', title: '2 sáng kiến chờ xét công nhận', dueOn: null, overdue: false, count: 2, link: '/participation/initiatives' },
            { kind: 'focal-missing', title: '3 công đoàn cấp trên chưa có cán bộ đầu mối KH,CN&ĐMST', dueOn: null, overdue: false, count: 3,
              link: '/organization/focal-officials?unit=u-vanlam&missing=1' },
          ],
        });
      }),
    );
    renderApp('/');

    const card = await screen.findByTestId('officer-todos', {}, { timeout: 20_000 });
    await within(card).findByText(/Nộp báo cáo năm 2026/);
    expect(card).toHaveTextContent('Việc cần làm · Liên đoàn Lao động huyện Văn Lâm');
    const report = within(card).getByTestId('todo-report-due');
    expect(within(report).getByRole('link', { name: 'Nộp báo cáo năm 2026 của Liên đoàn Lao động huyện Văn Lâm' }))
      .toHaveAttribute('href', '/organization/reports/p-2026/units/u-vanlam');
    expect(report).toHaveTextContent('Hạn 12/12/2026');
    expect(report).not.toHaveTextContent('Quá hạn');
    expect(within(card).getByTestId('todo-registration-due')).toHaveTextContent('Quá hạn 31/03/2026');
    expect(within(within(card).getByTestId('todo-course-open')).getByRole('link')).toHaveAttribute('href', '/training/courses/c-3');
    const initiatives = within(card).getByTestId('todo-initiative-recognition');
    expect(initiatives).toHaveTextContent('Công nhận sáng kiến');
    expect(initiatives).toHaveTextContent('2');
    const focal = within(card).getByTestId('todo-focal-missing');
    expect(focal).toHaveTextContent('Cán bộ đầu mối');
    expect(within(focal).getByRole('link')).toHaveAttribute('href', '/organization/focal-officials?unit=u-vanlam&missing=1');
    // The to-dos of the unit in scope: the header's scope box chose Văn Lâm.
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    // The dashboard stays on the officer's home, below the to-dos.
    expect(await screen.findByTestId('dashboard-unit', {}, { timeout: 20_000 })).toBeInTheDocument();
    // Five to-dos take the height the loading list took (#17): the list scrolls instead of pushing the dashboard down.
    expect(within(card).getByTestId('officer-todos-body')).toHaveStyle({ height: `${TODOS_HEIGHT}px`, overflowY: 'auto' });
  }, 40_000);

  it('keeps the to-dos and the dashboard in their final size while they load, so nothing jumps when they arrive (#17: CLS)', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    // Both answers wait until the end of the test; then they fail, and nothing is left hanging.
    let release = () => {};
    const gate = new Promise<void>((ok) => (release = ok));
    server.use(
      http.get('*/api/v1/me/todos', async () => {
        await gate;
        return HttpResponse.json({}, { status: 503 });
      }),
      http.get('*/api/v1/dashboard', async () => {
        await gate;
        return HttpResponse.json({}, { status: 503 });
      }),
    );
    renderApp('/');
    const body = await screen.findByTestId('officer-todos-body', {}, { timeout: 20_000 });
    expect(body).toHaveAttribute('aria-busy', 'true');
    expect(body).toHaveStyle({ height: `${TODOS_HEIGHT}px` });
    // The dashboard's coverage cards are there in their final height (a 64 px circle in a small card), not a spinner.
    const loading = await screen.findByTestId('dashboard-loading');
    expect(loading).toHaveAttribute('role', 'status');
    const cards = loading.querySelectorAll<HTMLElement>('.ant-card');
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of [...cards].slice(0, 3)) expect(card).toHaveStyle({ height: '90px' });
    release();
  }, 30_000);

  it('says so when nothing is waiting', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    renderApp('/');
    const card = await screen.findByTestId('officer-todos', {}, { timeout: 20_000 });
    expect(await within(card).findByText('Không có việc nào đang chờ đơn vị.')).toBeInTheDocument();
    expect(within(card).getByTestId('officer-todos-body')).toHaveStyle({ height: `${TODOS_HEIGHT}px` });
  }, 30_000);


  it('shows a reader of the records without any acting permission the dashboard only', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    renderApp('/');
    expect(await screen.findByTestId('dashboard-unit', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('officer-todos')).not.toBeInTheDocument();
  }, 30_000);

  it('shows a finance officer the money waiting on them: a tranche to approve, with the amount and where it goes', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read', 'finance.read', 'finance.manage', 'finance.approve']);
    server.use(
      http.get('*/api/v1/me/todos', () =>
        HttpResponse.json({
          unit: { id: 'u-hy', code: 'HY', name: 'Liên đoàn Lao động tỉnh Hưng Yên', kind: 'ProvincialFederation', parentId: null },
          today: '2026-12-06',
          items: [
            { kind: 'tranche-approval', title: 'Duyệt đợt giải ngân 25.000.000 ₫ – Đề tài 2026 (Liên đoàn Lao động huyện Văn Lâm)', dueOn: null,
              overdue: false, count: null, link: '/finance/allocations/a-1' },
          ],
        }),
      ),
    );
    renderApp('/');
    const card = await screen.findByTestId('officer-todos', {}, { timeout: 20_000 });
    const tranche = await within(card).findByTestId('todo-tranche-approval');
    expect(tranche).toHaveTextContent('Duyệt giải ngân');
    expect(within(tranche).getByRole('link', { name: /25\.000\.000 ₫/ })).toHaveAttribute('href', '/finance/allocations/a-1');
  }, 30_000);
});
