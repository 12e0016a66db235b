import '../strings';
import { Alert, Descriptions, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { useReconciliation } from '../api/books';
import { Money } from '../components/money';

/** The invariants of the books and every drift; zero drift means they agree to the đồng. */
export function ReconciliationRoute() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number>();
  const report = useReconciliation(year);
  const r = report.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <PageHeading title={t('finance.reconciliation')} />
      <Select allowClear placeholder={t('finance.year')} aria-label={t('finance.year')} style={{ width: 120 }} value={year} onChange={setYear}
        options={[2026, 2025, 2024].map((y) => ({ value: y, label: String(y) }))} />
      {r && (
        <>
          {r.drifts.length === 0
            ? <Alert type="success" showIcon message={t('finance.noDrift')} data-testid="no-drift" />
            : <Alert type="error" showIcon message={`${t('finance.drifts')}: ${r.drifts.length}`} />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('finance.debitsCredits')}><Money value={r.totalDebits} /> / <Money value={r.totalCredits} /></Descriptions.Item>
            <Descriptions.Item label={t('finance.allocations')}>{r.allocationsChecked}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey={(s) => `${s.unitId}|${s.year}|${s.sourceId}`} size="small" pagination={false} scroll={{ x: true }} dataSource={r.sources}
            columns={[
              { title: t('finance.unit'), dataIndex: 'unitName' },
              { title: t('finance.year'), dataIndex: 'year' },
              { title: t('finance.source'), dataIndex: 'sourceName', render: (n: string, s) => `${n} (${t(`finance.sourceKind.${s.kind}`)})` },
              { title: t('finance.approved'), dataIndex: 'approved', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.allocated'), dataIndex: 'allocated', align: 'right', render: (v: number) => <Money value={v} /> },
              { title: t('finance.unallocated'), dataIndex: 'unallocated', align: 'right', render: (v: number) => <Money value={v} /> },
            ]}
          />
          {r.drifts.length > 0 && (
            <Table rowKey={(d) => `${d.check}|${d.subjectId}`} size="small" pagination={false} dataSource={r.drifts}
              columns={[
                { title: 'check', dataIndex: 'check' },
                { title: 'subject', dataIndex: 'subject' },
                { title: 'expected', dataIndex: 'expected', render: (v: number) => <Money value={v} /> },
                { title: 'actual', dataIndex: 'actual', render: (v: number) => <Money value={v} /> },
              ]} />
          )}
        </>
      )}
    </Space>
  );
}

export { ReconciliationRoute as Component };
