import { Button, Card, DatePicker, Flex, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { DATE_FORMAT } from '@/config/locale';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate, todayInProvince, toIsoDate } from '@/lib/format/date';
import {
  useHeadcountTotal,
  useUnitHeadcountAsOf,
  useUnitHeadcounts,
  type HeadcountAsOf,
  type UnitHeadcount,
} from '../api/unit-headcounts';
import { UnitHeadcountModal } from './unit-headcount-modal';

function useCount() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits: 0 });
  return (n: number) => format.format(n);
}

/** Members and workers side by side, with what they stand on underneath. */
function Figures({ title, figures, footer, testId }: { title: string; figures: HeadcountAsOf | null; footer: ReactNode; testId: string }) {
  const { t } = useTranslation();
  const count = useCount();
  return (
    <section data-testid={testId} style={{ flex: '1 1 260px' }}>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
        {title}
      </Typography.Title>
      {figures ? (
        <Flex gap={32} wrap>
          {(['members', 'workers'] as const).map((key) => (
            <div key={key}>
              <Typography.Text type="secondary">{t(`organization.headcount.${key}`)}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`${testId}-${key}`}>
                {count(figures[key])}
              </div>
            </div>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('organization.headcount.noFigures')}</Typography.Text>
      )}
      <div style={{ marginTop: 4 }}>{footer}</div>
    </section>
  );
}

/**
 * A unit's union members and workers as of a chosen day (today by default): its own latest figures and, above
 * grassroots level, the total over its subtree; the recorded figures; and, with the labour right, recording new ones.
 */
export function UnitHeadcountCard({ unit }: { unit: { id: string; kind: string } }) {
  const { t } = useTranslation();
  const count = useCount();
  const [day, setDay] = useState<Dayjs>(todayInProvince());
  const [recording, setRecording] = useState(false);
  const canRecord = useHasPermission(PERMISSIONS.labourManage);
  const asOf = toIsoDate(day);
  const rollsUp = unit.kind !== 'Grassroots';
  const own = useUnitHeadcountAsOf(unit.id, asOf);
  const total = useHeadcountTotal(unit.id, asOf, rollsUp);
  const history = useUnitHeadcounts(unit.id);
  const label = (key: string, options: Record<string, unknown> = {}) => t(`organization.headcount.${key}`, options);
  const error = own.error ?? total.error ?? history.error;
  // An upper-level union's figures are normally its roll-up: its own figures and history show only when it has some.
  const showOwn = !rollsUp || !!own.data;
  const showHistory = !rollsUp || (history.data?.length ?? 0) > 0;

  return (
    <Card
      data-testid="headcount-card"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {label('title')}
        </Typography.Title>
      }
      extra={
        canRecord ? (
          <Button icon={<EditOutlined />} onClick={() => setRecording(true)} data-testid="record-headcount">
            {label('record')}
          </Button>
        ) : null
      }
    >
      {error ? (
        <ErrorState error={error} onRetry={() => void Promise.all([own.refetch(), total.refetch(), history.refetch()])} />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} align="center" wrap>
            <label htmlFor={`headcount-as-of-${unit.id}`}>{label('asOf')}</label>
            <DatePicker
              id={`headcount-as-of-${unit.id}`}
              value={day}
              format={DATE_FORMAT}
              allowClear={false}
              onChange={(value) => value && setDay(value)}
              data-testid="headcount-as-of"
            />
            <Typography.Text type="secondary">{label('asOfHint')}</Typography.Text>
          </Flex>
          <Flex gap={24} wrap aria-busy={own.isPending || (rollsUp && total.isPending)}>
            {own.isPending ? (
              <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
            ) : showOwn ? (
              <Figures
                title={label('unitFigures')}
                figures={own.data ?? null}
                testId="headcount-unit"
                footer={
                  own.data ? <Typography.Text type="secondary">{label('recordedOn', { date: formatIsoDate(own.data.asOf) })}</Typography.Text> : null
                }
              />
            ) : null}
            {rollsUp && total.data ? (
              <Figures
                title={label('subtreeTotal')}
                figures={total.data.unitsCounted > 0 ? total.data : null}
                testId="headcount-total"
                footer={
                  <Typography.Text type="secondary">
                    {label('unitsCounted', { count: total.data.unitsCounted })}
                    {total.data.unitsWithoutRecord > 0 ? ` · ${label('unitsWithoutRecord', { count: total.data.unitsWithoutRecord })}` : ''}
                  </Typography.Text>
                }
              />
            ) : null}
          </Flex>
          {showHistory ? (
            <div>
              <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
                {label('history')}
              </Typography.Title>
              <Table<UnitHeadcount>
                rowKey="asOf"
                size="small"
                data-testid="headcount-history"
                loading={history.isPending}
                dataSource={history.data ?? []}
                pagination={{ pageSize: 5, hideOnSinglePage: true }}
                locale={{ emptyText: <EmptyState description={label('noHistory')} /> }}
                columns={[
                  { title: label('day'), dataIndex: 'asOf', render: (v: string) => formatIsoDate(v) },
                  { title: label('members'), dataIndex: 'members', align: 'right', render: (v: number) => count(v) },
                  { title: label('workers'), dataIndex: 'workers', align: 'right', render: (v: number) => count(v) },
                  {
                    title: label('note'),
                    dataIndex: 'note',
                    responsive: ['sm'],
                    render: (v: string | null) => <span style={{ overflowWrap: 'anywhere' }}>{v ?? ''}</span>,
                  },
                ]}
              />
            </div>
          ) : null}
        </Flex>
      )}
      {canRecord ? <UnitHeadcountModal unitId={unit.id} open={recording} onClose={() => setRecording(false)} /> : null}
    </Card>
  );
}
