import '../strings';
import { Button, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { useDocumentTitle } from '@/components/page/form-page';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { YearSelect } from '../../emulation/components/year-select';
import { useProposals, type ProposalListItem, type ProposalStatus } from '../api/commendations';
import { ProposalStatusTag } from '../components/proposal-tags';
import { commendationPaths } from '../paths';

const FILTERS = ['year', 'status'] as const;
const STATUSES: ProposalStatus[] = ['Draft', 'Submitted', 'Approved', 'Refused'];

/** The commendation proposals of the user's units: to submit their own, or (upper units) to decide those below. */
export function ProposalListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canPropose = useHasPermission(PERMISSIONS.commendationsPropose);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-createdAt', filterKeys: FILTERS });
  const year = Number(params.filters.year) || undefined;
  const status = (params.filters.status as ProposalStatus | undefined) || undefined;
  const proposals = useProposals({
    page: params.page, pageSize: params.pageSize, sort: params.sort, ...(params.q ? { q: params.q } : {}),
    ...(year ? { year } : {}), ...(status ? { status } : {}),
  });
  const title = t('commendations.proposals');
  const f = (k: string) => t(`commendations.fields.${k}`);
  useDocumentTitle(title);
  const money = new Intl.NumberFormat('vi-VN');

  const columns: ListColumn<ProposalListItem>[] = [
    { title: f('nominees'), dataIndex: 'names', render: (v: string, r) => <Link to={commendationPaths.proposal(r.id)}>{v}</Link> },
    { title: f('form'), dataIndex: 'formName' },
    { title: f('unit'), dataIndex: 'unitName', responsive: ['md'] },
    { title: f('year'), dataIndex: 'year', sortKey: 'year' },
    { title: f('status'), dataIndex: 'status', render: (s: ProposalStatus) => <ProposalStatusTag status={s} /> },
    {
      title: f('decisionNumber'), dataIndex: 'decisionNumber', responsive: ['lg'],
      render: (n: string | null, r) => (n ? `${n} (${formatIsoDate(r.decisionDate ?? '')})` : ''),
    },
    { title: f('prizeTotal'), dataIndex: 'prizeTotal', align: 'end', responsive: ['lg'], render: (v: number) => money.format(v) },
  ];

  return (
    <ListPage
      title={title}
      extra={
        canPropose ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(commendationPaths.create)} data-testid="new-proposal">
            {t('commendations.newProposal')}
          </Button>
        ) : null
      }
      filters={
        <>
          <YearSelect value={year ?? new Date().getFullYear()} onChange={(y) => update({ year: String(y) })} />
          <Select
            aria-label={f('status')}
            allowClear
            placeholder={f('status')}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`commendations.status.${s}`) }))}
            onChange={(v?: string) => update({ status: v })}
            style={{ width: 200 }}
          />
        </>
      }
      columns={columns}
      rowKey="id"
      query={proposals}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={f('nominee')}
    />
  );
}

export { ProposalListRoute as Component };
