import '../strings';
import '../../initiatives/strings';
import { Alert, Button, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormPage } from '@/components/page/form-page';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { foldForSearch } from '@/lib/text/normalize';
import { useInitiatives } from '../../initiatives/api/initiatives';
import { ROLES, useFormCouncil, type CouncilRole } from '../api/councils';
import { OfficialPicker, type PickedOfficial } from '../components/official-picker';
import { councilPaths } from '../paths';

type Row = { key: number; role: CouncilRole; official?: PickedOfficial };

const START: CouncilRole[] = ['Chair', 'ViceChair', 'Secretary', 'Expert', 'UnionRepresentative'];

/**
 * Forms an evaluation council (Circular 18/2013/TT-BKHCN art. 8) for submitted initiatives of one unit: the seats are
 * officials picked from the units in scope; conflicts of interest are warned about here and refused by the server.
 */
export function CouncilCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const preset = search.get('itemId');
  const [name, setName] = useState('');
  const [itemIds, setItemIds] = useState<string[]>(preset ? [preset] : []);
  const [head, setHead] = useState<PickedOfficial | undefined>();
  const [rows, setRows] = useState<Row[]>(START.map((role, key) => ({ key, role })));
  const submitted = useInitiatives({ status: 'Submitted', pageSize: 100, sort: 'title' });
  const form = useFormCouncil();
  const submit = useCreateSubmit(form, (council) => councilPaths.detail(council.id));
  const f = (k: string) => t(`councils.fields.${k}`);

  const items = submitted.data?.items ?? [];
  const chosen = items.filter((i) => itemIds.includes(i.id));
  const warnings = useMemo(() => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const o = r.official;
      if (!o) continue;
      if (seen.has(o.id)) out.push(t('councils.warnings.twice', { name: o.fullName }));
      seen.add(o.id);
      if (!o.email) out.push(t('councils.warnings.noEmail', { name: o.fullName }));
      for (const i of chosen)
        if (i.authors.split(',').some((a) => foldForSearch(a) === foldForSearch(o.fullName)))
          out.push(t('councils.warnings.author', { name: o.fullName, title: i.title }));
    }
    const count = (role: CouncilRole) => rows.filter((r) => r.role === role && r.official).length;
    if (count('Chair') !== 1 || count('ViceChair') !== 1 || count('Secretary') !== 1 || count('Expert') < 1 || count('UnionRepresentative') < 1)
      out.push(t('councils.warnings.composition'));
    return out;
  }, [rows, chosen, t]);

  const ready = name.trim() && itemIds.length > 0 && rows.every((r) => r.official);
  const send = () =>
    submit({
      name: name.trim(),
      itemKind: 'Initiative',
      itemIds,
      unitHeadOfficialId: head?.id ?? null,
      members: rows.filter((r) => r.official).map((r) => ({ officialId: r.official!.id, role: r.role })),
    });

  return (
    <FormPage title={t('councils.formFor')}>
      <Form layout="vertical" onFinish={send} data-testid="council-form">
        <Typography.Paragraph type="secondary">{t('councils.compositionHint')}</Typography.Paragraph>
        <Form.Item label={f('name')} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} data-testid="council-name" />
        </Form.Item>
        <Form.Item label={f('items')} required help={!submitted.isPending && items.length === 0 ? t('councils.noSubmitted') : undefined}>
          <Select
            mode="multiple"
            aria-label={f('items')}
            value={itemIds}
            onChange={setItemIds}
            loading={submitted.isPending}
            options={items.map((i) => ({ value: i.id, label: `${i.title} — ${i.unitName}` }))}
            optionFilterProp="label"
            data-testid="council-items"
          />
        </Form.Item>
        <Form.Item label={f('unitHead')} help={f('unitHeadHelp')}>
          <OfficialPicker value={head?.id} picked={head} onPick={setHead} allowClear testId="council-head" ariaLabel={f('unitHead')} />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {f('members')}
        </Typography.Title>
        <Flex vertical gap={8} style={{ marginBottom: 12 }}>
          {rows.map((r, n) => (
            <Flex key={r.key} gap={8} wrap align="center" data-testid={`council-seat-${n}`}>
              <Select
                aria-label={f('role')}
                value={r.role}
                onChange={(role: CouncilRole) => setRows(rows.map((x) => (x.key === r.key ? { ...x, role } : x)))}
                options={ROLES.map((role) => ({ value: role, label: t(`councils.role.${role}`) }))}
                style={{ flex: '1 1 200px', minWidth: 0 }}
                data-testid={`council-seat-role-${n}`}
              />
              <div style={{ flex: '3 1 260px', minWidth: 0 }}>
                <OfficialPicker
                  value={r.official?.id}
                  picked={r.official}
                  onPick={(official) => setRows(rows.map((x) => (x.key === r.key ? { ...x, official } : x)))}
                  testId={`council-seat-official-${n}`}
                  ariaLabel={`${f('member')} ${n + 1}`}
                />
              </div>
              <Button
                aria-label={t('councils.removeMember')}
                icon={<DeleteOutlined />}
                disabled={rows.length <= 5}
                onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
              />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => setRows([...rows, { key: Math.max(...rows.map((x) => x.key)) + 1, role: 'Expert' }])}
            data-testid="council-add-seat"
          >
            {t('councils.addMember')}
          </Button>
        </Flex>
        {warnings.length > 0 ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="council-warnings"
            message={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />
        ) : null}
        <ServerErrorAlert error={form.error} />
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={form.isPending} disabled={!ready} data-testid="council-submit">
            {t('councils.new')}
          </Button>
          <Button onClick={() => navigate(councilPaths.list)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </FormPage>
  );
}

export { CouncilCreateRoute as Component };
