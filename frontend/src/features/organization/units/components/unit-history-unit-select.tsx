import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildUnitForest, useUnitTree, type ScopeUnit, type UnitNode } from '@/lib/scope/unit-tree';
import { matchesSearch } from '@/lib/text/normalize';

interface UnitOption {
  value: string;
  title: string;
  searchText: string;
  disabled: boolean;
  children: UnitOption[];
}

/** The caller's hierarchy without `exclude` and everything below it (a unit cannot go under its own subtree). */
const toOptions = (nodes: UnitNode[], exclude: string, isDisabled: (unit: ScopeUnit) => boolean): UnitOption[] =>
  nodes
    .filter(({ unit }) => unit.id !== exclude)
    .map(({ unit, children }) => ({
      value: unit.id,
      title: `${unit.name} (${unit.code})`,
      searchText: `${unit.name} ${unit.code}`,
      disabled: isDisabled(unit),
      children: toOptions(children, exclude, isDisabled),
    }));

/**
 * Picks the target of a move or merge: the caller's units except the one being changed and its sub-units;
 * `isDisabled` greys out targets the rules refuse (wrong level, current parent). `value`/`onChange`/`id` come
 * from the surrounding Form.Item.
 */
export function UnitHistoryUnitSelect({
  exclude,
  isDisabled = () => false,
  ...props
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  exclude: string;
  isDisabled?: (unit: ScopeUnit) => boolean;
  'data-testid'?: string;
}) {
  const tree = useUnitTree();
  const options = useMemo(
    () => toOptions(buildUnitForest(tree.data?.items ?? []), exclude, isDisabled),
    [tree.data, exclude, isDisabled],
  );
  return (
    <TreeSelect<string>
      {...props}
      treeData={options}
      showSearch
      filterTreeNode={(input, node) => matchesSearch(String((node as unknown as UnitOption).searchText), input)}
      loading={tree.isPending}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
    />
  );
}
