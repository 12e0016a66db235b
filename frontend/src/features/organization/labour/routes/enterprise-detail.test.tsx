import { enterpriseByName } from '@/testing/mocks/labour';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.labour.manage'];

afterEach(() => server.events.removeAllListeners());

async function openAddYear(url: string) {
  const app = renderApp(url);
  await screen.findByTestId('enterprise-detail', {}, { timeout: 20_000 });
  await app.user.click(screen.getByTestId('add-figures'));
  const dialog = await screen.findByRole('dialog');
  return { app, dialog };
}

const field = (dialog: HTMLElement, label: string) => within(dialog).getByLabelText(label);

describe('enterprise detail and yearly figures', () => {
  it('shows the enterprise and its years, newest first, without manage actions to a reader', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'VANLAM');
    const enterprise = enterpriseByName('Công ty TNHH Dệt may Lạc Hồng');
    renderApp(`/organization/enterprises/${enterprise.id}`);
    const detail = await screen.findByTestId('enterprise-detail', {}, { timeout: 20_000 });
    expect(detail).toHaveTextContent('0900012345');
    expect(detail).toHaveTextContent('Tư nhân');
    expect(detail).toHaveTextContent('KCN Phố Nối A');
    expect(detail).toHaveTextContent('Liên đoàn Lao động huyện Văn Lâm');
    const rows = within(screen.getByTestId('figures-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => (r as HTMLTableRowElement).cells[0]!.textContent)).toEqual(['2025', '2024']);
    expect(rows[0]).toHaveTextContent('15/01/2025 – 14/01/2028');
    expect(screen.queryByTestId('add-figures')).not.toBeInTheDocument();
  });

  it('refuses women above the workforce on the field and sends nothing', async () => {
    signInWithPermissions(MANAGER);
    const enterprise = enterpriseByName('Công ty TNHH Nhựa Phố Nối');
    const puts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts.push(request.url);
    });
    const { app, dialog } = await openAddYear(`/organization/enterprises/${enterprise.id}`);
    await app.user.clear(field(dialog, 'Tổng số lao động'));
    await app.user.type(field(dialog, 'Tổng số lao động'), '100');
    await app.user.clear(field(dialog, 'Lao động nữ'));
    await app.user.type(field(dialog, 'Lao động nữ'), '150');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Lao động nữ không được nhiều hơn tổng số lao động.')).toBeInTheDocument();
    expect(puts).toHaveLength(0);
  }, 90_000);

  it('refuses an agreement expiring before it was signed and sends nothing', async () => {
    signInWithPermissions(MANAGER);
    const enterprise = enterpriseByName('Công ty TNHH Nhựa Phố Nối');
    const puts: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') puts.push(request.url);
    });
    const { app, dialog } = await openAddYear(`/organization/enterprises/${enterprise.id}`);
    await app.user.click(within(dialog).getByRole('checkbox', { name: 'Đã ký thoả ước lao động tập thể' }));
    // The agreement's dates appear once the box is ticked: wait for them (a busy machine renders a beat later).
    await app.user.type(await within(dialog).findByLabelText('Ngày ký'), '01/06/2023{Enter}');
    await app.user.type(field(dialog, 'Ngày hết hạn'), '01/01/2023{Enter}');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Ngày hết hạn phải sau ngày ký.')).toBeInTheDocument();
    expect(puts).toHaveLength(0);
  }, 90_000);

  it('writes a valid year with the income in whole dong and shows it in the table', async () => {
    signInWithPermissions(MANAGER);
    const enterprise = enterpriseByName('Công ty TNHH Nhựa Phố Nối');
    const bodies: Record<string, unknown>[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') bodies.push((await request.clone().json()) as Record<string, unknown>);
    });
    const { app, dialog } = await openAddYear(`/organization/enterprises/${enterprise.id}`);
    await app.user.clear(field(dialog, 'Năm'));
    await app.user.type(field(dialog, 'Năm'), '2023');
    await app.user.clear(field(dialog, 'Tổng số lao động'));
    await app.user.type(field(dialog, 'Tổng số lao động'), '1200');
    await app.user.clear(field(dialog, 'Thu nhập bình quân (đồng/tháng)'));
    await app.user.type(field(dialog, 'Thu nhập bình quân (đồng/tháng)'), '9500000');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 20_000 });
    expect(bodies.at(-1)).toMatchObject({ workforce: 1200, averageMonthlyIncome: 9_500_000, cbaSigned: false, cbaSignedOn: null, cbaExpiresOn: null });
    const row = within(screen.getByTestId('figures-table')).getByRole('cell', { name: '2023' }).closest('tr')!;
    expect(row).toHaveTextContent('1.200');
    expect(row).toHaveTextContent('9.500.000');
    expect(row).toHaveTextContent('Chưa ký');
  }, 90_000);

  it("puts the API's refusal on its field", async () => {
    signInWithPermissions(MANAGER);
    const enterprise = enterpriseByName('Công ty TNHH Nhựa Phố Nối');
    const { app, dialog } = await openAddYear(`/organization/enterprises/${enterprise.id}`);
    await app.user.clear(field(dialog, 'Năm'));
    await app.user.type(field(dialog, 'Năm'), '2022');
    await app.user.clear(field(dialog, 'Đối thoại'));
    await app.user.type(field(dialog, 'Đối thoại'), '400');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('At most one dialogue a day.')).toBeInTheDocument();
  }, 90_000);
});
