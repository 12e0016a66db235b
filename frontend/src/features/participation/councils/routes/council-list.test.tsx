import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

function council(id: string, name: string, itemKind: string) {
  return {
    id, unitId: 'u-hy', unitName: 'LĐLĐ tỉnh Hưng Yên', name, itemKind, status: 'Open', items: 1, members: 5, formedAt: '2026-12-01T00:00:00Z',
    decisionNumber: null, decisionDate: null, myRole: null,
  };
}

const ALL = [
  council('00000000-0000-4000-8000-000000009501', 'Hội đồng sáng kiến 2025', 'Initiative'),
  council('00000000-0000-4000-8000-000000009502', 'Hội đồng Thi đua – Khen thưởng năm 2025', 'Commendation'),
];

describe('the councils list (#13)', { timeout: 40_000 }, () => {
  it('filters by the council kind picked in its select: the request asks for that kind and only those councils are listed', async () => {
    const kinds: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/participation/councils', ({ request }) => {
        const kind = new URL(request.url).searchParams.get('kind');
        kinds.push(kind);
        const items = ALL.filter((c) => !kind || c.itemKind === kind);
        return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
      }),
    );
    signInWithPermissions(['participation.read']);
    const { user } = renderApp('/participation/councils');
    expect(await screen.findByText('Hội đồng sáng kiến 2025', {}, { timeout: 20_000 })).toBeInTheDocument();
    await user.click(within(screen.getByTestId('council-kind-filter')).getByRole('combobox'));
    await user.click(await screen.findByTitle('Hội đồng Thi đua – Khen thưởng'));
    await waitFor(() => expect(kinds).toContain('Commendation'));
    expect(await screen.findByText('Hội đồng Thi đua – Khen thưởng năm 2025')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Hội đồng sáng kiến 2025')).not.toBeInTheDocument());
  });
});
