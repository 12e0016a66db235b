import { db } from '@/testing/mocks/db';
import { PLAN_ID, mockImplementations } from '@/testing/mocks/plans';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const OFFICER = ['organization.units.read', 'organization.records.read', 'organization.plans.manage'];

/** Văn Lâm's issued plan (revision 1) with a signed file of this issue and one kept from the draft (revision 0). */
function withFiles() {
  const plan = mockImplementations().get(db.current.unitByCode('VANLAM').id)!;
  const file = (fileName: string, revisionNo: number) => ({
    id: crypto.randomUUID(), revisionNo, fileName, contentType: 'application/pdf', size: 120_000, uploadedAt: '2023-09-05T03:00:00Z', uploadedBy: 'canbo.vanlam@hungyen.demo',
  });
  plan.attachments = [file('ke-hoach-21-da-ky.pdf', 1), file('du-thao-lan-dau.pdf', 0)];
  return plan;
}

const rowOf = (name: string) => within(screen.getByTestId('implementation-files')).getByText(name).closest('tr')!;

describe('the files of an implementation plan', { timeout: 150_000 }, () => {
  it('removes a file of the current issue after a confirmation, and shows why a file of an earlier issue stays', async () => {
    signInWithPermissions(OFFICER, 'VANLAM');
    const plan = withFiles();
    renderApp(`/organization/plans/${PLAN_ID}?tab=ours`);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    await screen.findByText('ke-hoach-21-da-ky.pdf', {}, { timeout: 60_000 });

    await user.click(within(rowOf('ke-hoach-21-da-ky.pdf')).getByRole('button', { name: 'Xoá tệp ke-hoach-21-da-ky.pdf' }));
    expect(await screen.findByText('Xoá tệp "ke-hoach-21-da-ky.pdf" khỏi kế hoạch triển khai? Nội dung tệp sẽ không còn được tìm thấy.')).toBeInTheDocument();
    await user.click(screen.getByTestId('delete-implementation-file-confirm'));

    await waitFor(() => expect(within(screen.getByTestId('implementation-files')).queryByText('ke-hoach-21-da-ky.pdf')).not.toBeInTheDocument(), {
      timeout: 20_000,
    });
    expect(plan.attachments!.map((a) => a.fileName)).toEqual(['du-thao-lan-dau.pdf']);
    expect(await screen.findByText('Đã xoá tệp.')).toBeInTheDocument();

    await user.click(within(rowOf('du-thao-lan-dau.pdf')).getByTestId('delete-implementation-file'));
    await user.click(await screen.findByTestId('delete-implementation-file-confirm'));
    expect(await screen.findByText('Tệp thuộc một lần ban hành trước nên được giữ lại trong hồ sơ của lần đó.', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(screen.getByTestId('implementation-files')).getByText('du-thao-lan-dau.pdf')).toBeInTheDocument();
    expect(plan.attachments).toHaveLength(1);
  });

  it('offers no remove button to a reader', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'VANLAM');
    withFiles();
    renderApp(`/organization/plans/${PLAN_ID}?tab=ours`);
    await screen.findByText('ke-hoach-21-da-ky.pdf', {}, { timeout: 60_000 });
    expect(screen.queryByTestId('delete-implementation-file')).not.toBeInTheDocument();
  });
});
