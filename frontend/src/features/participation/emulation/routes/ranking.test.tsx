import { http, HttpResponse } from 'msw';
import { server } from '@/testing/mocks/server';
import { renderApp, screen, signInWithPermissions, waitFor } from '@/testing/test-utils';

const MOVEMENT_ID = '00000000-0000-4000-8000-00000000e001';

/** The movement list and an empty ranking: enough for the screen; the workbook answers only when released. */
function emulationServer() {
  let release: () => void = () => {};
  const written = new Promise<void>((resolve) => (release = resolve));
  server.use(
    http.get('*/api/v1/participation/emulation/movements', () =>
      HttpResponse.json({ items: [{ id: MOVEMENT_ID, name: 'Thi đua lao động sáng tạo' }], total: 1, page: 1, pageSize: 100 }),
    ),
    http.get('*/api/v1/participation/emulation/movements/:id/ranking', () =>
      HttpResponse.json({ movementId: MOVEMENT_ID, movementName: 'Thi đua lao động sáng tạo', year: 2024, final: false, tieRule: 'Bằng điểm: xét tiêu chí thứ nhất', criteria: [], clusters: [] }),
    ),
    http.get('*/api/v1/participation/emulation/movements/:id/ranking.xlsx', async () => {
      await written;
      return new HttpResponse(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), {
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': "attachment; filename=ranking.xlsx; filename*=UTF-8''xep-hang-thi-dua-2024.xlsx",
        },
      });
    }),
  );
  return { release };
}

describe('ranking', () => {
  it('shows the export button busy while the server writes the workbook, then saves it', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { release } = emulationServer();
    signInWithPermissions(['participation.read'], 'HY');
    const app = renderApp(`/participation/emulation/ranking?movementId=${MOVEMENT_ID}&year=2024`);
    const button = await screen.findByTestId('ranking-xlsx', {}, { timeout: 20_000 });
    await app.user.click(button);
    await waitFor(() => expect(button).toHaveClass('ant-btn-loading'));
    release();
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe('xep-hang-thi-dua-2024.xlsx');
    await waitFor(() => expect(button).not.toHaveClass('ant-btn-loading'));
    click.mockRestore();
  }, 60_000);
});
