import { useRouteError } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Last resort when a screen throws or its lazy chunk fails to load (e.g. after a deploy). Plain markup on purpose. */
export function RouteErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <div role="alert" style={{ maxWidth: 480, margin: '64px auto', padding: 16, textAlign: 'center' }}>
      <h1 style={{ fontSize: 22 }}>{t('states.errorTitle')}</h1>
      <p>{t('states.errorServer')}</p>
      <button type="button" className="plain-button" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}
