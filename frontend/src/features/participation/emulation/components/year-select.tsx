import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/** The emulation year being looked at. */
export function YearSelect({ value, onChange, testId = 'year-select' }: { value: number; onChange: (y: number) => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <InputNumber
      aria-label={t('emulation.fields.year')}
      prefix={t('emulation.fields.year')}
      min={2000}
      max={2100}
      value={value}
      onChange={(v) => v && onChange(v)}
      data-testid={testId}
    />
  );
}
