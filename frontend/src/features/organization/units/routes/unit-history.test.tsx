import { http } from 'msw';
import { db } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { unitVersions } from '@/testing/mocks/unit-history';
import { dayjs } from '@/lib/format/date';
import { fireEvent, renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

function recordRequests(method: string, pathEnd: string) {
  const seen: { url: URL; body: unknown }[] = [];
  server.events.on('request:start', async ({ request }) => {
    const url = new URL(request.url);
    if (request.method === method && url.pathname.endsWith(pathEnd)) {
      seen.push({ url, body: method === 'GET' ? undefined : await request.clone().json() });
    }
  });
  return seen;
}

async function openUnit(code: string) {
  signInAs('admin@hungyen.demo');
  const unit = db.current.unitByCode(code);
  const app = renderApp(`/organization/units/${unit.id}`);
  await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
  return { app, unit };
}

async function openAction(app: ReturnType<typeof renderApp>, item: string, dialogName: string) {
  await app.user.click(await screen.findByTestId('unit-actions'));
  await app.user.click(await screen.findByRole('menuitem', { name: item }));
  return screen.findByRole('dialog', { name: dialogName });
}

function setDate(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

afterEach(() => server.events.removeAllListeners());

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('unit history', { timeout: 60_000 }, () => {
  it('shows the effective-dated versions newest first, with what changed, next to the change log', async () => {
    const vanLam = db.current.unitByCode('VANLAM');
    const myHao = db.current.unitByCode('MYHAO');
    const unit = db.current.unitByCode('VL-01');
    const versions = unitVersions(unit.id);
    versions[0]!.validTo = '2023-06-01';
    versions.push(
      { ...versions[0]!, validFrom: '2023-06-01', validTo: '2024-09-15', name: 'CĐCS Công ty Đông Phát (tên cũ)' },
      { ...versions[0]!, validFrom: '2024-09-15', validTo: null, name: 'CĐCS Công ty Đông Phát (tên cũ)', parentId: myHao.id },
    );
    versions[0]!.name = 'Công đoàn Đông Phát';
    expect(versions[0]!.parentId).toBe(vanLam.id);

    await openUnit('VL-01');
    expect(screen.getByRole('tab', { name: 'Lịch sử đơn vị' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Nhật ký thay đổi' })).toBeInTheDocument();
    const table = await screen.findByTestId('unit-versions');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows[0]).toContain('15/09/2024');
    expect(rows[0]).toContain('Hiện hành');
    expect(rows[0]).toContain('Chuyển đơn vị cấp trên');
    expect(rows[0]).toContain(myHao.name);
    expect(rows[1]).toContain('01/06/2023');
    expect(rows[1]).toContain('15/09/2024');
    expect(rows[1]).toContain('Đổi tên');
    expect(rows[1]).toContain('CĐCS Công ty Đông Phát (tên cũ)');
    expect(rows[2]).toContain('01/01/2020');
    expect(rows[2]).toContain('Ghi nhận ban đầu');
    expect(rows[2]).toContain('Công đoàn Đông Phát');
    expect(rows[2]).toContain(vanLam.name);
  });

  it.each([409, 422])(
    'move sends the chosen parent and day, and shows a %i cycle refusal on the parent field',
    async (status) => {
      const moves = recordRequests('POST', '/move');
      server.use(
        http.post(
          '*/api/v1/organization/units/:id/move',
          () =>
            problem(status, {
              title: 'The change breaks a rule.',
              code: 'hierarchy_cycle',
              detail: 'A unit cannot move under itself or one of its own sub-units.',
              errors: { parentId: ["Choose a unit outside this unit's subtree."] },
            }),
          { once: true },
        ),
      );
      const { app, unit } = await openUnit('VL-01');
      const dialog = await openAction(app, 'Chuyển đơn vị', 'Chuyển sang đơn vị cấp trên khác');
      // Today in Vietnam by default.
      const date = within(dialog).getByLabelText('Ngày có hiệu lực');
      expect(date).toHaveValue(dayjs().tz('Asia/Ho_Chi_Minh').format('DD/MM/YYYY'));
      fireEvent.mouseDown(within(dialog).getByLabelText('Đơn vị cấp trên mới'));
      await app.user.click(await screen.findByTitle('Liên đoàn Lao động thị xã Mỹ Hào (MYHAO)'));
      setDate(date, '15/03/2025');
      await waitFor(() => expect(date).toHaveValue('15/03/2025'));
      await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));

      await waitFor(() => expect(moves).toHaveLength(1));
      expect(moves[0]!.url.pathname).toBe(`/api/v1/organization/units/${unit.id}/move`);
      expect(moves[0]!.body).toEqual({ parentId: db.current.unitByCode('MYHAO').id, effectiveOn: '2025-03-15' });
      const message = 'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị trực thuộc của nó.';
      expect(within(dialog).getAllByRole('alert').some((a) => a.textContent?.includes(message))).toBe(true);
      // On the field too, in the UI language rather than the server's English.
      await waitFor(() => expect(within(dialog).getAllByText(message)).toHaveLength(2));
      expect(within(dialog).queryByText("Choose a unit outside this unit's subtree.")).not.toBeInTheDocument();

      // Retried, the move goes through: the dialog closes and the history shows it.
      await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
      expect(await screen.findByText('Đã chuyển đơn vị.')).toBeInTheDocument();
      const table = screen.getByTestId('unit-versions');
      await waitFor(() => expect(within(table).getByText('Chuyển đơn vị cấp trên')).toBeInTheDocument());
      // From 15/03/2025, and the version before ends that day.
      expect(within(table).getAllByText('15/03/2025')).toHaveLength(2);
      await waitFor(() =>
        expect(within(screen.getByTestId('unit-detail')).getByRole('link', { name: 'Liên đoàn Lao động thị xã Mỹ Hào' })).toBeInTheDocument(),
      );
    },
  );

  it('offers neither the unit itself nor its sub-units as a new parent', async () => {
    const { app } = await openUnit('VANLAM');
    const dialog = await openAction(app, 'Chuyển đơn vị', 'Chuyển sang đơn vị cấp trên khác');
    fireEvent.mouseDown(within(dialog).getByLabelText('Đơn vị cấp trên mới'));
    expect(await screen.findByTitle('Liên đoàn Lao động thị xã Mỹ Hào (MYHAO)')).toBeInTheDocument();
    expect(screen.queryByTitle('Liên đoàn Lao động huyện Văn Lâm (VANLAM)')).not.toBeInTheDocument();
    expect(screen.queryByTitle('Công đoàn cơ sở Công ty TNHH Đông Phát (VL-01)')).not.toBeInTheDocument();
  });

  it('asks before dissolving and explains a refusal for active sub-units', async () => {
    const dissolves = recordRequests('POST', '/dissolve');
    const { app } = await openUnit('VANLAM');
    const dialog = await openAction(app, 'Giải thể', 'Giải thể đơn vị');
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
    expect((await screen.findAllByText('Giải thể Liên đoàn Lao động huyện Văn Lâm?')).length).toBeGreaterThan(0);
    expect(dissolves).toHaveLength(0);
    await app.user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(dissolves).toHaveLength(1));
    expect(
      await within(dialog).findByText('Đơn vị còn đơn vị trực thuộc đang hoạt động: hãy chuyển, sáp nhập hoặc giải thể chúng trước.'),
    ).toBeInTheDocument();
  });

  it('merges into the chosen successor after confirmation and shows the unit as merged', async () => {
    const merges = recordRequests('POST', '/merge');
    const { app } = await openUnit('VL-02');
    const dialog = await openAction(app, 'Sáp nhập vào…', 'Sáp nhập vào đơn vị khác');
    fireEvent.mouseDown(within(dialog).getByLabelText('Đơn vị tiếp nhận'));
    await app.user.click(await screen.findByTitle('Công đoàn cơ sở Công ty TNHH Đông Phát (VL-01)'));
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
    expect((await screen.findAllByText('Sáp nhập Công đoàn cơ sở Trường THCS Như Quỳnh?')).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/vào Công đoàn cơ sở Công ty TNHH Đông Phát từ ngày/).length).toBeGreaterThan(0);
    await app.user.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await waitFor(() => expect(merges).toHaveLength(1));
    expect(merges[0]!.body).toMatchObject({ successorId: db.current.unitByCode('VL-01').id });
    await waitFor(() => expect(within(screen.getByTestId('unit-detail')).getByText('Đã sáp nhập')).toBeInTheDocument());
    // A merged unit cannot change any more.
    expect(screen.queryByTestId('unit-actions')).not.toBeInTheDocument();
  });
});

