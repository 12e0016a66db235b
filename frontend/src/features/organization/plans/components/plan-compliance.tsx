import { Alert, Card, Col, Flex, Input, Row, Select, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { formatIsoDate } from '@/lib/format/date';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import { COMPLIANCE_STATUSES, usePlanCompliance, type ComplianceRow, type ComplianceStatus } from '../api/plan-compliance';
import { ComplianceBars } from './compliance-bars';
import { ComplianceStatusTag } from './compliance-status-tag';

const STATUS_PARAM = 'status';
const PAGE_SIZE = 50;

/**
 * The cascade: every unit below the issuer that must issue its implementation plan, within the chosen scope
 * (the global `?unit=` picker), with totals as bars and a table filtered by state (kept in the URL).
 */
export function PlanCompliance({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useUnitKindLabel();
  const { unitId } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const status = (COMPLIANCE_STATUSES as readonly string[]).includes(params.get(STATUS_PARAM) ?? '')
    ? (params.get(STATUS_PARAM) as ComplianceStatus)
    : undefined;
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const query = usePlanCompliance(planId, {
    ...(unitId ? { within: unitId } : {}),
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    page,
    pageSize: PAGE_SIZE,
  });

  const setStatus = (next: ComplianceStatus | undefined) => {
    setPage(1);
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next) p.set(STATUS_PARAM, next);
        else p.delete(STATUS_PARAM);
        return p;
      },
      { replace: true },
    );
  };

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { totals, units, implementationDeadline } = query.data;
  const number = new Intl.NumberFormat(i18n.language);
  const onTimeShare = totals.expected ? totals.issuedOnTime / totals.expected : 0;
  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('plans.compliance.intro', { deadline: formatIsoDate(implementationDeadline) })}
      </Typography.Paragraph>
      <Row gutter={[16, 16]} data-testid="compliance-totals">
        <Col xs={12} md={6}>
          <Statistic title={t('plans.compliance.expected')} value={number.format(totals.expected)} data-testid="total-expected" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('plans.compliance.onTimeShare')}
            value={new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 }).format(onTimeShare)}
            data-testid="total-on-time-share"
          />
        </Col>
        <Col xs={24} md={12}>
          <ComplianceBars totals={totals} selected={status} onSelect={setStatus} />
        </Col>
      </Row>
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<ComplianceStatus | 'all'>
            aria-label={t('plans.compliance.statusFilter')}
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            style={{ minWidth: 220 }}
            data-testid="status-filter"
            options={[
              { value: 'all', label: t('plans.compliance.allStatuses') },
              ...COMPLIANCE_STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) })),
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('plans.compliance.search')}
            aria-label={t('plans.compliance.search')}
            onSearch={(v) => {
              setPage(1);
              setQ(v.trim());
            }}
            style={{ maxWidth: 320 }}
          />
        </Flex>
        {totals.expected === 0 ? <Alert type="info" showIcon title={t('plans.compliance.noneExpected')} /> : null}
        <Table<ComplianceRow>
          rowKey="unitId"
          size="middle"
          data-testid="compliance-table"
          dataSource={units.items}
          loading={query.isFetching}
          tableLayout="auto"
          pagination={
            units.total > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: units.total, showSizeChanger: false, onChange: setPage }
              : false
          }
          locale={{ emptyText: <EmptyState description={t('plans.compliance.empty')} /> }}
          columns={[
            {
              title: t('plans.compliance.unit'),
              dataIndex: 'unitName',
              render: (name: string, row) => (
                <>
                  <span style={{ overflowWrap: 'anywhere' }}>{name}</span>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {row.unitCode}
                    {row.parentName ? ` · ${row.parentName}` : ''}
                  </Typography.Text>
                </>
              ),
            },
            { title: t('plans.compliance.kind'), dataIndex: 'kind', responsive: ['md'], render: (kind: string) => kindLabel(kind) },
            {
              title: t('plans.compliance.status'),
              dataIndex: 'status',
              render: (s: ComplianceStatus) => <ComplianceStatusTag status={s} />,
            },
            { title: t('plans.fields.number'), dataIndex: 'number', render: (n: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{n ?? t('common.none')}</span> },
            {
              title: t('plans.fields.issuedOn'),
              dataIndex: 'issuedOn',
              responsive: ['sm'],
              render: (d: string | null, row) =>
                d ? (
                  <>
                    {formatIsoDate(d)}
                    {row.firstIssuedOn && row.firstIssuedOn !== d ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('plans.compliance.firstIssued', { date: formatIsoDate(row.firstIssuedOn) })}
                      </Typography.Text>
                    ) : null}
                  </>
                ) : (
                  t('common.none')
                ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
