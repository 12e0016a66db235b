import { db } from '@/testing/mocks/db';
import { PLAN_ID, mockImplementations } from '@/testing/mocks/plans';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const OFFICER = ['organization.units.read', 'organization.records.read', 'organization.plans.manage'];
const rows = () => within(screen.getByTestId('compliance-table')).getAllByRole('row').slice(1);

type User = ReturnType<typeof userEvent.setup>;
async function fill(user: User, label: string, value: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(value);
}

describe('plan detail', { timeout: 40_000 }, () => {
  it('shows the plan as a document: heading, implemented text, sections with responsible boards, indicators', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp(`/organization/plans/${PLAN_ID}`);
    const heading = await screen.findByTestId('plan-heading', {}, { timeout: 20_000 });
    expect(heading).toHaveTextContent('Số: 405/KH-LĐLĐ');
    expect(heading).toHaveTextContent('Hưng Yên, ngày 01 tháng 8 năm 2023');
    expect(within(heading).getByRole('heading', { level: 1, name: 'KẾ HOẠCH' })).toBeInTheDocument();
    expect(screen.getByTestId('plan-detail')).toHaveTextContent('95/KH-UBND');
    expect(screen.getByTestId('plan-detail')).toHaveTextContent('15/09/2023');
    expect(screen.getAllByTestId('plan-section')).toHaveLength(2);
    expect(screen.getByText('II.1. Nâng cao nhận thức')).toBeInTheDocument();
    expect(screen.getByTestId('plan-indicators')).toHaveTextContent('1.500 sáng kiến');
  });

  it('shows the cascade totals and filters the units by state from the bars', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp(`/organization/plans/${PLAN_ID}?tab=compliance`);
    expect(await screen.findByTestId('total-expected', {}, { timeout: 20_000 })).toHaveTextContent('8');
    expect(screen.getByTestId('bar-IssuedOnTime')).toHaveTextContent('1');
    expect(screen.getByTestId('bar-IssuedLate')).toHaveTextContent('1');
    expect(screen.getByTestId('bar-Draft')).toHaveTextContent('1');
    expect(screen.getByTestId('bar-Missing')).toHaveTextContent('5');
    expect(rows()).toHaveLength(8);

    await app.user.click(screen.getByTestId('bar-IssuedLate'));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent('Liên đoàn Lao động thành phố Hưng Yên');
    expect(within(rows()[0]!).getByTestId('compliance-status')).toHaveTextContent('Ban hành muộn');
    expect(new URLSearchParams(app.router.state.location.search).get('status')).toBe('IssuedLate');
  });

  it('shows only the subtree of a district officer', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp(`/organization/plans/${PLAN_ID}?tab=compliance`);
    expect(await screen.findByTestId('total-expected', {}, { timeout: 20_000 })).toHaveTextContent('3');
    await waitFor(() => expect(rows()).toHaveLength(3));
    for (const row of rows()) expect(row).toHaveTextContent(/VANLAM|VL-0/);
  });

  it("lets a town officer draft and issue the town's implementation plan, and keeps the issue in the history", { timeout: 90_000 }, async () => {
    signInWithPermissions(OFFICER, 'MYHAO');
    const myHao = db.current.unitByCode('MYHAO');
    renderApp(`/organization/plans/${PLAN_ID}?tab=ours`);
    // jsdom's getComputedStyle over AntD's style tags makes the pointer-events check slow on a busy machine.
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
    await screen.findByTestId('implementation-missing', {}, { timeout: 20_000 });
    expect(screen.getByText('Đơn vị chưa có kế hoạch triển khai (hạn 15/09/2023).')).toBeInTheDocument();

    await user.click(screen.getByTestId('start-draft'));
    const detail = await screen.findByTestId('implementation-detail', {}, { timeout: 20_000 });
    expect(within(detail).getByTestId('compliance-status')).toHaveTextContent('Đang dự thảo');

    await fill(user, 'Số, ký hiệu', '12/KH-LĐLĐ');
    await fill(user, 'Ngày ban hành', '10/09/2023');
    await user.keyboard('{Tab}');
    await user.click(screen.getByTestId('issue-submit'));

    await waitFor(
      () => expect(within(screen.getByTestId('implementation-detail')).getByTestId('compliance-status')).toHaveTextContent('Đã ban hành đúng hạn'),
      { timeout: 20_000 },
    );
    const history = screen.getByTestId('revision-history');
    expect(history).toHaveTextContent('12/KH-LĐLĐ');
    expect(history).toHaveTextContent('10/09/2023');
    expect(mockImplementations().get(myHao.id)).toMatchObject({ status: 'Issued', number: '12/KH-LĐLĐ', issuedOn: '2023-09-10' });
    expect(screen.getByTestId('revise-form')).toBeInTheDocument();
  });

  it('offers no drafting to a reader', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    renderApp(`/organization/plans/${PLAN_ID}?tab=ours&unit=${db.current.unitByCode('VL-01').id}`);
    await screen.findByTestId('implementation-missing', {}, { timeout: 20_000 });
    expect(screen.queryByTestId('start-draft')).not.toBeInTheDocument();
  });
});
