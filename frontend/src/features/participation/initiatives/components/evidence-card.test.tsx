import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { problem } from '@/testing/mocks/handlers';
import { fireEvent, renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const ID = '00000000-0000-4000-8000-000000009501';
const FILE = '00000000-0000-4000-8000-000000009502';
const evidence = { id: FILE, fileName: 'anh-chup-ket-qua.pdf', contentType: 'application/pdf', size: 2048, uploadedBy: 'doanvien@hungyen.demo', uploadedAt: '2026-12-01T02:00:00Z' };

function initiative(over: Record<string, unknown> = {}) {
  return {
    id: ID, unitId: 'u1', unitName: 'CĐCS Dệt may Lạc Hồng', title: 'Gá kẹp thay khuôn nhanh', field: 'Dệt may', kind: 'Technical',
    problem: 'Thay khuôn lâu', currentState: 'Tháo lắp tay', solution: 'Gá kẹp nhanh', appliedAt: 'Phân xưởng 2', appliedSince: '2025-06-01', trialApplication: false,
    yearlyBenefit: 100000000, socialBenefit: null, firstApplicationParticipants: null, noveltyDeclared: true,
    authors: [{ fullName: 'Đặng Thị Đoàn viên', email: null, position: null, sharePercent: 100 }],
    status: 'Draft', allowedMoves: ['Submitted', 'Withdrawn'], filedBy: 'Đặng Thị Đoàn viên', submittedAt: null, certificateNumber: null,
    decisionDate: null, refusalReasons: null, decidedBy: null, withdrawalReason: null, conditions: [],
    remuneration: {
      recorded: false, years: [], authorsTotal: 0, organisersTotal: 0,
      rules: { code: 'ND13-2012', effectiveFrom: '2012-04-01', authorRate: 0.07, organiserRate: 0.3, years: 3, legalBasis: 'Nghị định 13/2012/NĐ-CP Điều 10' },
    },
    attachments: [evidence],
    canEdit: true, canFile: true, canDecide: false, version: 2, createdAt: '2026-12-01T00:00:00Z', updatedAt: '2026-12-01T00:00:00Z', council: null,
    ...over,
  };
}

describe('the evidence card of an application (#12)', { timeout: 40_000 }, () => {
  it('lets the filer of a draft upload a file, see the refusal of a wrong one, and delete after confirming', async () => {
    let uploads = 0;
    let deleted = false;
    server.use(
      http.get(`*/api/v1/participation/initiatives/${ID}`, () => HttpResponse.json(initiative({ attachments: deleted ? [] : [evidence] }))),
      http.post(`*/api/v1/participation/initiatives/${ID}/attachments`, async ({ request }) => {
        uploads++;
        // Sent with the session's token and a fresh Idempotency-Key, the file in the multipart field "file".
        expect(request.headers.get('Authorization')).toMatch(/^Bearer /);
        expect(request.headers.get('Idempotency-Key')).toBeTruthy();
        expect((await request.formData()).get('file')).toBeTruthy();
        if (uploads === 1)
          return problem(400, { errors: { file: ["Tệp 'virus.pdf' không phải là PDF, DOCX, XLSX, PNG hoặc JPEG."] } });
        return HttpResponse.json(initiative({ attachments: [evidence, { ...evidence, id: 'f2', fileName: 'ban-ve.png', contentType: 'image/png' }] }), { status: 201 });
      }),
      http.delete(`*/api/v1/participation/initiatives/${ID}/attachments/${FILE}`, () => {
        deleted = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    signInWithPermissions(['participation.read', 'participation.initiatives.submit'], 'VANLAM');
    renderApp(`/participation/initiatives/${ID}`);
    const card = await screen.findByTestId('initiative-evidence', {}, { timeout: 20_000 });
    expect(within(card).getByText('anh-chup-ket-qua.pdf')).toBeInTheDocument();

    const input = () => card.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input(), { target: { files: [new File(['MZ'], 'virus.pdf', { type: 'application/pdf' })] } });
    expect(await within(card).findByTestId('upload-error')).toHaveTextContent('không phải là PDF, DOCX, XLSX, PNG hoặc JPEG');

    fireEvent.change(input(), { target: { files: [new File(['%PDF'], 'ban-ve.png', { type: 'image/png' })] } });
    expect(await within(card).findByText('ban-ve.png')).toBeInTheDocument();

    fireEvent.click(within(card).getByRole('button', { name: 'Xoá tệp anh-chup-ket-qua.pdf' }));
    fireEvent.click(await screen.findByTestId('delete-evidence-confirm'));
    await waitFor(() => expect(deleted).toBe(true));
    await waitFor(() => expect(within(card).queryByText('anh-chup-ket-qua.pdf')).not.toBeInTheDocument());
  });

  it('shows a council member the files to download, without upload or delete', async () => {
    server.use(
      http.get(`*/api/v1/participation/initiatives/${ID}`, () =>
        HttpResponse.json(initiative({ status: 'UnderReview', allowedMoves: [], canEdit: false, canFile: false })),
      ),
    );
    signInWithPermissions(['participation.read', 'participation.councils.score'], 'VANLAM');
    renderApp(`/participation/initiatives/${ID}`);
    const card = await screen.findByTestId('initiative-evidence', {}, { timeout: 20_000 });
    expect(within(card).getByText('anh-chup-ket-qua.pdf')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Tải xuống anh-chup-ket-qua.pdf' })).toBeInTheDocument();
    expect(within(card).queryByTestId('evidence-upload')).not.toBeInTheDocument();
    expect(within(card).queryByTestId('delete-evidence')).not.toBeInTheDocument();
    expect(within(card).getByText(/Đơn đã nộp thì hồ sơ minh chứng được giữ nguyên/)).toBeInTheDocument();
  });
});
