import { db } from '@/testing/mocks/db';
import { renderApp, screen, signInAs, waitFor } from '@/testing/test-utils';

describe('organization tree', () => {
  it('filters the tree ignoring diacritics and keeps the path to each match', async () => {
    signInAs('admin@hungyen.demo');
    const app = renderApp('/organization/tree');
    const search = await screen.findByPlaceholderText('Tìm trong cây (không cần dấu)', {}, { timeout: 20_000 });
    await app.user.type(search, 'nhu quynh');
    await waitFor(() => expect(screen.getByText('Công đoàn cơ sở Trường THCS Như Quỳnh (VL-02)')).toBeInTheDocument());
    expect(screen.getByText('Liên đoàn Lao động huyện Văn Lâm (VANLAM)')).toBeInTheDocument();
    expect(screen.queryByText('Liên đoàn Lao động thị xã Mỹ Hào (MYHAO)')).not.toBeInTheDocument();
  });

  it('shows only the subtree of the chosen scope', async () => {
    signInAs('admin@hungyen.demo');
    renderApp(`/organization/tree?unit=${db.current.unitByCode('MYHAO').id}`);
    expect(await screen.findByText('Liên đoàn Lao động thị xã Mỹ Hào (MYHAO)', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(screen.queryByText('Liên đoàn Lao động huyện Văn Lâm (VANLAM)')).not.toBeInTheDocument();
  });
});
