import { http } from 'msw';
import { db } from '@/testing/mocks/db';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor } from '@/testing/test-utils';

async function openEdit() {
  signInAs('admin@hungyen.demo');
  const unit = db.current.unitByCode('VANLAM');
  const app = renderApp(`/organization/units/${unit.id}/edit`);
  const name = await screen.findByLabelText('Tên đơn vị', {}, { timeout: 20_000 });
  await waitFor(() => expect(name).toHaveValue('Liên đoàn Lao động huyện Văn Lâm'));
  return { app, unit, name };
}

describe('unit edit form', () => {
  it('saves with If-Match and goes back to the details', async () => {
    let ifMatch: string | null = null;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') ifMatch = request.headers.get('If-Match');
    });
    const { app, unit, name } = await openEdit();
    await app.user.clear(name);
    await app.user.type(name, 'LĐLĐ huyện Văn Lâm');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/units/${unit.id}`));
    expect(ifMatch).toBe('"1"');
    expect(db.current.unitByCode('VANLAM').name).toBe('LĐLĐ huyện Văn Lâm');
    server.events.removeAllListeners();
  });

  it('says someone else changed the unit when the save gets 412, and reload brings the new version', async () => {
    const { app, name } = await openEdit();
    // Someone else saves in between.
    const stored = db.current.unitByCode('VANLAM');
    Object.assign(stored, { name: 'Tên do người khác sửa', version: 2 });

    await app.user.clear(name);
    await app.user.type(name, 'Tên của tôi');
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));

    const alert = await screen.findByText('Dữ liệu đã bị người khác thay đổi');
    expect(alert).toBeInTheDocument();
    expect(screen.getByText(/Hãy tải lại để xem bản mới nhất/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await waitFor(() => expect(screen.getByLabelText('Tên đơn vị')).toHaveValue('Tên do người khác sửa'));
    expect(screen.queryByText('Dữ liệu đã bị người khác thay đổi')).not.toBeInTheDocument();
  });

  it('puts the API validation messages on the matching fields', async () => {
    server.use(
      http.put('*/api/v1/organization/units/:id', () =>
        problem(400, {
          title: 'One or more validation errors occurred.',
          errors: { name: ['Tên đã được dùng cho đơn vị khác.'], email: ['Email không đúng định dạng.'], other: ['Lỗi chung.'] },
        }),
      ),
    );
    const { app } = await openEdit();
    await app.user.click(screen.getByRole('button', { name: 'Lưu' }));

    const nameMessage = await screen.findByText('Tên đã được dùng cho đơn vị khác.');
    // The message is rendered by the Name field, not in a generic banner.
    expect(nameMessage.closest('.ant-form-item')).toContainElement(screen.getByLabelText('Tên đơn vị'));
    expect(screen.getByText('Email không đúng định dạng.').closest('.ant-form-item')).toContainElement(
      screen.getByLabelText('Email'),
    );
    // What matches no field goes to the alert above the form.
    expect(screen.getByRole('alert', { name: '' })).toBeDefined();
    expect(screen.getByText('Lỗi chung.')).toBeInTheDocument();
    expect(screen.getByText('Vui lòng kiểm tra lại các trường được đánh dấu.')).toBeInTheDocument();
  });
});
