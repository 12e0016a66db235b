import { http } from 'msw';
import { db } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { PLAN_ID, mockPlans } from '@/testing/mocks/plans';
import { server } from '@/testing/mocks/server';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.plans.manage'];

afterEach(() => server.events.removeAllListeners());

type User = ReturnType<typeof userEvent.setup>;

/** jsdom's getComputedStyle over AntD's many style tags makes the pointer-events check slow on a busy machine. */
const fast = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

/** Pasting is much quicker than typing character by character through AntD's inputs. */
async function fill(user: User, field: HTMLElement, value: string) {
  await user.click(field);
  await user.paste(value);
}

async function fillDate(user: User, field: HTMLElement, value: string) {
  await fill(user, field, value);
  await user.keyboard('{Tab}');
}

function recordBodies(method: string, pathname: RegExp) {
  const sent: { headers: Headers; body: Record<string, unknown> }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === method && pathname.test(new URL(request.url).pathname)) {
      sent.push({ headers: request.headers, body: (await request.clone().json()) as Record<string, unknown> });
    }
  });
  return sent;
}

const itemOf = (field: HTMLElement) => field.closest('.ant-form-item') as HTMLElement;

// AntD forms with nested lists in jsdom are slow on a busy two-core machine: give these flows room.
describe('plan create and edit forms', { timeout: 90_000 }, () => {
  it('records a plan with a section, a task and an indicator, with an Idempotency-Key, and lists it', async () => {
    const sent = recordBodies('POST', /^\/api\/v1\/organization\/plans$/);
    signInWithPermissions(MANAGER);
    const province = db.current.unitByCode('HY');
    const app = renderApp('/organization/plans');
    const user = fast();
    await user.click(await screen.findByTestId('new-plan', {}, { timeout: 20_000 }));

    // A textbox: the list's sortable "Số, ký hiệu" column header carries the same name until the form replaces it.
    const number = await screen.findByRole('textbox', { name: 'Số, ký hiệu' }, { timeout: 20_000 });
    // The issuing unit names the issuer until the user writes their own.
    await waitFor(() => expect(screen.getByLabelText('Cơ quan ban hành')).toHaveValue(province.name));
    await fill(user, number, '12/KH-LĐLĐ');
    await fill(user, screen.getByLabelText('Trích yếu'), 'Kế hoạch thúc đẩy sáng kiến năm 2026');
    await fillDate(user, screen.getByLabelText('Ngày ban hành'), '05/01/2026');
    await fillDate(user, screen.getByLabelText('Hạn ban hành kế hoạch triển khai'), '15/02/2026');
    await fill(user, screen.getByLabelText('Thực hiện văn bản'), 'Kế hoạch số 95/KH-UBND');

    await user.click(screen.getByTestId('add-section'));
    const section = await screen.findByTestId('plan-section-editor');
    await fill(user, within(section).getByLabelText('Mục'), 'II.1');
    await fill(user, within(section).getByLabelText('Tên mục'), 'Tuyên truyền');
    await user.click(within(section).getByTestId('add-task'));
    const task = await within(section).findByTestId('plan-task-editor');
    expect(within(task).getByLabelText('Mã')).toHaveValue('II.1.1');
    await fill(user, within(task).getByLabelText('Nội dung nhiệm vụ'), 'Quán triệt kế hoạch');
    await fill(user, within(task).getByLabelText('Thời hạn'), 'Quý I/2026');

    await user.click(screen.getByTestId('add-indicator'));
    const indicator = await screen.findByTestId('plan-indicator-editor');
    await fill(user, within(indicator).getByLabelText('Mã'), 'CT01');
    await fill(user, within(indicator).getByLabelText('Tên chỉ tiêu'), 'Sáng kiến được công nhận');
    await fill(user, within(indicator).getByLabelText('Mục tiêu'), '120');
    await fill(user, within(indicator).getByLabelText('Đơn vị tính'), 'sáng kiến');
    await user.click(screen.getByTestId('save-plan'));

    await waitFor(() => expect(app.router.state.location.pathname).toMatch(/^\/organization\/plans\/[0-9a-f-]{36}$/), { timeout: 20_000 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const year = new Date().getFullYear();
    expect(sent[0]!.body).toEqual({
      unitId: province.id,
      number: '12/KH-LĐLĐ',
      title: 'Kế hoạch thúc đẩy sáng kiến năm 2026',
      issuerName: province.name,
      issuedOn: '2026-01-05',
      periodFrom: year,
      periodTo: year + 2,
      implements: 'Kế hoạch số 95/KH-UBND',
      implementationDeadline: '2026-02-15',
      summary: null,
      sections: [{ code: 'II.1', title: 'Tuyên truyền', tasks: [{ code: 'II.1.1', text: 'Quán triệt kế hoạch', responsibleBoard: null, due: 'Quý I/2026' }] }],
      indicators: [{ code: 'CT01', name: 'Sáng kiến được công nhận', unitOfMeasure: 'sáng kiến', target: 120, note: null }],
    });
    expect(await screen.findByTestId('plan-heading')).toHaveTextContent('Số: 12/KH-LĐLĐ');

    await app.router.navigate('/organization/plans');
    const table = await screen.findByTestId('plan-table');
    await waitFor(() => expect(within(table).getByRole('link', { name: '12/KH-LĐLĐ' })).toBeInTheDocument());
  });

  it('edits a plan with If-Match: reorders the sections, and offers a reload after a 412', async () => {
    const sent = recordBodies('PUT', /^\/api\/v1\/organization\/plans\//);
    signInWithPermissions(MANAGER);
    const app = renderApp(`/organization/plans/${PLAN_ID}`);
    const user = fast();
    await user.click(await screen.findByTestId('edit-plan', {}, { timeout: 20_000 }));

    const title = await screen.findByLabelText('Trích yếu', {}, { timeout: 20_000 });
    expect(screen.getByLabelText('Số, ký hiệu')).toHaveValue('405/KH-LĐLĐ');
    expect(screen.getByLabelText('Ngày ban hành')).toHaveValue('01/08/2023');
    expect(screen.getAllByTestId('plan-section-editor')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Chuyển lên: Mục 2' }));
    await waitFor(() => expect(within(screen.getAllByTestId('plan-section-editor')[0]!).getByLabelText('Mục')).toHaveValue('II.2'));
    // Someone else saves meanwhile.
    const stored = mockPlans().get(PLAN_ID)!;
    mockPlans().set(PLAN_ID, { ...stored, title: 'Tên do người khác sửa', version: 2 });
    await user.click(screen.getByTestId('save-plan'));

    expect(await screen.findByText('Dữ liệu đã bị người khác thay đổi')).toBeInTheDocument();
    expect(sent[0]!.headers.get('If-Match')).toBe('"1"');
    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await waitFor(() => expect(screen.getByLabelText('Trích yếu')).toHaveValue('Tên do người khác sửa'));
    expect(title).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Chuyển lên: Mục 2' }));
    await user.click(screen.getByTestId('save-plan'));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/plans/${PLAN_ID}`), { timeout: 20_000 });
    expect(sent[1]!.headers.get('If-Match')).toBe('"2"');
    expect(sent[1]!.body).not.toHaveProperty('unitId');
    expect((sent[1]!.body.sections as { code: string }[]).map((s) => s.code)).toEqual(['II.2', 'II.1']);
    expect(mockPlans().get(PLAN_ID)!.version).toBe(3);
  });

  it('puts the server messages on the nested task field, on the period and under the indicator list', async () => {
    server.use(
      http.put('*/api/v1/organization/plans/:id', () =>
        problem(400, {
          title: 'One or more validation errors occurred.',
          errors: {
            'sections[1].tasks[0].text': ['Nội dung nhiệm vụ quá dài.'],
            periodTo: ['Năm kết thúc phải từ năm bắt đầu trở đi.'],
            indicators: ['Tối đa 100 chỉ tiêu.'],
          },
        }),
      ),
    );
    signInWithPermissions(MANAGER);
    renderApp(`/organization/plans/${PLAN_ID}/edit`);
    const user = fast();
    await screen.findByLabelText('Trích yếu', {}, { timeout: 20_000 });
    await user.click(screen.getByTestId('save-plan'));

    const secondSection = screen.getAllByTestId('plan-section-editor')[1]!;
    const taskText = within(within(secondSection).getByTestId('plan-task-editor')).getByLabelText('Nội dung nhiệm vụ');
    expect(await within(itemOf(taskText)).findByText('Nội dung nhiệm vụ quá dài.')).toBeInTheDocument();
    expect(within(itemOf(screen.getByLabelText('Đến năm'))).getByText('Năm kết thúc phải từ năm bắt đầu trở đi.')).toBeInTheDocument();
    // A message on a list as a whole shows under that list.
    expect(within(screen.getByTestId('plan-indicators-editor')).getByText('Tối đa 100 chỉ tiêu.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng kiểm tra lại các trường được đánh dấu.')).toBeInTheDocument();
  });

  it('hides the create and edit buttons from a user who cannot manage plans, and refuses the form', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const app = renderApp('/organization/plans');
    await screen.findByRole('link', { name: '405/KH-LĐLĐ' }, { timeout: 20_000 });
    expect(screen.queryByTestId('new-plan')).toBeNull();

    await app.router.navigate(`/organization/plans/${PLAN_ID}`);
    await screen.findByTestId('plan-heading', {}, { timeout: 20_000 });
    expect(screen.queryByTestId('edit-plan')).toBeNull();

    await app.router.navigate('/organization/plans/new');
    expect(await screen.findByText('Bạn không có quyền', { exact: false }, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByLabelText('Số, ký hiệu')).toBeNull();
  });

  it('offers edit to a district manager on the district plan but not on the province plan it implements', async () => {
    const vanLam = db.current.unitByCode('VANLAM');
    const districtPlan = { ...mockPlans().get(PLAN_ID)!, id: '00000000-0000-4000-8000-000000000502', unitId: vanLam.id, number: '21/KH-LĐLĐ' };
    mockPlans().set(districtPlan.id, districtPlan);
    signInWithPermissions(MANAGER, 'VANLAM');
    const app = renderApp(`/organization/plans/${districtPlan.id}`);
    expect(await screen.findByTestId('edit-plan', {}, { timeout: 20_000 })).toBeInTheDocument();

    await app.router.navigate(`/organization/plans/${PLAN_ID}`);
    await waitFor(() => expect(screen.getByTestId('plan-heading')).toHaveTextContent('405/KH-LĐLĐ'), { timeout: 20_000 });
    expect(screen.queryByTestId('edit-plan')).toBeNull();
  });
});
