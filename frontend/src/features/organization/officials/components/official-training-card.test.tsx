import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInWithPermissions, within } from '@/testing/test-utils';

describe('training history on the official detail', { timeout: 40_000 }, () => {
  it('lists the courses the official completed', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'VANLAM');
    renderApp(`/organization/officials/${db.current.officialByName('Đỗ Thị Hằng').id}`);
    const card = await screen.findByTestId('official-trainings', {}, { timeout: 20_000 });
    expect(within(card).getByRole('heading', { name: 'Quá trình đào tạo, bồi dưỡng' })).toBeInTheDocument();
    expect(await within(card).findByText(/KHCN-2025-04 – Sở hữu trí tuệ cho công đoàn cơ sở/)).toBeInTheDocument();
    expect(within(card).getByText('Kỹ năng đổi mới sáng tạo')).toBeInTheDocument();
    expect(within(card).getByText('20/11/2025')).toBeInTheDocument();
  });

  it('says so when the official has completed none', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read'], 'VANLAM');
    renderApp(`/organization/officials/${db.current.officialByName('Lê Văn Đức').id}`);
    const card = await screen.findByTestId('official-trainings', {}, { timeout: 20_000 });
    expect(await within(card).findByText('Chưa có khóa học nào hoàn thành.')).toBeInTheDocument();
  });
});
