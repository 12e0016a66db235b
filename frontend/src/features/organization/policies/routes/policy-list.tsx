import { Button, DatePicker, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useId } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { DATE_FORMAT } from '@/config/locale';
import { PERMISSIONS } from '@/config/permissions';
import { paths } from '@/config/paths';
import { useHasPermission } from '@/lib/auth/auth';
import { dayjs, formatIsoDate, toIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePolicies, type GetPoliciesQuery, type PolicyListItem } from '../api/policies';
import { PolicyStatusTag, usePolicyPeriod } from '../components/policy-status';

const FILTERS = ['effectiveOn'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The register of encouragement-policy documents: newest first, word search (no diacritics needed) and an
 * "in force on" date, all in the URL and sent to the API.
 */
export function PolicyListRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const period = usePolicyPeriod();
  const dateId = useId();
  const canManage = useHasPermission(PERMISSIONS.policiesManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: '-issuedOn', filterKeys: FILTERS });
  const effectiveOn = params.filters.effectiveOn && ISO_DATE.test(params.filters.effectiveOn) ? params.filters.effectiveOn : undefined;

  const query: GetPoliciesQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(effectiveOn ? { effectiveOn } : {}),
  };
  const policies = usePolicies(query);

  useEffect(() => {
    document.title = `${t('organization.policies.title')} · ${t('app.name')}`;
  }, [t]);

  const label = (field: string) => t(`organization.policies.fields.${field}`);
  const columns: ListColumn<PolicyListItem>[] = [
    {
      title: label('number'),
      dataIndex: 'number',
      sortKey: 'number',
      render: (number: string, policy) => (
        <Link to={scoped(paths.policy(policy.id))} style={{ whiteSpace: 'nowrap' }}>
          {number}
        </Link>
      ),
    },
    {
      title: label('title'),
      dataIndex: 'title',
      sortKey: 'title',
      render: (title: string, policy) => (
        <>
          {title}
          {/* On a phone the issuer and period columns are hidden: show them under the title instead. */}
          <Typography.Text type="secondary" className="phone-only" style={{ fontSize: 12 }}>
            {policy.issuer} · {period(policy)}
          </Typography.Text>
        </>
      ),
    },
    { title: label('issuer'), dataIndex: 'issuer', responsive: ['lg'] },
    {
      title: label('issuedOn'),
      dataIndex: 'issuedOn',
      sortKey: 'issuedOn',
      responsive: ['md'],
      render: (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(value)}</span>,
    },
    {
      title: label('period'),
      key: 'period',
      responsive: ['md'],
      render: (_: unknown, policy) => period(policy),
    },
    {
      title: label('status'),
      key: 'status',
      render: (_: unknown, policy) => <PolicyStatusTag policy={policy} />,
    },
    {
      title: label('attachmentCount'),
      dataIndex: 'attachmentCount',
      align: 'end',
      responsive: ['sm'],
    },
  ];

  return (
    <ListPage
      title={t('organization.policies.title')}
      extra={
        canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate(scoped(paths.newPolicy))}
            data-testid="new-policy"
          >
            {t('organization.policies.new')}
          </Button>
        ) : null
      }
      filters={
        <>
          <label htmlFor={dateId} className="visually-hidden">
            {t('organization.policies.effectiveOn')}
          </label>
          <DatePicker
            id={dateId}
            data-testid="effective-on-filter"
            format={DATE_FORMAT}
            placeholder={t('organization.policies.effectiveOn')}
            value={effectiveOn ? dayjs(effectiveOn) : null}
            onChange={(day) => update({ effectiveOn: day ? toIsoDate(day) : undefined })}
            style={{ minWidth: 200 }}
          />
        </>
      }
      columns={columns}
      rowKey="id"
      query={policies}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('organization.policies.search')}
    />
  );
}

export { PolicyListRoute as Component };
