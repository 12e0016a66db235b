import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

const policyId = '0193a000-0000-7000-8000-000000000001';
const courseId = '0193a000-0000-7000-8000-000000000002';

function results(kind: string | null) {
  const items = [
    {
      kind: 'policy',
      id: policyId,
      title: 'Chính sách khuyến khích <b>sáng kiến</b>',
      titleMarks: [{ start: 0, length: 10 }],
      snippet: '… hỗ trợ chính sách cho đoàn viên …',
      snippetMarks: [{ start: 9, length: 10 }],
      status: null,
      date: '2024-03-20',
      link: `/organization/policies/${policyId}`,
    },
    {
      kind: 'course',
      id: courseId,
      title: 'Bồi dưỡng chính sách KH&CN',
      titleMarks: [{ start: 9, length: 10 }],
      snippet: '',
      snippetMarks: [],
      status: 'Confirmed',
      date: '2025-04-01',
      link: `/training/courses/${courseId}`,
    },
  ].filter((i) => kind === null || i.kind === kind);
  return { items, page: 1, pageSize: 20, total: items.length, kinds: [{ kind: 'policy', count: 1 }, { kind: 'course', count: 1 }] };
}

describe('search results page', () => {
  it('groups the hits by kind with counts, marks the matches as text (never HTML) and links to the records', async () => {
    const asked: string[] = [];
    server.use(
      http.get('*/api/v1/search', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url.search);
        return HttpResponse.json(results(url.searchParams.get('kind')));
      }),
    );
    signInAs('admin@hungyen.demo');
    const app = renderApp('/search?q=chinh%20sach');

    const hits = await screen.findAllByTestId('search-hit', {}, { timeout: 20_000 });
    expect(hits).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('2 kết quả cho “chinh sach”');
    const first = hits[0]!;
    expect(within(first).getByText('Văn bản chính sách')).toBeInTheDocument();
    // The title's markup is text: no <b> element, the literal tag shows.
    expect(first.querySelector('b')).toBeNull();
    expect(first).toHaveTextContent('Chính sách khuyến khích <b>sáng kiến</b>');
    expect([...first.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Chính sách', 'chính sách']);
    expect(within(first).getByRole('link')).toHaveAttribute('href', `/organization/policies/${policyId}`);
    expect(hits[1]).toHaveTextContent('Đã xác nhận');

    await app.user.click(screen.getByText('Khóa học (1)'));
    await waitFor(() => expect(app.router.state.location.search).toBe('?q=chinh+sach&kind=course'));
    await waitFor(() => expect(screen.getAllByTestId('search-hit')).toHaveLength(1));
    expect(asked.at(-1)).toContain('kind=course');
  }, 60_000);

  it('labels a research topic "Đề tài" with its status in Vietnamese and links to the topic\'s page', async () => {
    const topicId = '0193a000-0000-7000-8000-000000000003';
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json({
          items: [
            {
              kind: 'topic',
              id: topicId,
              title: 'Nâng cao năng suất lao động tại tổ may',
              titleMarks: [{ start: 9, length: 9 }],
              snippet: 'An toàn, vệ sinh lao động',
              snippetMarks: [],
              status: 'Contracted',
              date: '2025-05-01',
              link: `/participation/topics/${topicId}`,
            },
          ],
          page: 1,
          pageSize: 20,
          total: 1,
          kinds: [{ kind: 'topic', count: 1 }],
        }),
      ),
    );
    signInAs('admin@hungyen.demo');
    renderApp('/search?q=nang%20suat');

    const hit = await screen.findByTestId('search-hit', {}, { timeout: 20_000 });
    expect(within(hit).getByText('Đề tài')).toBeInTheDocument();
    expect(screen.getByText('Đề tài (1)')).toBeInTheDocument();
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['năng suất']);
    expect(hit).toHaveTextContent('Đã ký hợp đồng');
    expect(within(hit).getByRole('link')).toHaveAttribute('href', `/participation/topics/${topicId}`);
  }, 60_000);

  it('labels a unit\'s implementation plan "Kế hoạch triển khai" and opens the plan\'s "ours" tab on that unit', async () => {
    const implementationId = '0193a000-0000-7000-8000-000000000005';
    const planId = '0193a000-0000-7000-8000-000000000006';
    const unitId = '0193a000-0000-7000-8000-000000000007';
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json({
          items: [
            {
              kind: 'implementation-plan',
              id: implementationId,
              title: 'Kế hoạch triển khai KH,CN&ĐMST tại Công ty CP Điện tử Như Quỳnh',
              titleMarks: [{ start: 0, length: 19 }],
              snippet: '03/KH-CĐCS',
              snippetMarks: [],
              status: 'Issued',
              date: '2023-09-14',
              link: `/organization/plans/${planId}?tab=ours&unit=${unitId}`,
            },
          ],
          page: 1,
          pageSize: 20,
          total: 1,
          kinds: [
            { kind: 'plan', count: 2 },
            { kind: 'implementation-plan', count: 1 },
          ],
        }),
      ),
    );
    signInAs('admin@hungyen.demo');
    const app = renderApp('/search?q=ke%20hoach%20trien%20khai');

    const hit = await screen.findByTestId('search-hit', {}, { timeout: 20_000 });
    // The kind's tag (the title's first words, marked, read the same).
    expect(within(hit).getByText('Kế hoạch triển khai', { selector: '.ant-tag' })).toBeInTheDocument();
    // Its own filter, apart from the province's plans ("Kế hoạch").
    expect(screen.getByText('Kế hoạch triển khai (1)')).toBeInTheDocument();
    expect(screen.getByText('Kế hoạch (2)')).toBeInTheDocument();
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Kế hoạch triển khai']);
    expect(hit).toHaveTextContent('Đã ban hành');
    const link = within(hit).getByRole('link');
    expect(link).toHaveAttribute('href', `/organization/plans/${planId}?tab=ours&unit=${unitId}`);
    await app.user.click(link);
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/organization/plans/${planId}`));
    expect(app.router.state.location.search).toBe(`?tab=ours&unit=${unitId}`);
  }, 60_000);

  it('says which attachment a snippet was read from ("trong tệp đính kèm: name.pdf") and marks the words inside it', async () => {
    const initiativeId = '0193a000-0000-7000-8000-000000000004';
    server.use(
      http.get('*/api/v1/search', () =>
        HttpResponse.json({
          items: [
            {
              kind: 'initiative',
              id: initiativeId,
              title: 'Cải tiến máy dệt',
              titleMarks: [],
              snippet: '… nhờ bộ cảm biến Đườngkhuêtrạch ở phân xưởng …',
              snippetMarks: [{ start: 18, length: 14 }],
              status: 'Draft',
              date: null,
              link: `/participation/initiatives/${initiativeId}`,
              snippetFile: 'ket-qua<b>.pdf',
            },
          ],
          page: 1,
          pageSize: 20,
          total: 1,
          kinds: [{ kind: 'initiative', count: 1 }],
        }),
      ),
    );
    signInAs('admin@hungyen.demo');
    renderApp('/search?q=duongkhuetrach');

    const hit = await screen.findByTestId('search-hit', {}, { timeout: 20_000 });
    // The file's name is text like the rest of the record: its markup shows, it is never rendered.
    expect(within(hit).getByTestId('search-hit-file')).toHaveTextContent('trong tệp đính kèm: ket-qua<b>.pdf —');
    expect(hit.querySelector('b')).toBeNull();
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Đườngkhuêtrạch']);
  }, 60_000);

  it('shows no file line for a hit found in the record itself', async () => {
    server.use(http.get('*/api/v1/search', ({ request }) => HttpResponse.json(results(new URL(request.url).searchParams.get('kind')))));
    signInAs('admin@hungyen.demo');
    renderApp('/search?q=chinh%20sach');
    expect(await screen.findAllByTestId('search-hit', {}, { timeout: 20_000 })).toHaveLength(2);
    expect(screen.queryByTestId('search-hit-file')).toBeNull();
  }, 60_000);

  it('says so when nothing is found', async () => {
    server.use(http.get('*/api/v1/search', () => HttpResponse.json({ items: [], page: 1, pageSize: 20, total: 0, kinds: [] })));
    signInAs('admin@hungyen.demo');
    renderApp('/search?q=zzz');
    expect(await screen.findByText('Không tìm thấy kết quả nào cho “zzz”. Thử bỏ bớt từ hoặc viết không dấu.', {}, { timeout: 20_000 })).toBeInTheDocument();
  }, 60_000);

  it('focuses the header box with "/" and opens the results on Enter', async () => {
    server.use(http.get('*/api/v1/search', ({ request }) => HttpResponse.json(results(new URL(request.url).searchParams.get('kind')))));
    signInAs('admin@hungyen.demo');
    const app = renderApp('/');
    const box = await screen.findByRole('searchbox', { name: 'Tìm kiếm KH,CN&ĐMST' }, { timeout: 20_000 });
    await app.user.keyboard('/');
    expect(box).toHaveFocus();
    await app.user.type(box, 'chinh sach{Enter}');
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/search'));
    expect(await screen.findAllByTestId('search-hit')).toHaveLength(2);
  }, 60_000);
});
