import { useTranslation } from 'react-i18next';

/** Shown for the instant the first lazy route chunk loads. */
export function BootFallback() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center', color: 'rgba(0,0,0,0.65)' }}>
      {t('common.loading')}
    </div>
  );
}
