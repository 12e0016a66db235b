import { useTranslation } from 'react-i18next';

export function useUnitKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(`organization.kinds.${kind}`, { defaultValue: kind });
}
