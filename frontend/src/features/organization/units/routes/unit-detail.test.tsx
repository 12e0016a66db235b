import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInAs, within } from '@/testing/test-utils';

describe('unit detail', { timeout: 30_000 }, () => {
  it('names a parent above the user scope without linking to it (no raw id)', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const province = db.current.units.find((u) => u.parentId === null)!;
    const vanLam = db.current.unitByCode('VANLAM');
    renderApp(`/organization/units/${vanLam.id}`);

    const outside = await screen.findByTestId('unit-parent-outside', {}, { timeout: 20_000 });
    expect(outside).toHaveTextContent(province.name);
    expect(outside.closest('a')).toBeNull();
    expect(screen.getByTestId('unit-detail')).not.toHaveTextContent(province.id);
  });

  it('links the parent when the user may open it', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    const vanLam = db.current.unitByCode('VANLAM');
    const child = db.current.units.find((u) => u.parentId === vanLam.id)!;
    renderApp(`/organization/units/${child.id}`);

    const detail = await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
    expect(within(detail).getByRole('link', { name: vanLam.name })).toHaveAttribute('href', expect.stringContaining(`/organization/units/${vanLam.id}`));
    expect(screen.queryByTestId('unit-parent-outside')).toBeNull();
  });
});
