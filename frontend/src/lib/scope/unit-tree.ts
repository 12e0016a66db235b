import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { matchesSearch } from '@/lib/text/normalize';

// The flat list of every unit in the caller's scope; the scope picker and the organization tree share it.
export async function getUnitTree() {
  return unwrap(api.GET('/api/v1/organization/units/tree'));
}

export type ScopeUnit = Awaited<ReturnType<typeof getUnitTree>>['items'][number];

export interface UnitNode {
  unit: ScopeUnit;
  children: UnitNode[];
}

export const unitTreeQueryOptions = () =>
  queryOptions({ queryKey: ['organization', 'units', 'tree'], queryFn: getUnitTree, staleTime: 5 * 60_000 });

export function useUnitTree() {
  return useQuery(unitTreeQueryOptions());
}

// One collator for every comparison: `localeCompare(x, 'vi')` looks up ICU's Vietnamese collation on each call, which
// made sorting the province's tree for the header's scope picker one of the signed-in home page's costliest scripts (#17).
const byVietnamese = new Intl.Collator('vi').compare;

/** Builds the forest; a unit whose parent is outside the caller's scope becomes a root. */
export function buildUnitForest(units: readonly ScopeUnit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  for (const unit of units) byId.set(unit.id, { unit, children: [] });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId ? byId.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (nodes: UnitNode[]) => {
    nodes.sort((a, b) => byVietnamese(a.unit.name, b.unit.name));
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Keeps the units that match (name or code, diacritics ignored) together with their ancestors. */
export function filterUnitForest(forest: UnitNode[], query: string): UnitNode[] {
  if (!query.trim()) return forest;
  const walk = (nodes: UnitNode[]): UnitNode[] =>
    nodes.flatMap((node) => {
      const children = walk(node.children);
      const self = matchesSearch(`${node.unit.name} ${node.unit.code}`, query);
      return self || children.length ? [{ unit: node.unit, children: self && !children.length ? node.children : children }] : [];
    });
  return walk(forest);
}

export function findNode(forest: UnitNode[], id: string): UnitNode | undefined {
  for (const node of forest) {
    if (node.unit.id === id) return node;
    const found = findNode(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** Ids of a node's ancestors, root first. */
export function ancestorIds(units: readonly ScopeUnit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  let current = byId.get(id)?.parentId;
  while (current && byId.has(current) && !path.includes(current)) {
    path.unshift(current);
    current = byId.get(current)?.parentId;
  }
  return path;
}
