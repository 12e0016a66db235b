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
import { formatIsoDate } from '@/lib/format/date';
import {
  KINDS,
  STATUSES,
  useInitiatives,
  type InitiativeKind,
  type InitiativeListItem,
  type InitiativeStatus,
  type ListInitiativesQuery,
} from '../api/initiatives';
import { InitiativeStatusTag } from '../components/status-tag';
import { formatVnd } from '../components/vnd';
import { initiativePaths } from '../paths';

const FILTERS = ['status', 'kind', 'mine'] as const;

/**
 * The initiatives the user reads: their units' subtrees (officers) or their own (members), searchable without
 * diacritics, filtered by status and kind; `mineOnly` is the "my initiatives" screen.
 */
export function InitiativeListRoute({ mineOnly = false }: { mineOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const canSubmit = useHasPermission(PERMISSIONS.initiativesSubmit);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-createdAt', filterKeys: FILTERS });
  const f = params.filters;
  const status = STATUSES.includes(f.status as InitiativeStatus) ? (f.status as InitiativeStatus) : undefined;
  const kind = KINDS.includes(f.kind as InitiativeKind) ? (f.kind as InitiativeKind) : undefined;
  const mine = mineOnly || f.mine === 'true';
  const query: ListInitiativesQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(status ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(mine ? { mine: true } : {}),
  };
  const initiatives = useInitiatives(query);
  const title = t(mineOnly ? 'initiatives.mineTitle' : 'initiatives.title');

  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);

  const label = (field: string) => t(`initiatives.fields.${field}`);
  const columns: ListColumn<InitiativeListItem>[] = [
    {
      title: label('title'),
      dataIndex: 'title',
      sortKey: 'title',
      render: (text: string, i) => <Link to={initiativePaths.detail(i.id)}>{text}</Link>,
    },
    { title: label('status'), dataIndex: 'status', render: (s: InitiativeStatus) => <InitiativeStatusTag status={s} /> },
    { title: label('unit'), dataIndex: 'unitName', responsive: ['lg'] },
    { title: label('authors'), dataIndex: 'authors', responsive: ['md'] },
    { title: label('kind'), dataIndex: 'kind', responsive: ['xl'], render: (k: InitiativeKind) => t(`initiatives.kind.${k}`) },
    { title: label('yearlyBenefit'), dataIndex: 'yearlyBenefit', align: 'end', responsive: ['md'], render: (v: number) => formatVnd(v, i18n.language) },
    { title: label('appliedSince'), dataIndex: 'appliedSince', responsive: ['lg'], render: (d: string) => formatIsoDate(d) },
    { title: label('certificateNumber'), dataIndex: 'certificateNumber', responsive: ['xl'] },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canSubmit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(initiativePaths.create)} data-testid="new-initiative">
            {t('initiatives.new')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            aria-label={label('status')}
            data-testid="status-filter"
            allowClear
            placeholder={t('initiatives.allStatuses')}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
            onChange={(s?: string) => update({ status: s })}
            style={{ width: 180 }}
          />
          <Select
            aria-label={label('kind')}
            data-testid="kind-filter"
            allowClear
            placeholder={t('initiatives.allKinds')}
            value={kind}
            options={KINDS.map((k) => ({ value: k, label: t(`initiatives.kind.${k}`) }))}
            onChange={(k?: string) => update({ kind: k })}
            style={{ width: 200 }}
          />
          {mineOnly ? null : (
            <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked ? 'true' : undefined })} data-testid="mine-filter">
              {t('initiatives.mine')}
            </Checkbox>
          )}
        </>
      }
      columns={columns}
      rowKey="id"
      query={initiatives}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('initiatives.search')}
    />
  );
}

export { InitiativeListRoute as Component };
