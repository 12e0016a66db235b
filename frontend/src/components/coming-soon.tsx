import { Button, Result } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '@/config/modules';

/** Landing page of a module whose screens are not built yet. */
export function ComingSoon({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = t(`modules.${module}`);
  useEffect(() => {
    document.title = `${name} · ${t('app.name')}`;
  }, [name, t]);
  return (
    <Result
      icon={<ExperimentOutlined aria-hidden />}
      title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('comingSoon.title', { module: name })}</h1>}
      subTitle={
        <>
          <span style={{ display: 'block' }}>{t(`modules.descriptions.${module}`)}</span>
          <span style={{ display: 'block' }}>{t('comingSoon.subtitle')}</span>
        </>
      }
      extra={<Button onClick={() => navigate('/')}>{t('comingSoon.backHome')}</Button>}
    />
  );
}
