import { Card, Col, Flex, Progress, Row, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { formatIsoDate } from '@/lib/format/date';
import { formatPercent } from '@/lib/format/number';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
import { useFocalCoverage, type FocalCoverageItem } from '../api/focal-officials';
import { useUnitKindLabel } from '../../shared/unit-kind-label';

const MISSING_PARAM = 'missing';

/**
 * The plan indicator "upper-level unions with a KH,CN&ĐMST focal official": the share in the chosen scope and
 * every upper-level union with its focal official, those without one first.
 */
export function FocalCoverageRoute() {
  const { t, i18n } = useTranslation();
  const scoped = useScopedPath();
  const kindLabel = useUnitKindLabel();
  const switchId = useId();
  const { unitId } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const onlyMissing = params.get(MISSING_PARAM) === '1';
  const query = useFocalCoverage(unitId ? { within: unitId } : {});

  useEffect(() => {
    document.title = `${t('organization.coverage.title')} · ${t('app.name')}`;
  }, [t]);

  // Uncovered first whatever order the server sends; otherwise its order stays.
  const rows = useMemo(() => {
    const items = query.data?.items ?? [];
    const uncovered = items.filter((i) => !i.officialId);
    return onlyMissing ? uncovered : [...uncovered, ...items.filter((i) => i.officialId)];
  }, [query.data, onlyMissing]);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const { total, covered, share } = query.data;
  const percent = formatPercent(share, i18n.language);
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
          {t('organization.coverage.title')}
        </Typography.Title>
      }
    >
      <Typography.Paragraph type="secondary">{t('organization.coverage.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="coverage-summary">
        <Col xs={24} md={12}>
          <Statistic title={t('organization.coverage.share')} value={percent} data-testid="coverage-share" />
          <Progress
            percent={Math.round(share * 1000) / 10}
            showInfo={false}
            status={covered === total ? 'success' : 'normal'}
            aria-label={t('organization.coverage.share')}
            aria-valuetext={percent}
          />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('organization.coverage.total')} value={total} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('organization.coverage.covered')} value={covered} />
        </Col>
        <Col xs={8} md={4}>
          <Statistic title={t('organization.coverage.uncovered')} value={total - covered} data-testid="coverage-uncovered" />
        </Col>
      </Row>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Switch
          id={switchId}
          checked={onlyMissing}
          onChange={(checked) =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                if (checked) next.set(MISSING_PARAM, '1');
                else next.delete(MISSING_PARAM);
                return next;
              },
              { replace: true },
            )
          }
        />
        <label htmlFor={switchId}>{t('organization.coverage.onlyMissing')}</label>
      </Flex>
      <Table<FocalCoverageItem>
        rowKey="unitId"
        size="middle"
        data-testid="coverage-table"
        dataSource={rows}
        tableLayout="auto"
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, responsive: true } : false}
        locale={{
          emptyText: (
            <EmptyState description={onlyMissing && total > 0 ? t('organization.coverage.allCovered') : t('organization.coverage.empty')} />
          ),
        }}
        columns={[
          {
            title: t('organization.coverage.unit'),
            dataIndex: 'unitName',
            render: (name: string, item) => (
              <>
                <Link to={scoped(paths.unit(item.unitId))}>{name}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {item.unitCode}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('organization.fields.kind'),
            dataIndex: 'kind',
            responsive: ['md'],
            render: (kind: string) => kindLabel(kind),
          },
          {
            title: t('organization.coverage.official'),
            dataIndex: 'officialName',
            render: (name: string | null, item) =>
              item.officialId ? (
                <Link to={scoped(paths.official(item.officialId))}>{name}</Link>
              ) : (
                <Tag color="red" data-testid="coverage-missing">
                  {t('organization.focal.none')}
                </Tag>
              ),
          },
          {
            title: t('organization.coverage.since'),
            dataIndex: 'since',
            responsive: ['sm'],
            render: (since: string | null) => (since ? formatIsoDate(since) : t('common.none')),
          },
        ]}
      />
    </Card>
  );
}

export { FocalCoverageRoute as Component };
