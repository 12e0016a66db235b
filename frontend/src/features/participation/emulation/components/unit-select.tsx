import { Select } from 'antd';
import { useUnitTree } from '@/lib/scope/unit-tree';

/** Picks one or several units of the user's scope by name (never an id). */
export function UnitSelect({
  value,
  onChange,
  multiple,
  ariaLabel,
  testId,
  only,
}: {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  ariaLabel: string;
  testId: string;
  /** Restrict the choices to these ids. */
  only?: string[];
}) {
  const tree = useUnitTree();
  const units = (tree.data?.items ?? []).filter((u) => !only || only.includes(u.id));
  return (
    <Select
      aria-label={ariaLabel}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={onChange}
      loading={tree.isLoading}
      options={units.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
      style={{ width: '100%', minWidth: 0 }}
      data-testid={testId}
    />
  );
}
