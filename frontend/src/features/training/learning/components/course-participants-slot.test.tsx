import { StyleProvider, createCache } from '@ant-design/cssinjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { OPEN_COURSE, enrolmentStore } from '@/testing/mocks/enrolments';
import { fireEvent, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';
import { CourseParticipantsSlot } from './course-participants-slot';

const UNIT = ['training.read', 'training.nominate', 'organization.units.read', 'organization.records.read'];
const COORDINATOR = [...UNIT, 'training.courses.manage', 'training.attendance.record'];

/** The slot alone, as the course detail page (another area) renders it. */
function renderSlot(courseId: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never, delay: null });
  render(
    <StyleProvider mock="server" cache={createCache()}>
      <AntApp>
        <QueryClientProvider client={client}>
          <MemoryRouter>
            <CourseParticipantsSlot courseId={courseId} />
          </MemoryRouter>
        </QueryClientProvider>
      </AntApp>
    </StyleProvider>,
  );
  return { user };
}

async function pickOfficial(user: ReturnType<typeof userEvent.setup>, text: string, title: string) {
  const input = await screen.findByRole('combobox', { name: 'Cán bộ' });
  fireEvent.mouseDown(input);
  await user.type(input, text);
  await user.click(await screen.findByTitle(title, {}, { timeout: 20_000 }));
}

describe('course participants slot', { timeout: 40_000 }, () => {
  it('shows capacity, enrolled and the waitlist in order, and promotes the first waiting person when a place frees up', async () => {
    signInWithPermissions(COORDINATOR, 'HY');
    const { user } = renderSlot(OPEN_COURSE);
    const card = await screen.findByTestId('course-participants', {}, { timeout: 20_000 });
    await within(card).findByText('Vũ Đình Nam');
    expect(within(card).getByTestId('participants-enrolled')).toHaveTextContent('2/ 2');
    expect(within(card).getByTestId('participants-waitlist')).toHaveTextContent('1');
    expect(within(card).getByText('Chờ thứ 1')).toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Rút tên Đỗ Thị Hằng' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Lý do'), 'Bận công tác');
    await user.click(within(dialog).getByRole('button', { name: 'Rút tên' }));

    expect(await screen.findByText(/Vũ Đình Nam được chuyển từ danh sách chờ vào lớp/)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByTestId('participants-waitlist')).toHaveTextContent('0'));
    expect(within(card).getByText('Đã rút')).toBeInTheDocument();
    expect(within(card).queryByText('Chờ thứ 1')).not.toBeInTheDocument();
  });

  it('nominates an official: a timetable clash needs the coordinator’s reason, and a full course puts the next one on the waitlist', async () => {
    signInWithPermissions(COORDINATOR, 'HY');
    const { user } = renderSlot(OPEN_COURSE);
    const card = await screen.findByTestId('course-participants', {}, { timeout: 20_000 });
    await user.click(await within(card).findByRole('button', { name: /Cử cán bộ đi học/ }));

    await pickOfficial(user, 'hoang van', 'Hoàng Văn Tâm – Chủ tịch (Liên đoàn Lao động thành phố Hưng Yên)');
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cử đi học' }));
    expect(await within(dialog).findByTestId('nominate-clash')).toHaveTextContent('KHCN-2026-03');
    expect(within(dialog).getByRole('button', { name: 'Cử đi học' })).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Lý do cho phép trùng lịch'), 'Lãnh đạo đồng ý học bù');
    await user.click(within(dialog).getByRole('button', { name: 'Cử đi học' }));

    expect(await screen.findByText(/Hoàng Văn Tâm ở vị trí chờ thứ 2/)).toBeInTheDocument();
    await waitFor(() => expect(within(card).getByTestId('participants-waitlist')).toHaveTextContent('2'));
    expect(enrolmentStore().enrolments.at(-1)!.clashOverrideReason).toBe('Lãnh đạo đồng ý học bù');
  });

  it('shows a district only its own officials, with the figures of the whole course', async () => {
    signInWithPermissions(UNIT, 'VANLAM');
    renderSlot(OPEN_COURSE);
    const card = await screen.findByTestId('course-participants', {}, { timeout: 20_000 });
    await within(card).findByText('Đỗ Thị Hằng');
    expect(within(card).queryByText('Nguyễn Thị Thu')).not.toBeInTheDocument();
    expect(within(card).getByText(/Bạn thấy học viên thuộc đơn vị mình/)).toBeInTheDocument();
    expect(within(card).getByTestId('participants-enrolled')).toHaveTextContent('2/ 2');
  });

  describe('on a 360 px phone', () => {
    const wide = window.matchMedia;
    beforeEach(() => {
      // AntD's breakpoints read matchMedia: answer as a 360 px screen does (below md, 768 px).
      window.matchMedia = ((query: string) => {
        const min = /min-width:\s*(\d+)px/.exec(query);
        const max = /max-width:\s*(\d+)px/.exec(query);
        return { ...wide(query), matches: (!min || 360 >= Number(min[1])) && (!max || 360 <= Number(max[1])) };
      }) as typeof window.matchMedia;
    });
    afterEach(() => {
      window.matchMedia = wide;
    });

    it('says the table scrolls sideways to the status and "Rút tên", and keeps the name in view', async () => {
      signInWithPermissions(COORDINATOR, 'HY');
      renderSlot(OPEN_COURSE);
      const card = await screen.findByTestId('course-participants', {}, { timeout: 20_000 });
      await within(card).findByText('Vũ Đình Nam');
      expect(within(card).getByTestId('participants-scroll-hint')).toHaveTextContent('Vuốt bảng sang trái để xem trạng thái và thao tác.');
      expect(within(card).getByRole('columnheader', { name: 'Họ và tên' })).toHaveClass('ant-table-cell-fix-start');
      expect(within(card).getByRole('columnheader', { name: 'Trạng thái' })).toBeInTheDocument();
      expect(within(card).getByRole('button', { name: 'Rút tên Đỗ Thị Hằng' })).toBeInTheDocument();
    });
  });

  it('gives no scroll hint on a wide screen, where every column fits', async () => {
    signInWithPermissions(COORDINATOR, 'HY');
    renderSlot(OPEN_COURSE);
    const card = await screen.findByTestId('course-participants', {}, { timeout: 20_000 });
    await within(card).findByText('Vũ Đình Nam');
    expect(within(card).queryByTestId('participants-scroll-hint')).not.toBeInTheDocument();
    expect(within(card).getByRole('columnheader', { name: 'Họ và tên' })).not.toHaveClass('ant-table-cell-fix-start');
  });
});
