import '../strings';
import { Button, Flex, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate, todayInProvince } from '@/lib/format/date';
import { STATUSES, useCampaigns, type CampaignChannel, type CampaignListItem, type CampaignStatus, type ListCampaignsQuery } from '../api/campaigns';
import { StatusTag } from '../components/status-tag';
import { campaignPaths } from '../paths';

const FILTERS = ['year', 'status'] as const;

/** The campaigns the user's units run or take part in, searchable, filtered by year and status (in the URL). */
export function CampaignListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useHasPermission(PERMISSIONS.campaignsManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-startsOn', filterKeys: FILTERS });
  const f = params.filters;
  const year = f.year && /^\d{4}$/.test(f.year) ? Number(f.year) : undefined;
  const status = STATUSES.includes(f.status as CampaignStatus) ? (f.status as CampaignStatus) : undefined;
  const query: ListCampaignsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(year ? { year } : {}),
    ...(status ? { status } : {}),
  };
  const campaigns = useCampaigns(query);
  const thisYear = todayInProvince().year();

  useEffect(() => {
    document.title = `${t('trainingCampaigns.title')} · ${t('app.name')}`;
  }, [t]);

  const label = (field: string) => t(`trainingCampaigns.fields.${field}`);
  const columns: ListColumn<CampaignListItem>[] = [
    {
      title: label('title'),
      dataIndex: 'title',
      sortKey: 'title',
      render: (title: string, c) => <Link to={campaignPaths.detail(c.id)}>{title}</Link>,
    },
    {
      title: label('period'),
      key: 'period',
      sortKey: 'startsOn',
      render: (_: unknown, c) => `${formatIsoDate(c.startsOn)} – ${formatIsoDate(c.endsOn)}`,
    },
    { title: label('status'), dataIndex: 'status', render: (s: CampaignStatus) => <StatusTag status={s} /> },
    { title: label('organiser'), dataIndex: 'unitName', responsive: ['lg'] },
    {
      title: label('channels'),
      dataIndex: 'channels',
      responsive: ['md'],
      render: (channels: CampaignChannel[]) => (
        <Flex gap={4} wrap>
          {channels.map((c) => (
            <Tag key={c}>{t(`trainingCampaigns.channel.${c}`)}</Tag>
          ))}
        </Flex>
      ),
    },
    { title: label('participantCount'), dataIndex: 'participantCount', align: 'end', responsive: ['md'] },
  ];

  return (
    <ListPage
      title={t('trainingCampaigns.title')}
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(campaignPaths.create)} data-testid="new-campaign">
            {t('trainingCampaigns.new')}
          </Button>
        ) : null
      }
      filters={
        <>
          <Select
            aria-label={t('trainingCampaigns.year')}
            data-testid="year-filter"
            allowClear
            placeholder={t('trainingCampaigns.allYears')}
            value={year}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({ value: y, label: `${t('trainingCampaigns.year')} ${y}` }))}
            onChange={(y?: number) => update({ year: y })}
            style={{ width: 130 }}
          />
          <Select
            aria-label={label('status')}
            data-testid="status-filter"
            allowClear
            placeholder={t('trainingCampaigns.allStatuses')}
            value={status}
            options={STATUSES.map((s) => ({ value: s, label: t(`trainingCampaigns.status.${s}`) }))}
            onChange={(s?: string) => update({ status: s })}
            style={{ width: 160 }}
          />
        </>
      }
      columns={columns}
      rowKey="id"
      query={campaigns}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('trainingCampaigns.search')}
    />
  );
}

export { CampaignListRoute as Component };
