import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { fireEvent, renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const READER = ['organization.units.read', 'organization.records.read'];
const KEEPER = ['organization.units.read', 'organization.records.read', 'organization.labour.manage'];

function recordPuts() {
  const bodies: { url: string; body: unknown }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'PUT' && new URL(request.url).pathname.includes('/headcounts/'))
      bodies.push({ url: new URL(request.url).pathname, body: await request.clone().json() });
  });
  return bodies;
}

async function openCard(code: string, permissions: string[]) {
  signInWithPermissions(permissions, 'VANLAM');
  const unit = db.current.unitByCode(code);
  const app = renderApp(`/organization/units/${unit.id}`);
  const card = await screen.findByTestId('headcount-card', {}, { timeout: 20_000 });
  return { app, card, unit };
}

async function pickDay(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  await waitFor(() => expect(input).toHaveValue(value));
}

afterEach(() => server.events.removeAllListeners());

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('member and worker counts on the unit detail', { timeout: 40_000 }, () => {
  it('shows the figures of the latest record on or before the chosen day, and the subtree total of an upper-level unit', async () => {
    const { card } = await openCard('VANLAM', READER);
    const total = await within(card).findByTestId('headcount-total');
    expect(within(card).getByRole('heading', { name: 'Đoàn viên & người lao động' })).toBeInTheDocument();
    // Today: each grassroots union's end-of-2024 figures (1150 + 40 members, 1260 + 45 workers), vi-VN grouping.
    expect(within(total).getByTestId('headcount-total-members')).toHaveTextContent('1.190');
    expect(within(total).getByTestId('headcount-total-workers')).toHaveTextContent('1.305');
    expect(total).toHaveTextContent('Tổng hợp từ 2 đơn vị');
    // No figures of its own: neither its own block nor an empty history show.
    expect(within(card).queryByTestId('headcount-unit')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('headcount-history')).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Cập nhật số liệu/ })).not.toBeInTheDocument();

    await pickDay(within(card).getByLabelText('Tính đến ngày'), '30/06/2024');

    // End of 2023 then: 1020 + 38 members, 1180 + 42 workers.
    await waitFor(() => expect(within(card).getByTestId('headcount-total-members')).toHaveTextContent('1.058'));
    expect(within(card).getByTestId('headcount-total-workers')).toHaveTextContent('1.222');
  });

  it('shows a grassroots union as of a day, and its history newest first', async () => {
    const { card } = await openCard('VL-01', READER);
    const own = await within(card).findByTestId('headcount-unit', {}, { timeout: 20_000 });
    await waitFor(() => expect(within(own).getByTestId('headcount-unit-members')).toHaveTextContent('1.150'));
    expect(own).toHaveTextContent('Số liệu ngày 31/12/2024');
    expect(within(card).queryByTestId('headcount-total')).not.toBeInTheDocument();
    const rows = within(within(card).getByTestId('headcount-history')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('31/12/2024');
    expect(rows[2]).toHaveTextContent('31/12/2023');

    await pickDay(within(card).getByLabelText('Tính đến ngày'), '01/06/2023');
    await waitFor(() => expect(within(card).getByTestId('headcount-unit')).toHaveTextContent('Chưa có số liệu đến ngày này.'));
  });

  it('records figures for a day and maps the members-above-workers refusal onto the members field', async () => {
    const puts = recordPuts();
    const { app, card, unit } = await openCard('VL-02', KEEPER);
    await app.user.click(await within(card).findByTestId('record-headcount'));
    const dialog = await screen.findByRole('dialog', { name: 'Cập nhật số đoàn viên và người lao động' });
    await pickDay(within(dialog).getByLabelText('Ngày số liệu'), '30/06/2025');
    await app.user.type(within(dialog).getByLabelText('Đoàn viên'), '60');
    await app.user.type(within(dialog).getByLabelText('Người lao động'), '50');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const message = 'Số đoàn viên không được lớn hơn số người lao động (đoàn viên là một phần người lao động).';
    const members = within(dialog).getByLabelText('Đoàn viên').closest('.ant-form-item')!;
    await waitFor(() => expect(members).toHaveTextContent(message), { timeout: 20_000 });
    expect(puts[0]).toEqual({ url: `/api/v1/organization/units/${unit.id}/headcounts/2025-06-30`, body: { members: 60, workers: 50, note: null } });

    const workers = within(dialog).getByLabelText('Người lao động');
    await app.user.clear(workers);
    await app.user.type(workers, '70');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]!.body).toEqual({ members: 60, workers: 70, note: null });
    expect(await screen.findByText('Đã lưu số liệu.')).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByTestId('headcount-unit-members')).toHaveTextContent('60'), { timeout: 20_000 });
    expect(within(card).getByTestId('headcount-unit')).toHaveTextContent('Số liệu ngày 30/06/2025');
  });
});
