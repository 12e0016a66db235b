import { http, HttpResponse } from 'msw';
import { db } from '@/testing/mocks/db';
import { mockEnterprises } from '@/testing/mocks/labour';
import { problem } from '@/testing/mocks/handlers';
import { server } from '@/testing/mocks/server';
import { fireEvent, renderApp, screen, signInAs, waitFor, within } from '@/testing/test-utils';

// AntD forms in jsdom are slow on a busy two-core machine: give the flow room.
describe('splitting a unit', { timeout: 60_000 }, () => {
  it('divides the sub-units between a new and an existing successor, confirms what will happen, then sends no ids typed by hand', async () => {
    const vanLam = db.current.unitByCode('VANLAM');
    const myHao = db.current.unitByCode('MYHAO');
    const vl01 = db.current.unitByCode('VL-01');
    const vl02 = db.current.unitByCode('VL-02');
    const sent: unknown[] = [];
    server.use(
      http.post('*/api/v1/organization/units/:id/split', async ({ request }) => {
        sent.push({ ifMatch: request.headers.get('If-Match'), key: request.headers.get('Idempotency-Key'), body: await request.json() });
        return HttpResponse.json({ ...vanLam, status: 'Split', successorId: myHao.id, parentName: null });
      }),
    );

    signInAs('admin@hungyen.demo');
    const app = renderApp(`/organization/units/${vanLam.id}`);
    await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
    await app.user.click(await screen.findByTestId('unit-actions'));
    await app.user.click(await screen.findByRole('menuitem', { name: 'Tách đơn vị' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tách đơn vị' });

    // Saving before every sub-unit has a successor names the ones left out.
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await within(dialog).findByText(`Hãy chọn đơn vị kế thừa cho ${vl01.name}.`)).toBeInTheDocument();
    expect(within(dialog).getByText(`Hãy chọn đơn vị kế thừa cho ${vl02.name}.`)).toBeInTheDocument();

    fireEvent.change(within(dialog).getByTestId('split-name-0'), { target: { value: 'LĐLĐ Văn Lâm Bắc' } });
    fireEvent.change(within(dialog).getByTestId('split-code-0'), { target: { value: 'VANLAMBAC' } });
    fireEvent.mouseDown(within(within(dialog).getByTestId('split-successor-1')).getByRole('combobox'));
    await app.user.click(await screen.findByTitle(`${myHao.name} (MYHAO)`));

    fireEvent.mouseDown(within(dialog).getByLabelText(`${vl01.name} (VL-01)`));
    await app.user.click((await screen.findAllByTitle('LĐLĐ Văn Lâm Bắc')).at(-1)!);
    fireEvent.mouseDown(within(dialog).getByLabelText(`${vl02.name} (VL-02)`));
    await app.user.click((await screen.findAllByTitle(myHao.name)).at(-1)!);
    // The existing successor receives the unit's own records.
    await app.user.click(within(within(dialog).getByTestId('split-heir')).getByRole('radio', { name: myHao.name }));
    // One official and one enterprise of Văn Lâm move to the new successor (#16: records divided, not only sub-units);
    // the others stay with the unit under Mỹ Hào.
    const hang = db.current.officials.find((o) => o.fullName === 'Đỗ Thị Hằng')!;
    const lacHong = mockEnterprises().find((e) => e.name === 'Công ty TNHH Dệt may Lạc Hồng')!;
    const records = await within(dialog).findByTestId('split-records');
    expect(within(records).getByLabelText('Lê Văn Đức (Uỷ viên Ban Thường vụ)')).toBeInTheDocument();
    fireEvent.mouseDown(within(records).getByLabelText('Đỗ Thị Hằng (Phó Chủ tịch)'));
    await app.user.click((await screen.findAllByTitle('LĐLĐ Văn Lâm Bắc')).at(-1)!);
    fireEvent.mouseDown(within(records).getByLabelText(lacHong.name));
    await app.user.click((await screen.findAllByTitle('LĐLĐ Văn Lâm Bắc')).at(-1)!);

    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
    const confirm = await screen.findByTestId('split-confirm');
    expect(within(confirm).getByText(/Liên đoàn Lao động huyện Văn Lâm sẽ được tách thành/)).toBeInTheDocument();
    expect(within(confirm).getByText(/LĐLĐ Văn Lâm Bắc \(đơn vị mới\): nhận 1 đơn vị trực thuộc; nhận 1 cán bộ, 1 doanh nghiệp/)).toBeInTheDocument();
    expect(within(confirm).getByText(/Mỹ Hào: nhận 1 đơn vị trực thuộc; nhận hồ sơ của đơn vị/)).toBeInTheDocument();
    expect(sent).toHaveLength(0);

    await app.user.click(screen.getByTestId('confirm-unit-split'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      ifMatch: `"${vanLam.version}"`,
      body: {
        successors: [
          {
            code: 'VANLAMBAC',
            name: 'LĐLĐ Văn Lâm Bắc',
            kind: 'DistrictFederation',
            subUnitIds: [vl01.id],
            receivesRecords: false,
            officialIds: [hang.id],
            enterpriseIds: [lacHong.id],
          },
          { unitId: myHao.id, subUnitIds: [vl02.id], receivesRecords: true, officialIds: [], enterpriseIds: [] },
        ],
      },
    });
    expect((sent[0] as { key: string }).key).toBeTruthy();
  });
});

describe('a split the server refuses', { timeout: 60_000 }, () => {
  it('keeps the form open and shows the server naming the sub-unit left out', async () => {
    const vanLam = db.current.unitByCode('VANLAM');
    const myHao = db.current.unitByCode('MYHAO');
    server.use(
      http.post('*/api/v1/organization/units/:id/split', () =>
        problem(400, { code: 'validation_failed', errors: { subUnitIds: ['Chưa giao cho đơn vị kế thừa nào: CĐCS mới thành lập.'] } }),
      ),
    );
    signInAs('admin@hungyen.demo');
    const app = renderApp(`/organization/units/${vanLam.id}`);
    await screen.findByTestId('unit-detail', {}, { timeout: 20_000 });
    await app.user.click(await screen.findByTestId('unit-actions'));
    await app.user.click(await screen.findByRole('menuitem', { name: 'Tách đơn vị' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tách đơn vị' });
    fireEvent.change(within(dialog).getByTestId('split-name-0'), { target: { value: 'LĐLĐ Văn Lâm Bắc' } });
    fireEvent.change(within(dialog).getByTestId('split-code-0'), { target: { value: 'VANLAMBAC' } });
    fireEvent.mouseDown(within(within(dialog).getByTestId('split-successor-1')).getByRole('combobox'));
    await app.user.click(await screen.findByTitle(`${myHao.name} (MYHAO)`));
    for (const code of ['VL-01', 'VL-02']) {
      const sub = db.current.unitByCode(code);
      fireEvent.mouseDown(within(dialog).getByLabelText(`${sub.name} (${code})`));
      await app.user.click((await screen.findAllByTitle('LĐLĐ Văn Lâm Bắc')).at(-1)!);
    }
    await app.user.click(within(dialog).getByRole('button', { name: 'Lưu thay đổi' }));
    await app.user.click(await screen.findByTestId('confirm-unit-split'));
    expect(await within(dialog).findByText('Chưa giao cho đơn vị kế thừa nào: CĐCS mới thành lập.')).toBeInTheDocument();
  });
});
