import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useOfficials, type GetOfficialsQuery, type OfficialListItem } from '../api/officials';
import { FocalOfficialTag } from '../components/focal-official-tag';

/** Officials of the units in the chosen scope, with server-side paging, sorting and search, all in the URL. */
export function OfficialListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const { unitId } = useUnitScope();
  const canManage = useHasPermission(PERMISSIONS.officialsManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'fullName' });

  const query: GetOfficialsQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(unitId ? { within: unitId } : {}),
  };
  const officials = useOfficials(query);

  useEffect(() => {
    document.title = `${t('organization.officials')} · ${t('app.name')}`;
  }, [t]);

  const none = t('common.none');
  const columns: ListColumn<OfficialListItem>[] = [
    {
      title: t('organization.officialFields.fullName'),
      dataIndex: 'fullName',
      sortKey: 'fullName',
      render: (name: string, official) => (
        <>
          <Flex gap={8} wrap align="center">
            <Link to={scoped(paths.official(official.id))}>{name}</Link>
            {official.isFocalOfficial ? <FocalOfficialTag /> : null}
          </Flex>
          {/* On a phone the unit column is hidden: show the unit under the name instead. */}
          <Typography.Text type="secondary" className="phone-only" style={{ fontSize: 12 }}>
            {official.unitName}
          </Typography.Text>
        </>
      ),
    },
    { title: t('organization.officialFields.position'), dataIndex: 'position', sortKey: 'position', responsive: ['md'] },
    {
      title: t('organization.officialFields.unit'),
      dataIndex: 'unitName',
      sortKey: 'unit',
      responsive: ['sm'],
      render: (name: string | null, official) => <Link to={scoped(paths.unit(official.unitId))}>{name ?? none}</Link>,
    },
    {
      title: t('organization.officialFields.contact'),
      key: 'contact',
      responsive: ['lg'],
      render: (_: unknown, official) =>
        official.phone || official.email ? (
          <>
            {official.phone ? <div>{official.phone}</div> : null}
            {official.email ? <div style={{ overflowWrap: 'anywhere' }}>{official.email}</div> : null}
          </>
        ) : (
          none
        ),
    },
  ];

  return (
    <ListPage
      title={t('organization.officials')}
      extra={
        canManage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(scoped(paths.newOfficial))}>
            {t('organization.newOfficial')}
          </Button>
        ) : null
      }
      columns={columns}
      rowKey="id"
      query={officials}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('organization.officialSearch')}
    />
  );
}

export { OfficialListRoute as Component };
