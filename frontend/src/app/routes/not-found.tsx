import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('states.notFoundTitle')}
      subTitle={t('states.notFoundText')}
      extra={
        <Button type="primary" onClick={() => navigate(paths.home)}>
          {t('comingSoon.backHome')}
        </Button>
      }
    />
  );
}

export { NotFoundRoute as Component };
