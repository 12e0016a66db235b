import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { fireEvent, renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

// AntD forms and tables in jsdom are slow on a busy two-core machine: give these flows room.
describe('official create and edit forms', { timeout: 40_000 }, () => {
  it('creates an official with an Idempotency-Key, the chosen political theory level and research methods', async () => {
    const sent: { key: string | null; body: unknown }[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/organization/officials') {
        sent.push({ key: request.headers.get('Idempotency-Key'), body: await request.clone().json() });
      }
    });
    signInAs('admin@hungyen.demo');
    const kimDong = db.current.unitByCode('KIMDONG');
    const app = renderApp(`/organization/officials/new?unit=${kimDong.id}`);
    const name = await screen.findByLabelText('Họ và tên', {}, { timeout: 20_000 });
    await app.user.type(name, '  Ngô Thị Mai ');
    await app.user.type(screen.getByLabelText('Chức vụ'), 'Uỷ viên Ban Chấp hành');

    // The level list shows translated labels and sends the enum value.
    fireEvent.mouseDown(screen.getByLabelText('Lý luận chính trị'));
    const levels = await screen.findByRole('listbox');
    expect(levels).toBeInTheDocument();
    await app.user.click(await screen.findByTitle('Cao cấp'));
    await app.user.click(screen.getByRole('switch', { name: 'Đã bồi dưỡng phương pháp nghiên cứu khoa học' }));
    await app.user.click(screen.getByRole('button', { name: 'Tạo mới' }));

    await waitFor(() => expect(app.router.state.location.pathname).toMatch(/^\/organization\/officials\/[0-9a-f-]{36}$/));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.body).toEqual({
      unitId: kimDong.id, // from the chosen scope
      fullName: 'Ngô Thị Mai',
      position: 'Uỷ viên Ban Chấp hành',
      phone: null,
      email: null,
      expertise: null,
      politicalTheory: 'Advanced',
      foreignLanguage: null,
      researchMethodsTrained: true,
    });
    const detail = await screen.findByTestId('official-detail');
    expect(within(detail).getByText('Cao cấp')).toBeInTheDocument();
    expect(within(detail).getByText('Có')).toBeInTheDocument();
  });

  it('saves with If-Match, and says someone else changed the official on 412 with a reload', async () => {
    let ifMatch: string | null = null;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') ifMatch = request.headers.get('If-Match');
    });
    signInAs('admin@hungyen.demo');
    const official = db.current.officialByName('Lê Văn Đức');
    const app = renderApp(`/organization/officials/${official.id}/edit`);
    const position = await screen.findByLabelText('Chức vụ', {}, { timeout: 20_000 });
    await waitFor(() => expect(position).toHaveValue('Uỷ viên Ban Thường vụ'));
    expect(screen.getByLabelText('Lý luận chính trị').closest('.ant-select')).toHaveTextContent('Trung cấp');

    // Someone else saves in between.
    Object.assign(official, { position: 'Phó Chủ tịch', version: 2 });
    await app.user.clear(position);
    await app.user.type(position, 'Trưởng ban');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Dữ liệu đã bị người khác thay đổi')).toBeInTheDocument();
    expect(ifMatch).toBe('"1"');

    await app.user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await waitFor(() => expect(screen.getByLabelText('Chức vụ')).toHaveValue('Phó Chủ tịch'));
    await app.user.clear(screen.getByLabelText('Chức vụ'));
    await app.user.type(screen.getByLabelText('Chức vụ'), 'Trưởng ban');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/officials/${official.id}`));
    expect(ifMatch).toBe('"2"');
    expect(official.position).toBe('Trưởng ban');
  });

  it('offers no edit action and refuses the form to a user without the permission', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    const official = db.current.officialByName('Lê Văn Đức');
    const app = renderApp(`/organization/officials/${official.id}`);
    expect(await screen.findByTestId('official-detail', {}, { timeout: 20_000 })).toHaveTextContent('Uỷ viên Ban Thường vụ');
    expect(screen.queryByTestId('edit-official')).not.toBeInTheDocument();
    await app.router.navigate(`/organization/officials/${official.id}/edit`);
    expect(await screen.findByText('Không có quyền truy cập')).toBeInTheDocument();
  });
});
