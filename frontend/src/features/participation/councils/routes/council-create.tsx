import '../strings';
import '../../initiatives/strings';
import '../../topics/strings';
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
import { useTopics } from '../../topics/api/topics';
import { useProposals } from '../../commendations/api/commendations';
import { ROLES, useFormCouncil, type CouncilItemKind, type CouncilRole } from '../api/councils';
import { OfficialPicker, type PickedOfficial } from '../components/official-picker';
import { councilPaths } from '../paths';

type Row = { key: number; role: CouncilRole; official?: PickedOfficial };

const START: CouncilRole[] = ['Chair', 'ViceChair', 'Secretary', 'Expert', 'UnionRepresentative'];
/** Topic councils need no union representative (that seat is Circular 18/2013's, for initiatives). */
const START_TOPIC: CouncilRole[] = ['Chair', 'ViceChair', 'Secretary', 'Expert', 'Expert'];
const KINDS: CouncilItemKind[] = ['Initiative', 'TopicSelection', 'TopicAcceptance', 'Commendation'];

/**
 * Forms an evaluation council on the one mechanism: for submitted initiatives of one unit (Circular 18/2013/TT-BKHCN
 * art. 8), or — with `?kind=TopicSelection|TopicAcceptance` — for research topics of one call (submitted ones at
 * selection, those being carried out at acceptance) — or, with `?kind=Commendation`, the deciding unit's emulation council
 * (Hội đồng Thi đua – Khen thưởng) for submitted commendation proposals, which votes per proposal. The seats are officials picked from the units in scope; conflicts
 * of interest are warned about here and refused by the server.
 */
export function CouncilCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const preset = search.get('itemId');
  const kindParam = search.get('kind') as CouncilItemKind | null;
  const kind: CouncilItemKind = kindParam && KINDS.includes(kindParam) ? kindParam : 'Initiative';
  const isCommendation = kind === 'Commendation';
  const isTopic = kind === 'TopicSelection' || kind === 'TopicAcceptance';
  /** Topic and emulation councils need no union representative (that seat is Circular 18/2013's, for initiatives). */
  const noUnionSeat = isTopic || isCommendation;
  const [name, setName] = useState('');
  const [itemIds, setItemIds] = useState<string[]>(preset ? [preset] : []);
  const [head, setHead] = useState<PickedOfficial | undefined>();
  const [rows, setRows] = useState<Row[]>((noUnionSeat ? START_TOPIC : START).map((role, key) => ({ key, role })));
  const submitted = useInitiatives({ status: 'Submitted', pageSize: 100, sort: 'title' }, kind === 'Initiative');
  const proposals = useProposals({ status: 'Submitted', pageSize: 100 }, isCommendation);
  const topics = useTopics({ status: kind === 'TopicAcceptance' ? 'InProgress' : 'Submitted', pageSize: 100, sort: 'title' }, isTopic);
  const form = useFormCouncil();
  const submit = useCreateSubmit(form, (council) => councilPaths.detail(council.id));
  const f = (k: string) => t(`councils.fields.${k}`);

  const items = isCommendation
    ? (proposals.data?.items ?? []).map((x) => ({ id: x.id, title: `${x.formName} ${x.year}: ${x.names}`, unitName: x.unitName, authors: x.names }))
    : isTopic
      ? (topics.data?.items ?? []).map((x) => ({ id: x.id, title: x.title, unitName: x.unitName, authors: x.leadName }))
      : (submitted.data?.items ?? []);
  const itemsPending = isCommendation ? proposals.isPending : isTopic ? topics.isPending : submitted.isPending;
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
      // A nominee may sit on the emulation council: they declare the conflict on their own proposal instead of voting.
      if (!isCommendation)
        for (const i of chosen)
        if (i.authors.split(',').some((a) => foldForSearch(a) === foldForSearch(o.fullName)))
          out.push(t(isTopic ? 'councils.topicWarnings.lead' : 'councils.warnings.author', { name: o.fullName, title: i.title }));
    }
    const count = (role: CouncilRole) => rows.filter((r) => r.role === role && r.official).length;
    if (count('Chair') !== 1 || count('ViceChair') !== 1 || count('Secretary') !== 1 || count('Expert') < 1 || (!noUnionSeat && count('UnionRepresentative') < 1))
      out.push(t(noUnionSeat ? 'councils.topicWarnings.composition' : 'councils.warnings.composition'));
    return out;
  }, [rows, chosen, t, isTopic, isCommendation, noUnionSeat]);

  const itemsLabel = isCommendation ? t('councils.commendationItems') : isTopic ? t('councils.topicItems') : f('items');
  const ready = name.trim() && itemIds.length > 0 && rows.every((r) => r.official);
  const send = () =>
    submit({
      name: name.trim(),
      itemKind: kind,
      itemIds,
      unitHeadOfficialId: head?.id ?? null,
      members: rows.filter((r) => r.official).map((r) => ({ officialId: r.official!.id, role: r.role })),
    });

  return (
    <FormPage title={isTopic || isCommendation ? t(`councils.formForTopics.${kind}`) : t('councils.formFor')}>
      <Form layout="vertical" onFinish={send} data-testid="council-form">
        <Typography.Paragraph type="secondary">
          {isCommendation ? t('councils.commendationCompositionHint') : isTopic ? t('councils.topicCompositionHint') : t('councils.compositionHint')}
        </Typography.Paragraph>
        <Form.Item label={f('name')} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={300} data-testid="council-name" />
        </Form.Item>
        <Form.Item label={itemsLabel} required
          help={!itemsPending && items.length === 0 ? t(isCommendation ? 'councils.noProposals' : isTopic ? 'councils.noTopics' : 'councils.noSubmitted') : undefined}>
          <Select
            mode="multiple"
            aria-label={itemsLabel}
            value={itemIds}
            onChange={setItemIds}
            loading={itemsPending}
            options={items.map((i) => ({ value: i.id, label: `${i.title} — ${i.unitName}` }))}
            optionFilterProp="label"
            data-testid="council-items"
          />
        </Form.Item>
        {noUnionSeat ? null : (
          <Form.Item label={f('unitHead')} help={f('unitHeadHelp')}>
            <OfficialPicker value={head?.id} picked={head} onPick={setHead} allowClear testId="council-head" ariaLabel={f('unitHead')} />
          </Form.Item>
        )}
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
                disabled={rows.length <= (noUnionSeat ? 4 : 5)}
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
