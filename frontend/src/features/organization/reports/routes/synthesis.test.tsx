import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { db } from '@/testing/mocks/db';
import { PERIOD_ID } from '@/testing/mocks/reports';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const BOARD = ['organization.units.read', 'organization.records.read', 'organization.reports.review', 'organization.reports.manage'];

function recordRequests(suffix: string) {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith(suffix)) urls.push(url);
  });
  return urls;
}

const count = (key: string) => within(screen.getByTestId(`count-${key}`).closest('.ant-statistic') as HTMLElement);

afterEach(() => server.events.removeAllListeners());

describe('synthesis dashboard', () => {
  it('shows who reported on time, late or not at all, and the indicator totals', async () => {
    signInWithPermissions(BOARD, 'HY');
    renderApp(`/organization/reports/${PERIOD_ID}`);
    expect(await screen.findByTestId('synthesis-within', {}, { timeout: 20_000 })).toHaveTextContent('Liên đoàn Lao động tỉnh Hưng Yên');
    // Eight units below the province; Mỹ Hào on time, a Văn Lâm grassroots union late.
    expect(count('expected').getByText('8')).toBeInTheDocument();
    expect(count('onTime').getByText('1')).toBeInTheDocument();
    expect(count('late').getByText('1')).toBeInTheDocument();
    expect(count('notSubmitted').getByText('6')).toBeInTheDocument();
    expect(count('awaitingReview').getByText('2')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Đúng hạn: 1, Muộn: 1, Chưa nộp: 6' })).toBeInTheDocument();
    // Totals with vi-VN grouping, under their section.
    const totals = screen.getByTestId('indicator-totals');
    expect(within(totals).getByText('Kinh phí')).toBeInTheDocument();
    expect(within(totals).getByTestId('total-funding')).toHaveTextContent('30.000.000 VND');
    expect(within(totals).getByTestId('total-campaigns')).toHaveTextContent('8 cuộc');
  }, 60_000);

  it('drills down into a unit directly below by setting the scope, and asks for that subtree', async () => {
    signInWithPermissions(BOARD, 'HY');
    const requests = recordRequests('/synthesis');
    const vanLam = db.current.unitByCode('VANLAM');
    const app = renderApp(`/organization/reports/${PERIOD_ID}`);
    const byUnit = await screen.findByTestId('by-unit', {}, { timeout: 20_000 });
    await app.user.click(within(byUnit).getByRole('button', { name: 'Xem tổng hợp của Liên đoàn Lao động huyện Văn Lâm' }));

    await waitFor(() => expect(new URLSearchParams(app.router.state.location.search).get('unit')).toBe(vanLam.id));
    await waitFor(() => expect(screen.getByTestId('synthesis-within')).toHaveTextContent('Liên đoàn Lao động huyện Văn Lâm'));
    expect(requests.at(-1)!.searchParams.get('within')).toBe(vanLam.id);
    // Văn Lâm itself and its two grassroots unions.
    expect(count('expected').getByText('3')).toBeInTheDocument();
    expect(within(screen.getByTestId('by-unit')).getByText('Báo cáo của chính đơn vị')).toBeInTheDocument();
  }, 60_000);

  it('filters the submissions by timeliness and links each unit to its report', async () => {
    signInWithPermissions(BOARD, 'HY');
    const requests = recordRequests('/submissions');
    const vl01 = db.current.unitByCode('VL-01');
    const app = renderApp(`/organization/reports/${PERIOD_ID}?timeliness=late`);
    const table = await screen.findByTestId('submissions', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(table).getByRole('link', { name: 'Công đoàn cơ sở Công ty TNHH Đông Phát' })).toBeInTheDocument());
    expect(requests.at(-1)!.searchParams.get('timeliness')).toBe('late');
    expect(within(table).queryByRole('link', { name: 'Liên đoàn Lao động thị xã Mỹ Hào' })).not.toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Công đoàn cơ sở Công ty TNHH Đông Phát' })).toHaveAttribute(
      'href',
      `/organization/reports/${PERIOD_ID}/units/${vl01.id}`,
    );
    await app.user.click(within(table).getByRole('link', { name: 'Công đoàn cơ sở Công ty TNHH Đông Phát' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/reports/${PERIOD_ID}/units/${vl01.id}`));
  }, 60_000);

  it('shows what each unit wrote for a narrative indicator, and searches it ignoring diacritics', async () => {
    signInWithPermissions(BOARD, 'HY');
    const requests = recordRequests('/synthesis/answers/highlights');
    const app = renderApp(`/organization/reports/${PERIOD_ID}`);
    const panel = await screen.findByTestId('narrative-answers', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(panel).getAllByTestId('narrative-answer')).toHaveLength(2));
    expect(within(panel).getByRole('combobox', { name: 'Chỉ tiêu văn bản' })).toBeInTheDocument();
    const vl01 = within(panel).getByRole('link', { name: 'Xem báo cáo của Công đoàn cơ sở Công ty TNHH Đông Phát' });
    const answer = vl01.closest('[data-testid="narrative-answer"]') as HTMLElement;
    expect(within(answer).getByText('Thiếu kinh phí tổ chức hội thảo về đổi mới sáng tạo')).toBeInTheDocument();
    expect(within(answer).getByTestId('report-late')).toBeInTheDocument();
    expect(vl01).toHaveAttribute('href', `/organization/reports/${PERIOD_ID}/units/${db.current.unitByCode('VL-01').id}`);

    await app.user.type(within(panel).getByRole('searchbox', { name: 'Tìm trong nội dung hoặc tên đơn vị' }), 'kinh phi');
    await waitFor(() => expect(within(panel).getAllByTestId('narrative-answer')).toHaveLength(1));
    expect(within(panel).queryByText('Phát động phong trào Lao động sáng tạo tại 5 doanh nghiệp')).not.toBeInTheDocument();
    expect(requests.at(-1)!.searchParams.get('q')).toBe('kinh phi');
  }, 60_000);

  it('downloads the .xlsx with the bearer token under the name the server gives, the button busy meanwhile (#16)', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:synthesis');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    signInWithPermissions(BOARD, 'HY');
    const auth: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/synthesis.xlsx')) auth.push(request.headers.get('Authorization'));
    });
    // The server writes the workbook only when released: meanwhile the button shows it is working.
    let release: () => void = () => {};
    const written = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get('*/api/v1/organization/reports/periods/:periodId/synthesis.xlsx', async () => {
        await written;
        return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': "attachment; filename=synthesis.xlsx; filename*=UTF-8''tong-hop-2025.xlsx",
          },
        });
      }),
    );
    const app = renderApp(`/organization/reports/${PERIOD_ID}`);
    const button = await screen.findByTestId('export-xlsx', {}, { timeout: 20_000 });
    await app.user.click(button);
    await waitFor(() => expect(button).toHaveClass('ant-btn-loading'));
    expect(click).not.toHaveBeenCalled();
    release();
    await waitFor(() => expect(click).toHaveBeenCalled());
    await waitFor(() => expect(button).not.toHaveClass('ant-btn-loading'));
    expect(auth[0]).toMatch(/^Bearer /);
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('tong-hop-2025.xlsx');
    click.mockRestore();
  }, 60_000);
});
