import { FINISHED_COURSE, RUNNING_COURSE } from '@/testing/mocks/enrolments';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

const RECORDER = ['training.read', 'training.attendance.record'];

function recordPuts() {
  const bodies: { url: string; body: { marks: { enrolmentId: string; mark: string }[] } }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method === 'PUT' && new URL(request.url).pathname.endsWith('/attendance'))
      bodies.push({ url: new URL(request.url).pathname, body: (await request.clone().json()) as (typeof bodies)[number]['body'] });
  });
  return bodies;
}

afterEach(() => server.events.removeAllListeners());

describe('attendance sheet', { timeout: 40_000 }, () => {
  it('is filled from the keyboard: arrows move between cells, letters set marks, one PUT per session, the result follows', async () => {
    signInWithPermissions(RECORDER, 'HY');
    const puts = recordPuts();
    const app = renderApp(`/training/courses/${RUNNING_COURSE}/attendance`);
    const sheet = await screen.findByTestId('attendance-sheet', {}, { timeout: 20_000 });
    expect(screen.getByRole('heading', { name: 'Điểm danh – KHCN-2026-03' })).toBeInTheDocument();

    const first = within(sheet).getByRole('combobox', { name: 'Đỗ Thị Hằng, buổi 1' });
    first.focus();
    await app.user.keyboard('p');
    expect(first).toHaveValue('Present');
    await app.user.keyboard('{ArrowDown}');
    const below = within(sheet).getByRole('combobox', { name: 'Lê Văn Đức, buổi 1' });
    expect(below).toHaveFocus();
    await app.user.keyboard('l');
    expect(below).toHaveValue('Late');
    await app.user.keyboard('{ArrowRight}');
    expect(within(sheet).getByRole('combobox', { name: 'Lê Văn Đức, buổi 2' })).toHaveFocus();
    // The session to come cannot be marked yet.
    expect(within(sheet).getByRole('combobox', { name: 'Lê Văn Đức, buổi 3' })).toBeDisabled();

    await app.user.click(within(sheet).getByRole('button', { name: 'Lưu buổi này – 1. Khai giảng' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.url).toContain('/sessions/00000000-0000-4000-8000-000000007201/attendance');
    expect(puts[0]!.body.marks).toEqual([
      { enrolmentId: '00000000-0000-4000-8000-000000007104', mark: 'Present' },
      { enrolmentId: '00000000-0000-4000-8000-000000007105', mark: 'Late' },
    ]);
    // 1 of 3 sessions attended, the rule asks for 50 %: not yet.
    await waitFor(() => expect(within(sheet).getByTestId('result-00000000-0000-4000-8000-000000007104')).toHaveTextContent('Chưa hoàn thành'));

    await app.user.click(within(sheet).getByRole('button', { name: 'Tất cả có mặt – 2. Thực hành' }));
    expect(within(sheet).getByRole('combobox', { name: 'Đỗ Thị Hằng, buổi 2' })).toHaveValue('Present');
    await app.user.click(within(sheet).getByRole('button', { name: 'Lưu buổi này – 2. Thực hành' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    await waitFor(() => expect(within(sheet).getByTestId('result-00000000-0000-4000-8000-000000007104')).toHaveTextContent('Hoàn thành'));
    expect(within(sheet).getAllByText('66%')).toHaveLength(2);
  });
});

describe('completing a course', { timeout: 40_000 }, () => {
  it('records assessments, then completes the course with the version read and fixes the results', async () => {
    signInWithPermissions([...RECORDER, 'training.courses.manage'], 'HY');
    const app = renderApp(`/training/courses/${FINISHED_COURSE}/attendance`);
    const sheet = await screen.findByTestId('attendance-sheet', {}, { timeout: 20_000 });
    await app.user.click(within(sheet).getByRole('button', { name: 'Tất cả có mặt – 1. Buổi duy nhất' }));
    await app.user.click(within(sheet).getByRole('button', { name: 'Lưu buổi này – 1. Buổi duy nhất' }));
    await app.user.selectOptions(within(sheet).getByRole('combobox', { name: 'Đánh giá của Đỗ Thị Hằng' }), 'passed');
    await app.user.selectOptions(within(sheet).getByRole('combobox', { name: 'Đánh giá của Lê Văn Đức' }), 'failed');
    await app.user.click(screen.getByRole('button', { name: 'Lưu kết quả đánh giá' }));
    await waitFor(() => expect(within(sheet).getByTestId('result-00000000-0000-4000-8000-000000007106')).toHaveTextContent('Hoàn thành'));
    expect(within(sheet).getByTestId('result-00000000-0000-4000-8000-000000007107')).toHaveTextContent('Chưa hoàn thành');

    await app.user.click(screen.getByRole('button', { name: 'Kết thúc khóa học' }));
    const confirm = await screen.findByRole('tooltip');
    await app.user.click(within(confirm).getByRole('button', { name: 'Kết thúc khóa học' }));

    expect(await screen.findByText(/Khóa học đã kết thúc/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Kết thúc khóa học' })).not.toBeInTheDocument());
    expect(within(sheet).getByRole('combobox', { name: 'Đỗ Thị Hằng, buổi 1' })).toBeDisabled();
  });
});
