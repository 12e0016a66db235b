import { db } from '@/testing/mocks/db';
import { fireEvent, renderApp, screen, signInAs, waitFor, waitForShell } from '@/testing/test-utils';

async function openPickerAndType(text: string) {
  const app = renderApp('/');
  await waitForShell();
  const input = screen.getByRole('combobox', { name: 'Phạm vi đơn vị' });
  // The unit tree has loaded once the placeholder is not the loading state any more.
  await waitFor(() => expect(db.current.units.length).toBeGreaterThan(0));
  fireEvent.mouseDown(input);
  await app.user.type(input, text);
  return app;
}

const option = (name: string) => screen.queryByTitle(name);

describe('unit scope picker', () => {
  it('finds "Hưng Yên" units when typing without diacritics', async () => {
    signInAs('admin@hungyen.demo');
    await openPickerAndType('thanh pho hung yen');
    await waitFor(() => expect(option('Liên đoàn Lao động thành phố Hưng Yên')).toBeInTheDocument());
    expect(option('Liên đoàn Lao động huyện Văn Lâm')).not.toBeInTheDocument();
    expect(option('Liên đoàn Lao động thị xã Mỹ Hào')).not.toBeInTheDocument();
  });

  it('matches "đ" when the user types "d"', async () => {
    signInAs('admin@hungyen.demo');
    await openPickerAndType('cong ty dong phat');
    await waitFor(() => expect(option('Công đoàn cơ sở Công ty TNHH Đông Phát')).toBeInTheDocument());
    expect(option('Công đoàn cơ sở Trường THCS Như Quỳnh')).not.toBeInTheDocument();
  });

  it('offers only the units of the user scope', async () => {
    signInAs('canbo.vanlam@hungyen.demo');
    await openPickerAndType('lien doan');
    await waitFor(() => expect(option('Liên đoàn Lao động huyện Văn Lâm')).toBeInTheDocument());
    expect(option('Liên đoàn Lao động thị xã Mỹ Hào')).not.toBeInTheDocument();
  });

  it('puts the chosen unit in the URL as ?unit=', async () => {
    signInAs('admin@hungyen.demo');
    const app = await openPickerAndType('van lam');
    await waitFor(() => expect(option('Liên đoàn Lao động huyện Văn Lâm')).toBeInTheDocument());
    await app.user.click(option('Liên đoàn Lao động huyện Văn Lâm')!);
    const vanLam = db.current.unitByCode('VANLAM');
    await waitFor(() => expect(app.router.state.location.search).toBe(`?unit=${vanLam.id}`));
  });
});
