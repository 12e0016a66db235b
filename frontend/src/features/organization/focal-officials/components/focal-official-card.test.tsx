import { http } from 'msw';
import { db } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { dayjs } from '@/lib/format/date';
import { fireEvent, renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

function recordAssignments() {
  const bodies: unknown[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/focal-officials')) {
      bodies.push(await request.clone().json());
    }
  });
  return bodies;
}

async function openUnit(code: string, email = 'admin@hungyen.demo') {
  signInAs(email);
  const unit = db.current.unitByCode(code);
  const app = renderApp(`/organization/units/${unit.id}`);
  await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
  return { app, unit };
}

async function openAssignDialog(app: ReturnType<typeof renderApp>) {
  const card = await screen.findByTestId('focal-official-card');
  await app.user.click(await within(card).findByTestId('assign-focal'));
  return screen.findByRole('dialog', { name: 'Phân công cán bộ đầu mối KH,CN&ĐMST' });
}

async function chooseOfficial(app: ReturnType<typeof renderApp>, dialog: HTMLElement, label: string) {
  const select = within(dialog).getByLabelText('Cán bộ');
  fireEvent.mouseDown(select);
  await app.user.click(await screen.findByTitle(label));
}

afterEach(() => server.events.removeAllListeners());

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('focal official card on the unit detail', { timeout: 40_000 }, () => {
  it('assigns the first focal official with the chosen start date and shows it with its history', async () => {
    const bodies = recordAssignments();
    const { app } = await openUnit('KIMDONG');
    const card = await screen.findByTestId('focal-official-card');
    expect(within(card).getByRole('heading', { name: 'Cán bộ đầu mối KH,CN&ĐMST' })).toBeInTheDocument();
    expect(await within(card).findByText('Chưa có')).toBeInTheDocument();

    const dialog = await openAssignDialog(app);
    await chooseOfficial(app, dialog, 'Bùi Thị Lan – Phó Chủ tịch');
    const date = within(dialog).getByLabelText('Ngày bắt đầu');
    fireEvent.change(date, { target: { value: '01/03/2025' } });
    fireEvent.keyDown(date, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(date).toHaveValue('01/03/2025'));
    await app.user.click(within(dialog).getByRole('button', { name: 'Phân công' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ officialId: db.current.officialByName('Bùi Thị Lan').id, startedOn: '2025-03-01' });
    await waitFor(() => expect(within(card).getByTestId('focal-current')).toHaveTextContent('Bùi Thị Lan'));
    expect(within(card).getByTestId('focal-current')).toHaveTextContent('Từ ngày 01/03/2025');
    expect(within(card).queryByText('Chưa có')).not.toBeInTheDocument();
    expect(within(within(card).getByTestId('focal-history')).getByText('01/03/2025 – nay')).toBeInTheDocument();
  });

  it('defaults the start date to today and keeps the previous assignment in the history when changing', async () => {
    const bodies = recordAssignments();
    const { app } = await openUnit('VANLAM');
    const card = await screen.findByTestId('focal-official-card');
    await waitFor(() => expect(within(card).getByTestId('focal-current')).toHaveTextContent('Đỗ Thị Hằng'));
    expect(within(card).getByTestId('focal-current')).toHaveTextContent('Từ ngày 01/03/2024');

    const dialog = await openAssignDialog(app);
    expect(within(dialog).getByText('Phân công mới sẽ kết thúc phân công hiện tại của Đỗ Thị Hằng.')).toBeInTheDocument();
    const today = dayjs().tz('Asia/Ho_Chi_Minh');
    expect(within(dialog).getByLabelText('Ngày bắt đầu')).toHaveValue(today.format('DD/MM/YYYY'));
    await chooseOfficial(app, dialog, 'Lê Văn Đức – Uỷ viên Ban Thường vụ');
    await app.user.click(within(dialog).getByRole('button', { name: 'Thay đổi' }));

    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ officialId: db.current.officialByName('Lê Văn Đức').id, startedOn: today.format('YYYY-MM-DD') });
    await waitFor(() => expect(within(card).getByTestId('focal-current')).toHaveTextContent('Lê Văn Đức'));
    const rows = within(within(card).getByTestId('focal-history')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining(`Lê Văn Đức${today.format('DD/MM/YYYY')} – nay`),
      expect.stringContaining(`Đỗ Thị Hằng01/03/2024 – ${today.format('DD/MM/YYYY')}`),
    ]);
  });

  it('shows the reason when the server refuses the assignment (409), and a corrected retry goes through', async () => {
    const keys: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key'));
    });
    server.use(
      http.post(
        '*/api/v1/organization/units/:id/focal-officials',
        () =>
          problem(409, {
            title: 'The change breaks a rule.',
            code: 'official_not_in_unit',
            detail: 'The focal official must be an official of this unit.',
            errors: { officialId: ['Choose an official of this unit.'] },
          }),
        { once: true },
      ),
    );
    const { app } = await openUnit('KIMDONG');
    const dialog = await openAssignDialog(app);
    await chooseOfficial(app, dialog, 'Bùi Thị Lan – Phó Chủ tịch');
    await app.user.click(within(dialog).getByRole('button', { name: 'Phân công' }));
    expect(await within(dialog).findByText('Cán bộ được chọn không thuộc đơn vị này.')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toBeInTheDocument();
    // Explained in the UI language, not with the server's English texts.
    expect(within(dialog).queryByText('Choose an official of this unit.')).not.toBeInTheDocument();
    expect(within(dialog).queryByText('The focal official must be an official of this unit.')).not.toBeInTheDocument();
    // The dialog stays open and nothing was assigned.
    const card = screen.getByTestId('focal-official-card');
    expect(within(card).getByText('Chưa có')).toBeInTheDocument();

    // The server keeps its answer for that key: the next attempt is a new request with a new key.
    await app.user.click(within(dialog).getByRole('button', { name: 'Phân công' }));
    await waitFor(() => expect(within(card).getByTestId('focal-current')).toHaveTextContent('Bùi Thị Lan'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it.each([
    ['a grassroots union', 'VL-01', 'Công đoàn cơ sở'],
    ['the provincial federation', 'HY', 'LĐLĐ tỉnh'],
  ])('is not shown for %s', async (_, code, kind) => {
    const requested: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('focal-officials')) requested.push(request.url);
    });
    await openUnit(code);
    expect(screen.getByTestId('unit-detail')).toHaveTextContent(kind);
    expect(await screen.findByText('Đơn vị trực thuộc')).toBeInTheDocument();
    expect(screen.queryByTestId('focal-official-card')).not.toBeInTheDocument();
    expect(screen.queryByText('Cán bộ đầu mối KH,CN&ĐMST')).not.toBeInTheDocument();
    expect(requested).toEqual([]);
  });

  it('shows the focal official without the assign action to a user who may not manage officials', async () => {
    await openUnit('VANLAM', 'canbo.vanlam@hungyen.demo');
    const card = await screen.findByTestId('focal-official-card');
    await waitFor(() => expect(within(card).getByTestId('focal-current')).toHaveTextContent('Đỗ Thị Hằng'));
    expect(within(card).queryByTestId('assign-focal')).not.toBeInTheDocument();
  });
});
