import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRecognisedInitiatives } from '../api/emulation';

/** Picks recognised initiatives of the unit's subtree as evidence (by title and certificate number, never an id). */
export function InitiativeEvidencePicker({
  unitId,
  value,
  onChange,
  ariaLabel,
  testId,
}: {
  unitId: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  ariaLabel: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const initiatives = useRecognisedInitiatives(unitId);
  return (
    <Select
      mode="multiple"
      aria-label={ariaLabel}
      placeholder={t('emulation.pickInitiatives')}
      value={value}
      onChange={onChange}
      loading={initiatives.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      options={(initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.title} (GCN ${i.certificateNumber ?? ''})` }))}
      style={{ width: '100%', minWidth: 0 }}
      data-testid={testId}
    />
  );
}
