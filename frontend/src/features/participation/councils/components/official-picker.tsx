import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { useOfficialsToSeat } from '../api/councils';

export type PickedOfficial = { id: string; fullName: string; position: string; email?: string | null; unitName?: string | null };

/** Picks an official of the units in scope, searched on the server; users never type an id. */
export function OfficialPicker({
  value,
  picked,
  onPick,
  testId,
  ariaLabel,
  allowClear = false,
}: {
  value?: string;
  picked?: PickedOfficial;
  onPick: (official: PickedOfficial | undefined) => void;
  testId: string;
  ariaLabel: string;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [search, searchPending] = useDebouncedValue(q);
  const officials = useOfficialsToSeat(search, open);
  const found = officials.data?.items ?? [];
  const options = [...(picked && !found.some((o) => o.id === picked.id) ? [picked] : []), ...found].map((o) => ({
    value: o.id,
    label: `${o.fullName} – ${o.position}${o.unitName ? ` (${o.unitName})` : ''}`,
    official: o,
  }));
  return (
    <Select
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('councils.searchOfficial')}
      value={value}
      allowClear={allowClear}
      onOpenChange={setOpen}
      onChange={(id?: string) => onPick(options.find((o) => o.value === id)?.official)}
      loading={officials.isFetching || searchPending}
      options={options}
      style={{ width: '100%', minWidth: 0 }}
      data-testid={testId}
    />
  );
}
