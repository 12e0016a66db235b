import { Button, Card, Col, Descriptions, Input, Row, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { paths } from '@/config/paths';
import { buildUnitForest, filterUnitForest, findNode, type UnitNode, useUnitTree } from '@/lib/scope/unit-tree';
import { useScopedPath, useUnitScope } from '@/lib/scope/use-unit-scope';
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

function collectKeys(nodes: UnitNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => (n.children.length ? [n.unit.id, ...collectKeys(n.children, depth - 1)] : []));
}

/** The hierarchy of the chosen scope; selecting a unit shows its summary and a link to its details. */
export function UnitTreeRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const kindLabel = useUnitKindLabel();
  const searchId = useId();
  const { unitId } = useUnitScope();
  const [params, setParams] = useSearchParams();
  const selected = params.get('node') ?? undefined;
  const [search, setSearch] = useState('');
  const tree = useUnitTree();

  useEffect(() => {
    document.title = `${t('organization.tree')} · ${t('app.name')}`;
  }, [t]);

  const forest = useMemo(() => {
    const all = buildUnitForest(tree.data?.items ?? []);
    const scopeNode = unitId ? findNode(all, unitId) : undefined;
    return scopeNode ? [scopeNode] : all;
  }, [tree.data, unitId]);
  const visible = useMemo(() => filterUnitForest(forest, search), [forest, search]);
  const [expanded, setExpanded] = useState<React.Key[] | undefined>(undefined);
  // While searching, open every branch that leads to a match; otherwise show the top two levels.
  const expandedKeys = search.trim() ? collectKeys(visible, 99) : (expanded ?? collectKeys(forest, 1));
  const selectedUnit = selected ? findNode(forest, selected)?.unit : undefined;

  if (tree.isPending) return <LoadingState />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;

  return (
    <>
      <UnitViewSwitch current="tree" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={
              <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
                {t('organization.tree')}
              </Typography.Title>
            }
          >
            <label htmlFor={searchId} className="visually-hidden">
              {t('organization.treeSearch')}
            </label>
            <Input.Search
              id={searchId}
              allowClear
              placeholder={t('organization.treeSearch')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="tree-search"
            />
            {visible.length === 0 ? (
              <EmptyState description={t('states.noResults')} />
            ) : (
              <Tree
                data-testid="unit-tree"
                treeData={toTreeData(visible)}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys)}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => {
                  const next = new URLSearchParams(params);
                  if (keys[0]) next.set('node', String(keys[0]));
                  else next.delete('node');
                  setParams(next, { replace: true });
                }}
                showLine
                blockNode
                aria-label={t('organization.tree')}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('organization.unitDetail')}</Typography.Title>}>
            {selectedUnit ? (
              <>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('organization.fields.name')}>{selectedUnit.name}</Descriptions.Item>
                  <Descriptions.Item label={t('organization.fields.code')}>{selectedUnit.code}</Descriptions.Item>
                  <Descriptions.Item label={t('organization.fields.kind')}>{kindLabel(selectedUnit.kind)}</Descriptions.Item>
                </Descriptions>
                <Button type="primary" onClick={() => navigate(scoped(paths.unit(selectedUnit.id)))}>
                  {t('organization.viewDetail')}
                </Button>
              </>
            ) : (
              <Typography.Paragraph type="secondary">{t('organization.treeHint')}</Typography.Paragraph>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export { UnitTreeRoute as Component };
