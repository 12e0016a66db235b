import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const BOARD = ['organization.units.read', 'organization.records.read', 'training.read', 'training.campaigns.manage', 'training.reach.report'];
const OFFICER = ['organization.units.read', 'organization.records.read', 'training.read', 'training.reach.report'];
const year = new Date().getFullYear();

function recordRequests(pathname: string, method = 'GET') {
  const requests: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    if (request.method === method && new URL(request.url).pathname === pathname) requests.push(request.clone());
  });
  return requests;
}

afterEach(() => server.events.removeAllListeners());

describe('campaign list', () => {
  it("shows a district officer the province's campaigns its district takes part in, searched without diacritics, with no create button", async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const requests = recordRequests('/api/v1/training/campaigns');
    renderApp('/training/campaigns?q=lao%20dong%20sang%20tao&status=Running');
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    const link = await within(table).findByRole('link', { name: `Phát động phong trào Lao động sáng tạo năm ${year}` });
    expect(link.closest('tr')).toHaveTextContent(`01/01/${year} – 31/12/${year}`);
    expect(link.closest('tr')).toHaveTextContent('Đang diễn ra');
    expect(within(table).queryByText(/Kế hoạch 405/)).not.toBeInTheDocument();
    expect(Object.fromEntries(new URL(requests.at(-1)!.url).searchParams)).toMatchObject({ q: 'lao dong sang tao', status: 'Running' });
    expect(screen.queryByTestId('new-campaign')).not.toBeInTheDocument();
  });

  it('lets the propaganda board create a campaign with its participating units and opens it', async () => {
    signInWithPermissions(BOARD);
    const posts = recordRequests('/api/v1/training/campaigns', 'POST');
    const app = renderApp('/training/campaigns');
    await app.user.click(await screen.findByTestId('new-campaign', {}, { timeout: 20_000 }));
    const form = await screen.findByTestId('campaign-form');
    await app.user.type(within(form).getByLabelText('Tên chiến dịch'), 'Tuyên truyền chuyển đổi số');
    await app.user.type(within(form).getByLabelText('Từ ngày'), `01/03/${year}{Enter}`);
    await app.user.type(within(form).getByLabelText('Đến ngày'), `01/02/${year}{Enter}`);
    await app.user.click(within(form).getByRole('checkbox', { name: 'Mạng xã hội' }));
    await app.user.click(within(form).getByTestId('save-campaign'));
    expect(await within(form).findByText('Ngày kết thúc phải từ ngày bắt đầu trở đi.')).toBeInTheDocument();
    expect(posts).toHaveLength(0);

    await app.user.click(within(form).getByRole('combobox', { name: 'Đơn vị tham gia' }));
    await app.user.click(await screen.findByTitle('Liên đoàn Lao động huyện Văn Lâm (VANLAM)'));
    await app.user.clear(within(form).getByLabelText('Đến ngày'));
    // Enter in the date field submits the form, as it does for a user.
    await app.user.type(within(form).getByLabelText('Đến ngày'), `30/06/${year}{Enter}`);
    await screen.findByTestId('campaign-detail', {}, { timeout: 20_000 });
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(await posts[0]!.json()).toMatchObject({
      title: 'Tuyên truyền chuyển đổi số',
      startsOn: `${year}-03-01`,
      endsOn: `${year}-06-30`,
      channels: ['SocialMedia'],
      participatingUnitIds: ['00000000-0000-4000-8000-000000000004'],
    });
    expect(within(screen.getByTestId('campaign-participants')).getByText('Liên đoàn Lao động huyện Văn Lâm (VANLAM)')).toBeInTheDocument();
  }, 90_000);
});
