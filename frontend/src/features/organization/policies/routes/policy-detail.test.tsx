import { server } from '@/testing/mocks/server';
import { policyByNumber } from '@/testing/mocks/policies';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const MANAGER = ['organization.units.read', 'organization.records.read', 'organization.policies.manage'];
const pdf = (name = 'quy-dinh.pdf') => new File(['%PDF-1.4 test'], name, { type: 'application/pdf' });

/**
 * jsdom's FormData and File are not understood by Node's fetch (which MSW intercepts): a jsdom FormData body
 * would be sent as the text "[object FormData]". Uploads in these tests use Node's own classes, as a browser
 * would use its one set.
 */
type NodeProcess = { getBuiltinModule: (id: 'buffer') => { File: typeof File } };
beforeEach(async () => {
  const NodeFormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor as typeof FormData;
  const { File: NodeFile } = (globalThis as unknown as { process: NodeProcess }).process.getBuiltinModule('buffer');
  vi.stubGlobal('FormData', NodeFormData);
  vi.stubGlobal('File', NodeFile);
});

afterEach(() => {
  server.events.removeAllListeners();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('policy detail', () => {
  it('shows every field, the in-force tag, and no manage actions to a read-only user', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const policy = policyByNumber('112/QĐ-LĐLĐ');
    renderApp(`/organization/policies/${policy.id}`);
    const detail = await screen.findByTestId('policy-detail', {}, { timeout: 20_000 });
    expect(detail).toHaveTextContent('Quy định khen thưởng sáng kiến');
    expect(detail).toHaveTextContent('LĐLĐ tỉnh Hưng Yên');
    expect(detail).toHaveTextContent('01/06/2024');
    expect(detail).toHaveTextContent('Từ 01/07/2024');
    expect(detail).toHaveTextContent('CNVCLĐ toàn tỉnh');
    expect(within(detail).getByTestId('policy-status')).toHaveTextContent('Còn hiệu lực');
    expect(screen.getByText('Chưa có tệp đính kèm.')).toBeInTheDocument();
    expect(screen.queryByTestId('edit-policy')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tải tệp lên/ })).not.toBeInTheDocument();
  });

  it("shows the API's errors.file message when an upload is refused", async () => {
    signInWithPermissions(MANAGER);
    const policy = policyByNumber('405/KH-LĐLĐ');
    const app = renderApp(`/organization/policies/${policy.id}`);
    await screen.findByTestId('policy-detail', {}, { timeout: 20_000 });
    expect(screen.getByTestId('edit-policy')).toBeInTheDocument();
    const input = screen.getByTestId('policy-upload').querySelector('input[type=file]') as HTMLInputElement;
    // Named .pdf, but the content is not a PDF: the server decides by content.
    await app.user.upload(input, new File(['MZ not a pdf'], 'virus.pdf', { type: 'application/pdf' }));
    const alert = await screen.findByTestId('upload-error');
    expect(alert).toHaveTextContent('Không tải được tệp lên');
    expect(alert).toHaveTextContent('Tệp không đúng định dạng cho phép (PDF, DOCX, XLSX, PNG, JPEG).');
    expect(policy.attachments).toHaveLength(0);
  });

  it('uploads through the API client and downloads with the bearer token', async () => {
    const seen: { method: string; auth: string | null; type: string | null }[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.includes('/attachments')) {
        seen.push({ method: request.method, auth: request.headers.get('Authorization'), type: request.headers.get('Content-Type') });
      }
    });
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:policy-file');
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    signInWithPermissions(MANAGER);
    const policy = policyByNumber('405/KH-LĐLĐ');
    const app = renderApp(`/organization/policies/${policy.id}`);
    await screen.findByTestId('policy-detail', {}, { timeout: 20_000 });
    const input = screen.getByTestId('policy-upload').querySelector('input[type=file]') as HTMLInputElement;
    await app.user.upload(input, pdf());
    const list = screen.getByTestId('policy-attachments');
    expect(await within(list).findByText('quy-dinh.pdf')).toBeInTheDocument();
    expect(seen[0]).toMatchObject({ method: 'POST', auth: expect.stringMatching(/^Bearer /) });
    expect(seen[0]!.type).toMatch(/^multipart\/form-data; boundary=/);

    await app.user.click(within(list).getByRole('button', { name: 'Tải xuống quy-dinh.pdf' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(seen[1]).toMatchObject({ method: 'GET', auth: expect.stringMatching(/^Bearer /) });
    const blob = createObjectURL.mock.calls[0]![0];
    expect(await blob.text()).toBe('%PDF-1.4 test');
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe('quy-dinh.pdf');
    expect(link.href).toBe('blob:policy-file');
  }, 40_000);

  it('deletes a file after a confirmation, sending the version as If-Match, and lists it no more', async () => {
    const seen: { method: string; ifMatch: string | null }[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE') seen.push({ method: request.method, ifMatch: request.headers.get('If-Match') });
    });
    signInWithPermissions(MANAGER);
    const policy = policyByNumber('58/HD-LĐLĐ');
    policy.attachments.push({
      id: '00000000-0000-4000-8000-0000000000f1', fileName: 'phu-luc.pdf', contentType: 'application/pdf', size: 13,
      uploadedAt: '2025-01-02T03:00:00Z', uploadedBy: 'cspl@hungyen.demo', content: new TextEncoder().encode('%PDF-1.4 test'),
    });
    const version = policy.version;
    const app = renderApp(`/organization/policies/${policy.id}`);
    const list = await screen.findByTestId('policy-attachments', {}, { timeout: 20_000 });
    expect(within(list).getByText('phu-luc.pdf')).toBeInTheDocument();

    await app.user.click(within(list).getByRole('button', { name: 'Xoá tệp phu-luc.pdf' }));
    expect(await screen.findByText('Xoá tệp "phu-luc.pdf" khỏi văn bản? Nội dung tệp sẽ không còn được tìm thấy.')).toBeInTheDocument();
    expect(seen).toHaveLength(0);
    await app.user.click(screen.getByTestId('delete-policy-attachment-confirm'));

    await waitFor(() => expect(within(screen.getByTestId('policy-attachments')).queryByText('phu-luc.pdf')).not.toBeInTheDocument());
    expect(seen).toEqual([{ method: 'DELETE', ifMatch: `"${version}"` }]);
    expect(await screen.findByText('Đã xoá tệp đính kèm.')).toBeInTheDocument();
  });

  it('offers no delete button to a reader', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const policy = policyByNumber('21/KH-LĐLĐ');
    policy.attachments.push({
      id: '00000000-0000-4000-8000-0000000000f2', fileName: 'ke-hoach.pdf', contentType: 'application/pdf', size: 13,
      uploadedAt: '2025-01-02T03:00:00Z', uploadedBy: 'cspl@hungyen.demo', content: new TextEncoder().encode('%PDF-1.4 test'),
    });
    renderApp(`/organization/policies/${policy.id}`);
    const list = await screen.findByTestId('policy-attachments', {}, { timeout: 20_000 });
    expect(within(list).getByText('ke-hoach.pdf')).toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: /Xoá tệp/ })).not.toBeInTheDocument();
  });
});
