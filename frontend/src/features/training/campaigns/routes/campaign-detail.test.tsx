import { campaignByTitle } from '@/testing/mocks/campaigns';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const OFFICER = ['organization.units.read', 'organization.records.read', 'training.read', 'training.reach.report'];
const READER = ['organization.units.read', 'organization.records.read', 'training.read'];

function recordPuts() {
  const bodies: Record<string, unknown>[] = [];
  const urls: string[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method !== 'PUT') return;
    urls.push(new URL(request.url).pathname);
    bodies.push((await request.clone().json()) as Record<string, unknown>);
  });
  return { bodies, urls };
}

afterEach(() => server.events.removeAllListeners());

describe('campaign detail and reach reports', () => {
  it('shows a reader the goal, channels, units, materials and the totals by sub-unit, without edit or report actions', async () => {
    signInWithPermissions(READER);
    const campaign = campaignByTitle('Phát động phong trào');
    renderApp(`/training/campaigns/${campaign.id}`);
    const detail = await screen.findByTestId('campaign-detail', {}, { timeout: 20_000 });
    expect(detail).toHaveTextContent('Nâng cao nhận thức về KH,CN&ĐMST');
    expect(detail).toHaveTextContent('Hội nghị, buổi nói chuyện');
    expect(detail).toHaveTextContent('Liên đoàn Lao động tỉnh Hưng Yên');
    expect(within(screen.getByTestId('campaign-participants')).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByTestId('campaign-materials')).getByText('to-roi.pdf')).toBeInTheDocument();
    expect(within(screen.getByTestId('reach-reports')).getByText('Liên đoàn Lao động thị xã Mỹ Hào')).toBeInTheDocument();
    const byUnit = await screen.findByTestId('totals-by-unit');
    expect(within(byUnit).getAllByRole('listitem')).toHaveLength(1);
    expect(byUnit).toHaveTextContent('Liên đoàn Lao động thị xã Mỹ Hào');
    expect(byUnit).toHaveTextContent('550');
    expect(screen.queryByTestId('edit-campaign')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-reach')).not.toBeInTheDocument();
    expect(screen.queryByTestId('material-upload')).not.toBeInTheDocument();
  });

  it('lets the Văn Lâm officer report reach, refusing more women than people reached before sending', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const campaign = campaignByTitle('Phát động phong trào');
    const puts = recordPuts();
    const app = renderApp(`/training/campaigns/${campaign.id}`);
    await screen.findByTestId('campaign-detail', {}, { timeout: 20_000 });
    expect(within(screen.getByTestId('reach-reports')).queryByText('Liên đoàn Lao động thị xã Mỹ Hào')).not.toBeInTheDocument();
    await app.user.click(screen.getByTestId('report-reach'));
    const dialog = await screen.findByRole('dialog');
    await app.user.type(within(dialog).getByLabelText('Số cuộc tuyên truyền'), '2');
    await app.user.type(within(dialog).getByLabelText('Số lượt người được tuyên truyền'), '100');
    await app.user.type(within(dialog).getByLabelText('Trong đó nữ'), '150');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await within(dialog).findByText('Số nữ không được nhiều hơn số lượt người được tuyên truyền.')).toBeInTheDocument();
    expect(puts.urls).toHaveLength(0);

    await app.user.clear(within(dialog).getByLabelText('Trong đó nữ'));
    await app.user.type(within(dialog).getByLabelText('Trong đó nữ'), '60');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(puts.bodies).toHaveLength(1));
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    expect(puts.urls[0]).toBe(`/api/v1/training/campaigns/${campaign.id}/reach-reports/00000000-0000-4000-8000-000000000004/${new Date().getFullYear()}-Q${quarter}`);
    expect(puts.bodies[0]).toMatchObject({ eventsHeld: 2, peopleReached: 100, womenReached: 60 });
    const table = screen.getByTestId('reach-reports');
    expect(await within(table).findByText('Liên đoàn Lao động huyện Văn Lâm')).toBeInTheDocument();
  }, 90_000);
});
