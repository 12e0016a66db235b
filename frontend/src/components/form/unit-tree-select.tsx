import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { buildUnitForest, useUnitTree, type UnitNode } from '@/lib/scope/unit-tree';
import { matchesSearch } from '@/lib/text/normalize';

interface UnitOption {
  value: string;
  title: string;
  searchText: string;
  children: UnitOption[];
}
const toOptions = (nodes: UnitNode[]): UnitOption[] =>
  nodes.map(({ unit, children }) => ({
    value: unit.id,
    title: `${unit.name} (${unit.code})`,
    searchText: `${unit.name} ${unit.code}`,
    children: toOptions(children),
  }));

/**
 * Picks a unit of the caller's scope from the hierarchy; the search ignores case and diacritics.
 * `value`/`onChange`/`id` come from the surrounding Form.Item. Shared by every feature that picks a unit.
 */
export function UnitTreeSelect(props: { id?: string; value?: string; onChange?: (value: string) => void; style?: CSSProperties }) {
  const tree = useUnitTree();
  const options = useMemo(() => toOptions(buildUnitForest(tree.data?.items ?? [])), [tree.data]);
  return (
    <TreeSelect<string>
      {...props}
      treeData={options}
      showSearch
      filterTreeNode={(input, node) => matchesSearch(String((node as unknown as UnitOption).searchText), input)}
      loading={tree.isPending}
      treeDefaultExpandAll={false}
      popupMatchSelectWidth={false}
    />
  );
}
