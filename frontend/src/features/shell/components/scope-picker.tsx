import { TreeSelect } from 'antd';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitForest, useUnitTree, type UnitNode } from '@/lib/scope/unit-tree';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useHasPermission } from '@/lib/auth/auth';
import { PERMISSIONS } from '@/config/permissions';
import { matchesSearch } from '@/lib/text/normalize';

interface ScopeOption {
  value: string;
  title: string;
  searchText: string;
  children: ScopeOption[];
}

function toOptions(nodes: UnitNode[]): ScopeOption[] {
  return nodes.map(({ unit, children }) => ({
    value: unit.id,
    title: unit.name,
    searchText: `${unit.name} ${unit.code}`,
    children: toOptions(children),
  }));
}

/**
 * Chooses the unit whose subtree every module screen shows. The tree holds the units in the user's scope;
 * the search ignores case and Vietnamese diacritics ("hung yen" finds "Hưng Yên").
 */
/** The unit scope picker, for those who read units at all (a partner agency's staff do not: no picker). */
export function ScopePicker() {
  return useHasPermission(PERMISSIONS.recordsRead) ? <UnitScopePicker /> : null;
}

function UnitScopePicker() {
  const { t } = useTranslation();
  const id = useId();
  const { unitId, setUnitId } = useUnitScope();
  const tree = useUnitTree();
  const options = useMemo(() => toOptions(buildUnitForest(tree.data?.items ?? [])), [tree.data]);
  const roots = useMemo(() => options.map((o) => o.value), [options]);

  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
      <label htmlFor={id} className="visually-hidden">
        {t('shell.scope.label')}
      </label>
      <TreeSelect<string>
        id={id}
        data-testid="scope-picker"
        style={{ width: '100%', minWidth: 0 }}
        value={unitId}
        onChange={(value) => setUnitId(value || undefined)}
        treeData={options}
        loading={tree.isPending}
        status={tree.isError ? 'error' : undefined}
        placeholder={tree.isError ? t('shell.scope.loadError') : t('shell.scope.all')}
        allowClear
        showSearch
        filterTreeNode={(input, node) => matchesSearch(String((node as unknown as ScopeOption).searchText), input)}
        treeDefaultExpandedKeys={roots}
        popupMatchSelectWidth={false}
        listHeight={360}
        aria-label={t('shell.scope.label')}
        title={t('shell.scope.searchHint')}
      />
    </div>
  );
}
