import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.labour.manage'];
const xlsx = (name: string) => new File(['PK\u0003\u0004 sheet'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

/** Node's fetch (behind MSW) only understands Node's FormData and File; see policy-detail.test.tsx. */
type NodeProcess = { getBuiltinModule: (id: 'buffer') => { File: typeof File } };
beforeEach(async () => {
  const NodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor as typeof FormData;
  const { File: NodeFile } = (globalThis as unknown as { process: NodeProcess }).process.getBuiltinModule('buffer');
  vi.stubGlobal('FormData', NodeFormData);
  vi.stubGlobal('File', NodeFile);
});

afterEach(() => {
  server.events.removeAllListeners();
  vi.unstubAllGlobals();
});

async function choose(name: string) {
  const app = renderApp('/organization/enterprises/import');
  await screen.findByTestId('choose-file', {}, { timeout: 20_000 });
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  await app.user.upload(input, xlsx(name));
  return app;
}

describe('labour import', () => {
  it('lists the rejected rows as Excel numbers them, in Vietnamese, falling back to the server message', async () => {
    signInWithPermissions(MANAGER, 'VANLAM');
    const app = await choose('du-lieu-invalid.xlsx');
    await app.user.click(screen.getByTestId('run-import'));
    const table = await screen.findByTestId('row-errors', {}, { timeout: 20_000 });
    expect(screen.getByText('Tệp bị từ chối, không có dữ liệu nào được ghi. Sửa các lỗi dưới đây rồi tải lên lại.')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent))).toEqual([
      ['3', 'Mã số thuế', 'Mã số thuế sai định dạng hoặc sai chữ số kiểm tra.'],
      ['4', 'Lao động nữ', 'Lao động nữ nhiều hơn tổng số lao động.'],
      ['5', 'Mã CĐCS', 'A message the SPA does not know.'],
    ]);
  }, 30_000);

  it('checks the file as a dry run first, then imports it, sending the file and the keeping unit', async () => {
    signInWithPermissions(MANAGER, 'VANLAM');
    const forms: { dryRun: string | null; unitId: string | null; file: string | undefined }[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (!request.url.endsWith('/labour/import')) return;
      const form = await request.clone().formData();
      forms.push({ dryRun: form.get('dryRun') as string, unitId: form.get('unitId') as string, file: (form.get('file') as File | null)?.name });
    });
    const app = await choose('du-lieu.xlsx');
    await app.user.click(screen.getByTestId('check-import'));
    expect(await screen.findByTestId('import-summary', {}, { timeout: 20_000 })).toHaveTextContent(
      'Tệp hợp lệ: 4 dòng. Sẽ thêm 1 doanh nghiệp, cập nhật 2 doanh nghiệp, ghi 4 bộ số liệu năm.',
    );
    await app.user.click(screen.getByTestId('run-import'));
    await waitFor(() => expect(screen.getByTestId('import-summary')).toHaveTextContent('Đã nhập 4 dòng'));
    expect(forms).toHaveLength(2);
    expect(forms[0]).toMatchObject({ dryRun: 'true', file: 'du-lieu.xlsx' });
    expect(forms[1]).toMatchObject({ dryRun: 'false', file: 'du-lieu.xlsx' });
    expect(forms[0]!.unitId).toBeTruthy();
  }, 30_000);

  it('is closed to users who cannot manage labour data', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'VANLAM');
    renderApp('/organization/enterprises/import');
    expect(await screen.findByText('Không có quyền truy cập', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('choose-file')).not.toBeInTheDocument();
  });
});
