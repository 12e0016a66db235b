import { db } from '@/testing/mocks/db';
import { server } from '@/testing/mocks/server';
import { certificateHandlers } from '@/testing/mocks/certificates';
import { renderApp, screen, signInAs, signInWithPermissions, waitFor, within } from '@/testing/test-utils';

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

  it("adds the unit's training sessions to a calendar from its page (#16), and offers nothing to those who do not read training", async () => {
    server.use(...certificateHandlers());
    signInAs('canbo.vanlam@hungyen.demo');
    const vanLam = db.current.unitByCode('VANLAM');
    const child = db.current.units.find((u) => u.parentId === vanLam.id)!;
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const app = renderApp(`/organization/units/${child.id}`);
    await app.user.click(await screen.findByTestId('add-to-calendar', {}, { timeout: 20_000 }));
    await waitFor(() =>
      expect(clicked).toEqual([{ href: `http://localhost/api/v1/training/calendar/tok-first/units/${child.id}.ics`, download: `lich-${child.code}.ics` }]),
    );
    click.mockRestore();
    app.unmount();

    signInWithPermissions(['organization.units.read'], 'VANLAM');
    renderApp(`/organization/units/${child.id}`);
    await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
    expect(screen.queryByTestId('add-to-calendar')).toBeNull();
  });
});