describe('structure as of a day', { timeout: 60_000 }, () => {
  it('requests the chosen day and shows the names of then, read-only', async () => {
    const asOf = recordRequests('GET', '/units/as-of');
    const unit = db.current.unitByCode('VL-01');
    const versions = unitVersions(unit.id);
    versions[0]!.validTo = '2025-01-01';
    versions.push({ ...versions[0]!, validFrom: '2025-01-01', validTo: null, name: 'Công đoàn Đông Phát mới' });
    unit.name = 'Công đoàn Đông Phát mới';

    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/as-of?date=2024-01-01');
    const tree = await screen.findByTestId('as-of-tree', {}, { timeout: 20_000 });
    expect(asOf[0]!.url.searchParams.get('date')).toBe('2024-01-01');
    expect(within(tree).getByText('Công đoàn cơ sở Công ty TNHH Đông Phát (VL-01)')).toBeInTheDocument();
    expect(within(tree).queryByText('Công đoàn Đông Phát mới (VL-01)')).not.toBeInTheDocument();
    expect(screen.getByText(/Cơ cấu tổ chức như tại ngày 01\/01\/2024/)).toBeInTheDocument();

    const date = screen.getByRole('textbox', { name: 'Cơ cấu tại ngày' });
    expect(date).toHaveValue('01/01/2024');
    setDate(date, '02/01/2025');
    await waitFor(() => expect(asOf.at(-1)!.url.searchParams.get('date')).toBe('2025-01-02'));
    await waitFor(() => expect(within(tree).getByText('Công đoàn Đông Phát mới (VL-01)')).toBeInTheDocument());
    expect(app.router.state.location.search).toContain('date=2025-01-02');
  });

  it('lists merged and dissolved units with their status when asked to', async () => {
    const lists = recordRequests('GET', '/organization/units');
    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/units');
    await screen.findByRole('link', { name: 'Liên đoàn Lao động huyện Văn Lâm' }, { timeout: 20_000 });
    expect(lists.at(-1)!.url.searchParams.has('includeInactive')).toBe(false);
    await app.user.click(screen.getByRole('switch', { name: 'Hiện cả đơn vị đã sáp nhập, giải thể' }));
    await waitFor(() => expect(lists.at(-1)!.url.searchParams.get('includeInactive')).toBe('true'));
  });
});
