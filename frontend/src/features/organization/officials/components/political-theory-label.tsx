import { useTranslation } from 'react-i18next';

export function usePoliticalTheoryLabel() {
  const { t } = useTranslation();
  return (level: string) => t(`organization.politicalTheoryLevels.${level}`, { defaultValue: level });
}
