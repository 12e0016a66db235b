import '../strings';
import { Button, Checkbox, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatDateTime } from '@/lib/format/date';
import { COUNCIL_KINDS, COUNCIL_STATUSES, useCouncils, type CouncilItemKind, type CouncilListItem, type CouncilRole, type CouncilStatus, type ListCouncilsQuery } from '../api/councils';
import { CouncilStatusTag } from '../components/council-tags';
import { councilPaths } from '../paths';

const FILTERS = ['status', 'kind', 'mine'] as const;

/** The councils of the user's units (officers) or those they sit on (council members). */
export function CouncilListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canForm = useHasPermission(PERMISSIONS.initiativesRecognise);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-formedAt', filterKeys: FILTERS });
  const status = COUNCIL_STATUSES.includes(params.filters.status as CouncilStatus) ? (params.filters.status as CouncilStatus) : undefined;
  const kind = COUNCIL_KINDS.includes(params.filters.kind as CouncilItemKind) ? (params.filters.kind as CouncilItemKind) : undefined;
  const mine = params.filters.mine === 'true';
  const query: ListCouncilsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(mine ? { mine: true } : {}),
  };
  const councils = useCouncils(query);
  const title = t('councils.title');
  const f = (k: string) => t(`councils.fields.${k}`);

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  const columns: ListColumn<CouncilListItem>[] = [
    { title: f('name'), dataIndex: 'name', sortKey: 'name', render: (v: string, c) => <Link to={councilPaths.detail(c.id)}>{v}</Link> },
    { title: t('initiatives.fields.status'), dataIndex: 'status', render: (s: CouncilStatus) => <CouncilStatusTag status={s} /> },
    { title: f('kind'), dataIndex: 'itemKind', responsive: ['sm'], render: (k: CouncilListItem['itemKind']) => t(`councils.kind.${k}`) },
    { title: f('items'), dataIndex: 'itemTitles', responsive: ['md'] },
    { title: f('unit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: f('memberCount'), dataIndex: 'members', align: 'end', responsive: ['lg'] },
    { title: f('myRole'), dataIndex: 'myRole', responsive: ['md'], render: (r?: CouncilRole | null) => (r ? t(`councils.role.${r}`) : t('common.none')) },
    { title: f('formedAt'), dataIndex: 'formedAt', sortKey: 'formedAt', responsive: ['xl'], render: (d: string) => formatDateTime(d) },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canForm ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(councilPaths.create())} data-testid="new-council">
            {t('councils.new')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            aria-label={t('initiatives.fields.status')}
            allowClear
            placeholder={t('councils.allStatuses')}
            value={status}
            options={COUNCIL_STATUSES.map((s) => ({ value: s, label: t(`councils.status.${s}`) }))}
            onChange={(s?: string) => update({ status: s })}
            style={{ width: 180 }}
          />
          <Select
            aria-label={f('kind')}
            allowClear
            placeholder={t('councils.allKinds')}
            value={kind}
            options={COUNCIL_KINDS.map((k) => ({ value: k, label: t(`councils.kind.${k}`) }))}
            onChange={(k?: string) => update({ kind: k })}
            style={{ width: 240 }}
            data-testid="council-kind-filter"
          />
          <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked ? 'true' : undefined })} data-testid="council-mine-filter">
            {t('councils.mine')}
          </Checkbox>
        </>
      }
      columns={columns}
      rowKey="id"
      query={councils}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={f('name')}
    />
  );
}

export { CouncilListRoute as Component };
