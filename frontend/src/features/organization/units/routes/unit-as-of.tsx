import { Alert, Card, DatePicker, Descriptions, Flex, Input, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { DATE_FORMAT } from '@/config/locale';
import { dayjs, formatIsoDate, todayInProvince, toIsoDate } from '@/lib/format/date';
import { buildUnitForest, filterUnitForest, findNode, type ScopeUnit, type UnitNode } from '@/lib/scope/unit-tree';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useUnitsAsOf } from '../api/units';
import { useUnitKindLabel } from '../../shared/unit-kind-label';
import { UnitViewSwitch } from '../components/unit-view-switch';

function toTreeData(nodes: UnitNode[]): TreeDataNode[] {
  return nodes.map(({ unit, children }) => ({
    key: unit.id,
    title: `${unit.name} (${unit.code})`,
    children: toTreeData(children),
    isLeaf: children.length === 0,
  }));
}

const allKeys = (nodes: UnitNode[]): string[] => nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...allKeys(n.children)] : []));

/**
 * The hierarchy as it stood on a chosen day ("Cơ cấu tại ngày"), read-only: names and parents of then.
 * The day lives in the URL (?date=yyyy-MM-dd), today by default.
 */
export function UnitAsOfRoute() {
  const { t } = useTranslation();
  const kindLabel = useUnitKindLabel();
  const dateId = useId();
  const searchId = useId();
  const { unitId } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && dayjs(raw, 'YYYY-MM-DD', true).isValid() ? raw : toIsoDate(todayInProvince());
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string>();
  const asOf = useUnitsAsOf(date);

  useEffect(() => {
    document.title = `${t('organization.unitHistory.asOf.title')} · ${t('app.name')}`;
  }, [t]);

  const forest = useMemo(() => {
    // The as-of rows in the shape of the current tree's rows, so the same forest helpers apply.
    const units: ScopeUnit[] = (asOf.data?.items ?? []).map(({ unitId: id, code, name, kind, parentId }) => ({ id, code, name, kind, parentId }));
    const all = buildUnitForest(units);
    const scopeNode = unitId ? findNode(all, unitId) : undefined;
    return scopeNode ? [scopeNode] : all;
  }, [asOf.data, unitId]);
  const visible = useMemo(() => filterUnitForest(forest, search), [forest, search]);
  const selectedUnit = selected ? asOf.data?.items.find((u) => u.unitId === selected) : undefined;

  const setDate = (value: dayjs.Dayjs | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('date', toIsoDate(value));
    else next.delete('date');
    setParams(next, { replace: true });
    setSelected(undefined);
  };

  return (
    <>
      <UnitViewSwitch current="asOf" />
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('organization.unitHistory.asOf.title')}
          </Typography.Title>
        }
      >
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <label htmlFor={dateId}>{t('organization.unitHistory.asOf.date')}</label>
          <DatePicker
            id={dateId}
            data-testid="as-of-date"
            format={DATE_FORMAT}
            value={dayjs(date)}
            onChange={setDate}
            allowClear={false}
            disabledDate={(d) => d.isAfter(todayInProvince().add(10, 'year'))}
          />
          <label htmlFor={searchId} className="visually-hidden">
            {t('organization.unitHistory.asOf.search')}
          </label>
          <Input.Search
            id={searchId}
            allowClear
            placeholder={t('organization.unitHistory.asOf.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ maxWidth: 360 }}
          />
        </Flex>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t('organization.unitHistory.asOf.readOnly', { date: formatIsoDate(date) })} ${
            asOf.data ? t('organization.unitHistory.asOf.count', { count: asOf.data.items.length }) : ''
          }`}
        />
        {asOf.isPending ? (
          <LoadingState />
        ) : asOf.isError ? (
          <ErrorState error={asOf.error} onRetry={() => void asOf.refetch()} />
        ) : visible.length === 0 ? (
          <EmptyState description={search ? t('states.noResults') : t('organization.unitHistory.asOf.empty')} />
        ) : (
          <Flex gap={16} wrap>
            <div style={{ flex: '1 1 420px', minWidth: 0 }}>
              <Tree
                data-testid="as-of-tree"
                treeData={toTreeData(visible)}
                expandedKeys={allKeys(visible)}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : undefined)}
                showLine
                blockNode
                aria-label={t('organization.unitHistory.asOf.title')}
              />
            </div>
            {selectedUnit ? (
              <Descriptions column={1} size="small" bordered style={{ flex: '0 1 360px' }}>
                <Descriptions.Item label={t('organization.fields.name')}>{selectedUnit.name}</Descriptions.Item>
                <Descriptions.Item label={t('organization.fields.code')}>{selectedUnit.code}</Descriptions.Item>
                <Descriptions.Item label={t('organization.fields.kind')}>{kindLabel(selectedUnit.kind)}</Descriptions.Item>
              </Descriptions>
            ) : null}
          </Flex>
        )}
      </Card>
    </>
  );
}

export { UnitAsOfRoute as Component };
