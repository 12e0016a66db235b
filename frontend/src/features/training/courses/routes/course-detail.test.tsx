import { fireEvent } from '@testing-library/react';
import { addCourseUsers, COORDINATOR, COURSE_IDS, FUNDING_OPTIONS, PARTNER_STAFF } from '@/testing/mocks/courses';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

describe('course detail', { timeout: 60_000 }, () => {
  beforeEach(() => addCourseUsers());

  it('shows the sessions on a week grid by Vietnam day, navigable by week', async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.open}`);
    const week = await screen.findByTestId('week-view', {}, { timeout: 20_000 });
    expect(week).toHaveTextContent('Tuần 04/03 – 10/03/2030');
    const tuesday = within(week).getByTestId('week-day-2030-03-05');
    expect(tuesday).toHaveTextContent('08:00–11:30');
    expect(tuesday).toHaveTextContent('Tư duy đổi mới sáng tạo');
    expect(within(week).getByTestId('week-day-2030-03-07')).toHaveTextContent('13:30–16:30');
    expect(screen.getByTestId('course-steps')).toHaveTextContent('Ngô Văn Đối tác');

    await user.click(screen.getByRole('button', { name: 'Tuần sau' }));
    expect(week).toHaveTextContent('Tuần 11/03 – 17/03/2030');
    expect(within(week).queryAllByTestId('week-session')).toHaveLength(0);
  });

  it("adds the course's sessions to a calendar from its page (#16)", async () => {
    server.use(...certificateHandlers());
    signInAs(COORDINATOR);
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const { user } = renderApp(`/training/courses/${COURSE_IDS.open}`);
    await user.click(await screen.findByTestId('add-to-calendar', {}, { timeout: 20_000 }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.href).toBe(`http://localhost/api/v1/training/calendar/tok-first/courses/${COURSE_IDS.open}.ics`);
    expect(clicked[0]!.download).toMatch(/\.ics$/);
    click.mockRestore();
  });

  it('names the conflicting session when a new session clashes', async () => {
    signInAs(PARTNER_STAFF);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.confirmed}`);
    await user.click(await screen.findByTestId('session-add', {}, { timeout: 20_000 }));
    await user.type(await screen.findByTestId('session-topic'), 'Buổi khai giảng');
    await user.type(screen.getByLabelText('Ngày'), '05/03/2030{Enter}');
    fireEvent.change(screen.getByTestId('session-start'), { target: { value: '09:00' } });
    fireEvent.change(screen.getByTestId('session-end'), { target: { value: '10:30' } });
    // The partner's venues are offered while typing; a name among them is not a new venue (#16).
    await user.type(screen.getByTestId('session-room'), 'phòng a2');
    expect(await screen.findByRole('option', { name: 'Phòng A2-301' })).toBeInTheDocument();
    expect(screen.getByTestId('session-room-new')).toHaveTextContent('Địa điểm mới');
    await user.type(screen.getByTestId('session-room'), '-301');
    await waitFor(() => expect(screen.queryByTestId('session-room-new')).toBeNull());
    await user.click(screen.getByTestId('session-save'));

    const clash = await screen.findByTestId('session-clash');
    expect(clash).toHaveTextContent('Trùng lịch');
    expect(clash).toHaveTextContent('Phòng A2-301 đã có buổi của khóa SPKT-DMST-03 – Đổi mới sáng tạo trong doanh nghiệp, 05/03/2030 08:00–11:30.');

    fireEvent.change(screen.getByTestId('session-start'), { target: { value: '11:30' } });
    fireEvent.change(screen.getByTestId('session-end'), { target: { value: '12:30' } });
    await user.click(screen.getByTestId('session-save'));
    const week = await screen.findByTestId('week-view');
    await waitFor(() => expect(within(week).getByTestId('week-day-2030-03-05')).toHaveTextContent('Buổi khai giảng'));
  });

  it("shows the server's message on the end time when a session ends before it starts", async () => {
    signInAs(PARTNER_STAFF);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.confirmed}`);
    await user.click(await screen.findByTestId('session-add', {}, { timeout: 20_000 }));
    await user.type(await screen.findByTestId('session-topic'), 'Buổi ngược giờ');
    await user.type(screen.getByLabelText('Ngày'), '06/03/2030{Enter}');
    fireEvent.change(screen.getByTestId('session-start'), { target: { value: '10:00' } });
    fireEvent.change(screen.getByTestId('session-end'), { target: { value: '09:00' } });
    await user.type(screen.getByTestId('session-room'), 'Phòng B1');
    await user.click(screen.getByTestId('session-save'));

    // The server's own words, on the field they are about (not only "check the marked fields" with none marked).
    const message = await screen.findByText('Buổi học phải kết thúc sau khi bắt đầu.');
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByTestId('session-end'));
    expect(screen.getByText('Vui lòng kiểm tra lại các trường được đánh dấu.')).toBeInTheDocument();

    fireEvent.change(screen.getByTestId('session-end'), { target: { value: '11:00' } });
    await user.click(screen.getByTestId('session-save'));
    const week = await screen.findByTestId('week-view');
    await waitFor(() => expect(within(week).getByTestId('week-day-2030-03-06')).toHaveTextContent('Buổi ngược giờ'));
  });

  it('lets the partner confirm a proposed course after saying what it does, and the coordinator cancel it with a reason', async () => {
    signInAs(PARTNER_STAFF);
    const first = renderApp(`/training/courses/${COURSE_IDS.proposed}`);
    expect(screen.queryByTestId('course-cancel')).not.toBeInTheDocument();
    await first.user.click(await screen.findByTestId('course-confirm', {}, { timeout: 20_000 }));
    // #16: an irreversible step asks first and says what follows; nothing moves until it is confirmed.
    expect(await screen.findByText(/không quay lại “Đề xuất” được nữa/)).toBeInTheDocument();
    expect(screen.getByTestId('course-status')).toHaveTextContent('Đề xuất');
    await first.user.click(screen.getByTestId('course-confirm-ok'));
    await waitFor(() => expect(screen.getByTestId('course-status')).toHaveTextContent('Đối tác đã xác nhận'));
    expect(await screen.findByText('Khóa học đã chuyển sang trạng thái: Đối tác đã xác nhận.')).toBeInTheDocument();
    expect(screen.queryByTestId('course-confirm')).not.toBeInTheDocument();
    first.unmount();

    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.proposed}`);
    await user.click(await screen.findByTestId('course-cancel', {}, { timeout: 20_000 }));
    await user.click(await screen.findByTestId('reason-confirm'));
    expect(await screen.findByText('Nhập lý do hủy.')).toBeInTheDocument();
    await user.type(screen.getByTestId('step-reason'), 'Không đủ học viên');
    await user.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(screen.getByTestId('course-status')).toHaveTextContent('Đã hủy'));
    expect(screen.getByTestId('course-steps')).toHaveTextContent('Không đủ học viên');
  });

  it('lets the partner ask for changes with what should change, then decline with a reason (#16)', async () => {
    signInAs(PARTNER_STAFF);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.proposed}`);
    await user.click(await screen.findByTestId('course-requestChanges', {}, { timeout: 20_000 }));
    await user.click(await screen.findByTestId('reason-confirm'));
    expect(await screen.findByText('Nhập nội dung đề nghị điều chỉnh.')).toBeInTheDocument();
    await user.type(screen.getByTestId('step-reason'), 'Giảm còn 25 học viên');
    await user.click(screen.getByTestId('reason-confirm'));
    expect(await screen.findByText('Đã gửi đề nghị điều chỉnh tới đơn vị đề xuất.')).toBeInTheDocument();
    const alert = await screen.findByTestId('changes-requested');
    expect(alert).toHaveTextContent('Giảm còn 25 học viên');
    expect(screen.getByTestId('course-status')).toHaveTextContent('Đề xuất');

    await user.click(screen.getByTestId('course-decline'));
    expect(await screen.findByText(/Khóa học sẽ bị hủy, không khôi phục được/)).toBeInTheDocument();
    await user.type(screen.getByTestId('step-reason'), 'Không bố trí được giảng viên');
    await user.click(screen.getByTestId('reason-confirm'));
    await waitFor(() => expect(screen.getByTestId('course-status')).toHaveTextContent('Đã hủy'));
    expect(screen.getByTestId('course-steps')).toHaveTextContent('Đối tác từ chối: Không bố trí được giảng viên');
    expect(screen.getByText(/Lý do hủy: Đối tác từ chối: Không bố trí được giảng viên/)).toBeInTheDocument();
    expect(screen.queryByTestId('course-decline')).not.toBeInTheDocument();
  });

  it('lets the coordinator correct a confirmed course with the version read (the mock answers 412 otherwise)', async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.confirmed}`);
    await user.click(await screen.findByTestId('course-edit', {}, { timeout: 20_000 }));
    const capacity = await screen.findByLabelText('Số chỗ');
    await user.clear(capacity);
    await user.type(capacity, '25');
    await user.click(screen.getByTestId('course-edit-submit'));
    expect(await screen.findByText(/Còn trống: 25/, {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByTestId('course-edit-submit')).not.toBeInTheDocument();
  });

  it("funds a course from one of the requesting unit's training allocations, picked in its form (#14)", async () => {
    signInAs(COORDINATOR);
    const { user } = renderApp(`/training/courses/${COURSE_IDS.proposed}/edit`);
    const picker = await screen.findByTestId('course-funding', {}, { timeout: 20_000 });
    await user.click(within(picker).getByRole('combobox'));
    await user.click(await screen.findByText('Tập huấn sở hữu trí tuệ (2030) · 2030 · 12.500.000 ₫'));
    await user.click(screen.getByTestId('course-edit-submit'));
    expect(await screen.findByTestId('course-funding-label', {}, { timeout: 20_000 })).toHaveTextContent(FUNDING_OPTIONS[1]!.label);
  });
});
