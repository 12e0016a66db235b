import { server } from '@/testing/mocks/server';
import { db } from '@/testing/mocks/db';
import { mockReports, PERIOD_ID } from '@/testing/mocks/reports';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const OFFICER = ['organization.units.read', 'organization.records.read', 'organization.reports.submit', 'organization.reports.review'];
const REVIEWER = ['organization.units.read', 'organization.records.read', 'organization.reports.review'];

type Seen = { method: string; path: string; body: unknown; ifMatch: string | null };

function recordReportRequests() {
  const seen: Seen[] = [];
  server.events.on('request:start', async ({ request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/v1/organization/reports') || request.method === 'GET') return;
    const text = await request.clone().text();
    seen.push({ method: request.method, path: url.pathname, body: text ? JSON.parse(text) : null, ifMatch: request.headers.get('If-Match') });
  });
  return seen;
}

/** Role queries over the whole page are slow on AntD's DOM: find a dialog by its title text. */
const dialog = async (title: string) => (await screen.findAllByText(title)).at(-1)!.closest('.ant-modal') as HTMLElement;

const fieldOf = (code: string) =>
  (screen.queryByTestId(`number-${code}`) ?? screen.getByTestId(`yesno-${code}`)).closest('.ant-form-item') as HTMLElement;
const input = (code: string) => within(fieldOf(code)).getByRole('spinbutton');

afterEach(() => server.events.removeAllListeners());

describe('unit report form', () => {
  it('asks yes/no questions with a switch, says where a pre-filled value comes from, offers it back when changed, and saves numbers with vi-VN grouping', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const seen = recordReportRequests();
    const vanLam = db.current.unitByCode('VANLAM');
    const app = renderApp(`/organization/reports/${PERIOD_ID}/units/${vanLam.id}`);

    expect(await screen.findByText(/Báo cáo năm 2025 · Liên đoàn Lao động huyện Văn Lâm/, { selector: 'h1' }, { timeout: 30_000 })).toBeInTheDocument();
    expect(within(screen.getByTestId('report-header')).getByTestId('report-state')).toHaveTextContent('Chưa làm');
    expect(screen.getByText('Tổ chức thực hiện')).toBeInTheDocument();
    expect(screen.getByText('Đánh giá chung')).toBeInTheDocument();
    // #16: a yes/no question is a switch, not a number box "(1 = có)"; it is pre-filled from the focal-official
    // register, says so, and matches the system: no hint.
    const focal = screen.getByRole('switch', { name: 'Có cán bộ đầu mối đang hoạt động' });
    expect(focal).toBeChecked();
    expect(focal).toHaveTextContent('Có');
    expect(screen.queryByText(/1 = có/)).not.toBeInTheDocument();
    expect(screen.getByTestId('source-focal_official')).toHaveTextContent(/Điền sẵn từ hệ thống: .*danh sách phân công cán bộ đầu mối/);
    expect(screen.queryByTestId('source-funding')).not.toBeInTheDocument();
    expect(screen.queryByTestId('suggested-focal_official')).not.toBeInTheDocument();

    await app.user.click(focal);
    await waitFor(() => expect(focal).not.toBeChecked());
    const hint = await screen.findByTestId('suggested-focal_official');
    expect(hint).toHaveTextContent('Hệ thống: Có');
    await app.user.click(within(hint).getByRole('button', { name: /Dùng giá trị của hệ thống/ }));
    await waitFor(() => expect(focal).toBeChecked());

    await app.user.type(input('funding'), '15000000');
    expect(input('funding')).toHaveValue('15.000.000');
    await app.user.click(screen.getByTestId('save-draft'));
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeInTheDocument();
    expect(seen[0]).toMatchObject({ method: 'PUT', ifMatch: null });
    expect((seen[0]!.body as { values: unknown[] }).values).toEqual([
      { code: 'focal_official', number: 1 },
      { code: 'campaigns', number: null },
      { code: 'funding', number: 15_000_000 },
      { code: 'highlights', text: null },
    ]);
    await waitFor(() => expect(within(screen.getByTestId('report-header')).getByTestId('report-state')).toHaveTextContent('Đang soạn'));

    // Once saved, the next save carries the version it read.
    await app.user.click(screen.getByTestId('save-draft'));
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.ifMatch).toBe('"1"');
  }, 90_000);

  it('puts report_incomplete on the empty number fields, then submits once they are filled', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const seen = recordReportRequests();
    const vanLam = db.current.unitByCode('VANLAM');
    const app = renderApp(`/organization/reports/${PERIOD_ID}/units/${vanLam.id}`);
    await screen.findByTestId('report-header', {}, { timeout: 20_000 });

    await app.user.click(screen.getByTestId('submit-report'));
    const confirm = await dialog('Nộp báo cáo lên cấp trên?');
    await app.user.click(within(confirm).getByRole('button', { name: 'Nộp báo cáo' }));

    expect(await within(fieldOf('campaigns')).findByText("'Số cuộc tuyên truyền về KH,CN&ĐMST' is empty.")).toBeInTheDocument();
    expect(within(fieldOf('funding')).getByText("'Kinh phí cho hoạt động KH,CN&ĐMST' is empty.")).toBeInTheDocument();
    expect(within(fieldOf('focal_official')).queryByText(/is empty/)).not.toBeInTheDocument();
    expect(screen.getByText(/Còn chỉ tiêu số liệu chưa nhập/)).toBeInTheDocument();
    expect(seen.map((s) => s.method + ' ' + s.path.split('/').slice(-1)[0])).toEqual([`PUT ${vanLam.id}`, 'POST submit']);

    await app.user.type(input('campaigns'), '3');
    await app.user.type(input('funding'), '0');
    await app.user.click(screen.getByTestId('submit-report'));
    const again = await dialog('Nộp báo cáo lên cấp trên?');
    await app.user.click(within(again).getByRole('button', { name: 'Nộp báo cáo' }));

    await waitFor(() => expect(within(screen.getByTestId('report-header')).getByTestId('report-state')).toHaveTextContent('Đã nộp, chờ duyệt'));
    const report = mockReports().reports.find((r) => r.unitId === vanLam.id)!;
    expect(report.values.campaigns!.number).toBe(3);
    expect(report.values.funding!.number).toBe(0);
    // Submitted: no more editing.
    expect(screen.queryByTestId('save-draft')).not.toBeInTheDocument();
    expect(input('campaigns')).toBeDisabled();
  }, 90_000);

  it('lets a unit above return a submitted report only with a comment, and shows that comment prominently', async () => {
    signInWithPermissions(REVIEWER, 'HY');
    const seen = recordReportRequests();
    const myHao = db.current.unitByCode('MYHAO');
    const app = renderApp(`/organization/reports/${PERIOD_ID}/units/${myHao.id}`);
    await screen.findByTestId('report-header', {}, { timeout: 20_000 });
    expect(input('campaigns')).toBeDisabled();
    expect(screen.queryByTestId('submit-report')).not.toBeInTheDocument();

    await app.user.click(screen.getByTestId('return-report'));
    const modal = await dialog('Trả lại báo cáo');
    await app.user.click(within(modal).getByRole('button', { name: 'Trả lại' }));
    expect(await within(modal).findByText('Vui lòng ghi rõ nội dung cần chỉnh sửa.')).toBeInTheDocument();
    expect(seen).toHaveLength(0);

    await app.user.click(within(modal).getByRole('textbox'));
    await app.user.paste('Bổ sung số cuộc tuyên truyền quý IV.');
    await app.user.click(within(modal).getByRole('button', { name: 'Trả lại' }));

    const alert = await screen.findByTestId('returned-comment');
    expect(alert).toHaveTextContent('Báo cáo bị trả lại, cần chỉnh sửa');
    expect(alert).toHaveTextContent('Bổ sung số cuộc tuyên truyền quý IV.');
    expect(seen[0]).toMatchObject({ method: 'POST', body: { comment: 'Bổ sung số cuộc tuyên truyền quý IV.' } });
    expect(within(screen.getByTestId('report-events')).getByText('Trả lại')).toBeInTheDocument();
    expect(screen.queryByTestId('return-report')).not.toBeInTheDocument();
  }, 90_000);

  it('offers no review to a unit that cannot review, and says the report awaits review', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'HY');
    const myHao = db.current.unitByCode('MYHAO');
    renderApp(`/organization/reports/${PERIOD_ID}/units/${myHao.id}`);
    expect(await screen.findByText('Báo cáo đã nộp, đang chờ cấp trên xem xét.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('return-report')).not.toBeInTheDocument();
    expect(screen.queryByTestId('accept-report')).not.toBeInTheDocument();
  });

  it('shows the conflict message with a reload when someone else saved meanwhile', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const vl01 = db.current.unitByCode('VL-01');
    const report = mockReports().reports.find((r) => r.unitId === vl01.id)!;
    Object.assign(report, { state: 'Draft' });
    const app = renderApp(`/organization/reports/${PERIOD_ID}/units/${vl01.id}`);
    await screen.findByTestId('report-header', {}, { timeout: 20_000 });
    report.version += 1; // another officer saved
    await app.user.click(screen.getByTestId('save-draft'));
    expect(await screen.findByText('Dữ liệu đã bị người khác thay đổi', { exact: false })).toBeInTheDocument();
  }, 90_000);
});
