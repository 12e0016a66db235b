import { Button, Card, Flex, Progress, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format/number';
import type { DashboardIndicator } from '../api/dashboard';

function IndicatorCardView({
  indicator,
  selected,
  onSelect: select,
}: {
  indicator: DashboardIndicator;
  selected: boolean;
  /** Called with the indicator's key: one function for every card, so the memo holds. */
  onSelect: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const onSelect = () => select(indicator.key);
  const n = (v: number | null | undefined) => formatNumber(v, i18n.language);
  const target = indicator.target;
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      style={{ height: '100%', borderColor: selected ? 'var(--ant-color-primary, #1677ff)' : undefined }}
      data-testid={`indicator-${indicator.key}`}
    >
      <Flex vertical gap={4}>
        <Typography.Text>{indicator.name}</Typography.Text>
        <Typography.Text strong style={{ fontSize: 24, fontVariantNumeric: 'tabular-nums' }} data-testid="indicator-value">
          {n(indicator.value)} <Typography.Text type="secondary">{indicator.measure}</Typography.Text>
        </Typography.Text>
        {target ? (
          <>
            <Progress percent={Math.min(100, Math.round((target.progress ?? 0) * 100))} size="small" aria-label={`${indicator.name}: ${target.name}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.target', { target: n(target.target), measure: target.unitOfMeasure, achieved: n(target.achieved) })}
            </Typography.Text>
          </>
        ) : null}
        <Button
          type="link"
          size="small"
          style={{ padding: 0, alignSelf: 'flex-start' }}
          onClick={(e) => {
            e.stopPropagation();
            onSelect();
          }}
          aria-label={`${t('dashboard.byUnit')}: ${indicator.name}`}
        >
          {t('dashboard.byUnit')}
        </Button>
      </Flex>
    </Card>
  );
}

/** One figure of the dashboard; memoised, so choosing a figure or a year re-renders only the cards that change. */
export const IndicatorCard = memo(IndicatorCardView);
