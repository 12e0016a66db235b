import '../strings';
import { Checkbox, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page/form-page';
import { formatIsoDate } from '@/lib/format/date';
import { OBLIGATION_KINDS, useObligations, type ObligationSourceKind, type ObligationView } from '../api/books';
import { Money } from '../components/money';
import { financePaths } from '../paths';

/**
 * What the units owe because of Participation's records — an initiative's remuneration, a contracted topic's budget,
 * a commendation's prize money — and what allocations fund of it. A withdrawn obligation (a cancelled topic's) shows
 * its date and reason and has nothing left to fund; what was funded before stays.
 */
export function ObligationsRoute() {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [kind, setKind] = useState<ObligationSourceKind>();
  const obligations = useObligations(onlyOpen, kind);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <PageHeading title={t('finance.obligations')} />
      <Space wrap>
        <Select<ObligationSourceKind> allowClear placeholder={t('finance.allKinds')} aria-label={t('finance.obligationSource')} style={{ width: 200 }}
          value={kind} onChange={setKind} options={OBLIGATION_KINDS.map((k) => ({ value: k, label: t(`finance.obligationKind.${k}`) }))} />
        <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)}>{t('finance.onlyToBeFunded')}</Checkbox>
      </Space>
      <Table<ObligationView>
        rowKey="id" size="small" pagination={false} scroll={{ x: true }} loading={obligations.isLoading} dataSource={obligations.data ?? []}
        locale={{ emptyText: t('finance.empty') }}
        columns={[
          { title: t('finance.obligationSource'), dataIndex: 'sourceKind', render: (k: ObligationSourceKind) => <Tag>{t(`finance.obligationKind.${k}`)}</Tag> },
          { title: t('finance.target'), dataIndex: 'title', render: (title: string, o) => `${title} (${o.certificateNumber})` },
          { title: t('finance.unit'), dataIndex: 'unitName' },
          { title: t('finance.paymentPeriods'), key: 'years', render: (_: unknown, o) => <PaymentPeriods obligation={o} /> },
          { title: t('finance.total'), dataIndex: 'total', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: t('finance.funded'), dataIndex: 'funded', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: t('finance.stillToBeFunded'), dataIndex: 'stillToBeFunded', align: 'right', render: (v: number) => <Money value={v} /> },
          { title: t('finance.status'), key: 'status', render: (_: unknown, o) => (
            <Space size="small" wrap>
              <ObligationStatus obligation={o} />
              {o.allocationIds.map((id) => <Link key={id} to={financePaths.allocation(id)}>{t('finance.allocations')}</Link>)}
            </Space>
          ) },
        ]}
      />
    </Space>
  );
}

/**
 * When the money is due: each period of the obligation's schedule by its dates (a topic's contract period, an
 * initiative's years of application, a commendation's decision day) — the schedule's own "year" is only its ordinal.
 */
function PaymentPeriods({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  const period = (from: string, to: string) =>
    from === to ? t('finance.periodDay', { date: formatIsoDate(from) }) : `${formatIsoDate(from)} – ${formatIsoDate(to)}`;
  return (
    <Space direction="vertical" size={0}>
      {o.years.map((y) => (
        <span key={y.year} style={{ whiteSpace: 'nowrap' }}>
          {o.years.length > 1 ? t('finance.periodOrdinal', { year: y.year, period: period(y.from, y.to) }) : period(y.from, y.to)}
        </span>
      ))}
    </Space>
  );
}

function ObligationStatus({ obligation: o }: { obligation: ObligationView }) {
  const { t } = useTranslation();
  if (o.state === 'Withdrawn')
    return (
      <span data-testid="obligation-withdrawn">
        <Tag>{t('finance.obligationWithdrawn')}</Tag>
        {t('finance.withdrawnOnBecause', { date: formatIsoDate(o.withdrawnOn), reason: o.withdrawalReason ?? '' })}
      </span>
    );
  return <Tag color={o.toBeFunded ? 'orange' : 'green'}>{t(o.toBeFunded ? 'finance.toBeFunded' : 'finance.funded')}</Tag>;
}

export { ObligationsRoute as Component };
