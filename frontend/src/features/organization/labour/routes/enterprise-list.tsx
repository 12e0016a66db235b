import '../strings';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Placeholder until the screen lands. */
export function EnterpriseList() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('organization.sections.enterprises')}</Typography.Title>;
}

export { EnterpriseList as Component };
