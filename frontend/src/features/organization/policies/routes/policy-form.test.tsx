import { db } from '@/testing/mocks/db';
import { policyByNumber } from '@/testing/mocks/policies';
import { server } from '@/testing/mocks/server';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.policies.manage'];

afterEach(() => server.events.removeAllListeners());

type User = ReturnType<typeof renderApp>['user'];

/** jsdom's getComputedStyle over AntD's many style tags makes the pointer-events check slow on a busy machine. */
const fast = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

/** Pasting is much quicker than typing character by character through AntD's inputs. */
async function fill(user: User, label: string, value: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(value);
}

async function fillDate(user: User, label: string, value: string) {
  await fill(user, label, value);
  await user.keyboard('{Tab}');
}

describe('policy create and edit forms', () => {
  it('creates a document with an Idempotency-Key, the scope unit and ISO dates', async () => {
    const sent: { key: string | null; body: unknown }[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/organization/policies') {
        sent.push({ key: request.headers.get('Idempotency-Key'), body: await request.clone().json() });
      }
    });
    signInWithPermissions(MANAGER);
    const vanLam = db.current.unitByCode('VANLAM');
    const app = { ...renderApp(`/organization/policies/new?unit=${vanLam.id}`), user: fast() };
    await screen.findByLabelText('Số, ký hiệu', {}, { timeout: 20_000 });
    await fill(app.user, 'Số, ký hiệu', ' 30/KH-LĐLĐ ');
    await fill(app.user, 'Tên văn bản', 'Kế hoạch hỗ trợ sáng kiến năm 2026');
    await fill(app.user, 'Cơ quan ban hành', 'LĐLĐ huyện Văn Lâm');
    await fillDate(app.user, 'Ngày ban hành', '05/01/2026');
    await fillDate(app.user, 'Hiệu lực từ ngày', '10/01/2026');
    await app.user.click(screen.getByRole('button', { name: 'Tạo mới' }));

    await waitFor(() => expect(app.router.state.location.pathname).toMatch(/^\/organization\/policies\/[0-9a-f-]{36}$/));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]!.body).toEqual({
      unitId: vanLam.id,
      number: '30/KH-LĐLĐ',
      title: 'Kế hoạch hỗ trợ sáng kiến năm 2026',
      issuer: 'LĐLĐ huyện Văn Lâm',
      issuedOn: '2026-01-05',
      effectiveFrom: '2026-01-10',
      effectiveTo: null,
      scope: null,
      summary: null,
    });
    expect(await screen.findByTestId('policy-detail')).toHaveTextContent('Từ 10/01/2026');
  }, 40_000);

  it('puts the server message for effectiveTo on its field', async () => {
    signInWithPermissions(MANAGER);
    const policy = policyByNumber('58/HD-LĐLĐ');
    const app = { ...renderApp(`/organization/policies/${policy.id}/edit`), user: fast() };
    const to = await screen.findByLabelText('Hiệu lực đến ngày', {}, { timeout: 20_000 });
    await waitFor(() => expect(to).toHaveValue('31/12/2023'));
    expect(screen.getByLabelText('Hiệu lực từ ngày')).toHaveValue('01/02/2022');
    await app.user.clear(to);
    await fillDate(app.user, 'Hiệu lực đến ngày', '01/01/2021');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));

    expect(await screen.findByText('Vui lòng kiểm tra lại các trường được đánh dấu.')).toBeInTheDocument();
    const item = to.closest('.ant-form-item') as HTMLElement;
    expect(await within(item).findByText('Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.')).toBeInTheDocument();
    expect(policy.effectiveTo).toBe('2023-12-31');
  }, 40_000);

  it('saves with If-Match and offers a reload on 412', async () => {
    let ifMatch: string | null = null;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') ifMatch = request.headers.get('If-Match');
    });
    signInWithPermissions(MANAGER);
    const policy = policyByNumber('112/QĐ-LĐLĐ');
    const app = { ...renderApp(`/organization/policies/${policy.id}/edit`), user: fast() };
    const issuer = await screen.findByLabelText('Cơ quan ban hành', {}, { timeout: 20_000 });
    await waitFor(() => expect(issuer).toHaveValue('LĐLĐ tỉnh Hưng Yên'));
    Object.assign(policy, { issuer: 'Ban Thường vụ LĐLĐ tỉnh', version: 2 });
    await fill(app.user, 'Cơ quan ban hành', ' (sửa)');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Dữ liệu đã bị người khác thay đổi')).toBeInTheDocument();
    expect(ifMatch).toBe('"1"');

    await app.user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await waitFor(() => expect(screen.getByLabelText('Cơ quan ban hành')).toHaveValue('Ban Thường vụ LĐLĐ tỉnh'));
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/policies/${policy.id}`));
    expect(ifMatch).toBe('"2"');
  }, 40_000);
});
