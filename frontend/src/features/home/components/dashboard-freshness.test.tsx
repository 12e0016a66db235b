import { getResponse, http, HttpResponse } from 'msw';
import { dashboardHandlers } from '@/testing/mocks/dashboard';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

describe('plan dashboard freshness', () => {
  it('says when the figures were computed and, while the server refreshes them, that they are updating until a re-read is done', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    let reads = 0;
    let release: () => void = () => {};
    const refreshed = new Promise<void>((resolve) => (release = resolve));
    // The first read answers the figures as last computed (09:30 in Vietnam) while the server refreshes a part; the
    // page reads again by itself, and that answer (held until the first was seen) is the refreshed one (09:31).
    server.use(
      http.get('*/api/v1/dashboard', async ({ request }) => {
        const response = await getResponse(dashboardHandlers, request);
        const body = (await response!.json()) as Record<string, unknown>;
        reads += 1;
        if (reads > 1) await refreshed;
        return HttpResponse.json(
          reads === 1
            ? { ...body, computedAtUtc: '2025-11-20T02:30:00Z', refreshing: true }
            : { ...body, computedAtUtc: '2025-11-20T02:31:00Z', refreshing: false },
        );
      }),
    );
    renderApp('/?year=2025');

    const freshness = await screen.findByTestId('dashboard-freshness', {}, { timeout: 20_000 });
    expect(freshness).toHaveTextContent('Số liệu lúc 09:30 — đang cập nhật…');
    await waitFor(() => expect(reads).toBe(2), { timeout: 10_000 }); // the page reads again by itself while refreshing
    release();

    await waitFor(() => expect(screen.getByTestId('dashboard-freshness')).toHaveTextContent('Số liệu lúc 09:31'), { timeout: 10_000 });
    expect(screen.getByTestId('dashboard-freshness')).not.toHaveTextContent('đang cập nhật');
    expect(reads).toBe(2);
  }, 40_000);
});
