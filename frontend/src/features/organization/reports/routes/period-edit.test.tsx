import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { server } from '@/testing/mocks/server';
import { PERIOD_ID, mockReports } from '@/testing/mocks/reports';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const BOARD = ['organization.units.read', 'organization.records.read', 'organization.reports.review', 'organization.reports.manage'];
/** The 2024 period of the mock data: no report submitted yet, so its whole template can change. */
const OPEN_PERIOD_ID = '00000000-0000-4000-8000-000000000500';

afterEach(() => server.events.removeAllListeners());

/** jsdom's getComputedStyle over AntD's many style tags makes the pointer-events check slow on a busy machine. */
const fast = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

function recordPuts() {
  const sent: { ifMatch: string | null; body: { title: string; deadline: string; indicators: { code: string }[] } }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'PUT' && /\/reports\/periods\/[^/]+$/.test(new URL(request.url).pathname)) {
      sent.push({ ifMatch: request.headers.get('If-Match'), body: await request.clone().json() });
    }
  });
  return sent;
}

const itemOf = (field: HTMLElement) => field.closest('.ant-form-item') as HTMLElement;

describe('reporting period edit', { timeout: 60_000 }, () => {
  it('is reached from the synthesis and, before any submission, changes the title and the whole template with If-Match', async () => {
    const sent = recordPuts();
    signInWithPermissions(BOARD, 'HY');
    const app = renderApp(`/organization/reports/${OPEN_PERIOD_ID}`);
    const user = fast();
    await user.click(await screen.findByTestId('edit-period', {}, { timeout: 20_000 }));

    const title = await screen.findByLabelText('Tên kỳ báo cáo', {}, { timeout: 20_000 });
    expect(title).toHaveValue('Báo cáo năm 2024');
    expect(screen.queryByTestId('template-locked')).toBeNull();
    const before = mockReports().periods.find((p) => p.id === OPEN_PERIOD_ID)!.indicators.map((i) => i.code);
    const editor = screen.getByTestId('template-editor');
    await user.click(within(editor).getAllByRole('button', { name: 'Xoá chỉ tiêu' })[0]!);
    await user.clear(title);
    await user.click(title);
    await user.paste('Báo cáo kết quả năm 2024');
    await user.click(screen.getByTestId('save-period'));

    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/reports/${OPEN_PERIOD_ID}`), { timeout: 20_000 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.ifMatch).toBe('"1"');
    expect(sent[0]!.body.title).toBe('Báo cáo kết quả năm 2024');
    expect(sent[0]!.body.deadline).toBe('2024-12-15');
    expect(sent[0]!.body.indicators.map((i) => i.code)).toEqual(before.slice(1));
  });

  it('once reports are submitted, fixes the codes and order of the template, and shows the deadline rule on its field', async () => {
    const sent = recordPuts();
    signInWithPermissions(BOARD, 'HY');
    const app = renderApp(`/organization/reports/${PERIOD_ID}/edit`);
    const user = fast();
    expect(await screen.findByTestId('template-locked', {}, { timeout: 20_000 })).toHaveTextContent('Đã có đơn vị nộp báo cáo theo mẫu này');
    const editor = screen.getByTestId('template-editor');
    for (const code of within(editor).getAllByLabelText('Mã')) expect(code).toBeDisabled();
    expect(within(editor).queryByRole('button', { name: 'Xoá chỉ tiêu' })).toBeNull();
    expect(screen.queryByTestId('add-indicator')).toBeNull();

    const deadline = screen.getByLabelText('Hạn nộp');
    await user.clear(deadline);
    await user.click(deadline);
    await user.paste('15/12/2024');
    await user.keyboard('{Tab}');
    await user.click(screen.getByTestId('save-period'));
    expect(await within(itemOf(deadline)).findByText('Choose a date in 2025 or later.')).toBeInTheDocument();

    await user.clear(deadline);
    await user.click(deadline);
    await user.paste('20/01/2026');
    await user.keyboard('{Tab}');
    await user.click(screen.getByTestId('save-period'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/reports/${PERIOD_ID}`), { timeout: 20_000 });
    const saved = mockReports().periods.find((p) => p.id === PERIOD_ID)!;
    expect(saved.deadline).toBe('2026-01-20');
    expect(sent.at(-1)!.body.indicators.map((i) => i.code)).toEqual(saved.indicators.map((i) => i.code));
  });

  it('offers no edit to a reader, and the screen tells them it is not for them', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const app = renderApp(`/organization/reports/${PERIOD_ID}`);
    await screen.findByTestId('synthesis-within', {}, { timeout: 20_000 });
    expect(screen.queryByTestId('edit-period')).toBeNull();
    await app.router.navigate(`/organization/reports/${PERIOD_ID}/edit`);
    expect(await screen.findByText('Bạn không có quyền', { exact: false }, { timeout: 20_000 })).toBeInTheDocument();
  });
});
