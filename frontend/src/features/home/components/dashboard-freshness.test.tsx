import { getResponse, http, HttpResponse } from 'msw';
import { dashboardHandlers } from '@/testing/mocks/dashboard';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor } from '@/testing/test-utils';

afterEach(() => server.events.removeAllListeners());

describe('plan dashboard freshness', () => {
  it('says when the figures were computed and, while the server refreshes them, that they are updating until a re-read is done', async () => {
    signInWithPermissions(['organization.units.read', 'organization.records.read']);
    // Until the server has refreshed the part, every read answers the figures as last computed (09:30 in Vietnam) and
    // says it is refreshing; afterwards the refreshed ones (09:31). The page must read again by itself to get them.
    let refreshedOnServer = false;
    server.use(
      http.get('*/api/v1/dashboard', async ({ request }) => {
        const response = await getResponse(dashboardHandlers, request);
        const body = (await response!.json()) as Record<string, unknown>;
        return HttpResponse.json(
          refreshedOnServer
            ? { ...body, computedAtUtc: '2025-11-20T02:31:00Z', refreshing: false }
            : { ...body, computedAtUtc: '2025-11-20T02:30:00Z', refreshing: true },
        );
      }),
    );
    renderApp('/?year=2025');

    const freshness = await screen.findByTestId('dashboard-freshness', {}, { timeout: 40_000 });
    expect(freshness).toHaveTextContent('Số liệu lúc 09:30 — đang cập nhật…');
    refreshedOnServer = true;

    await waitFor(() => expect(screen.getByTestId('dashboard-freshness')).toHaveTextContent('Số liệu lúc 09:31'), { timeout: 10_000 });
    expect(screen.getByTestId('dashboard-freshness')).not.toHaveTextContent('đang cập nhật');
  }, 70_000);
});
