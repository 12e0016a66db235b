import { TreeSelect } from 'antd';
import { useMemo } from 'react';
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

/** Picks a unit of the caller's scope (search ignores case and diacritics); `value`/`onChange`/`id` come from the Form.Item. */
export function UnitTreeSelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const tree = useUnitTree();
  const options = useMemo(() => toOptions(buildUnitForest(tree.data?.items ?? [])), [tree.data]);
  return (
    <TreeSelect<string>
      {...props}
      treeData={options}
      showSearch
      filterTreeNode={(input, node) => matchesSearch(String((node as unknown as UnitOption).searchText), input)}
      loading={tree.isPending}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
