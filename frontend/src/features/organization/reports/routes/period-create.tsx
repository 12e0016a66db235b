import '../strings';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function PeriodCreateRoute() {
  const { t } = useTranslation();
  return <Typography.Title level={1} style={{ fontSize: 20 }}>{t('reports.periods.new')}</Typography.Title>;
}

export { PeriodCreateRoute as Component };
