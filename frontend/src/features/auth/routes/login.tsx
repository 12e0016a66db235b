import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LanguageSwitch } from '@/components/language-switch';
import { useSessionStatus } from '@/lib/auth/auth';
import { paths } from '@/config/paths';
import { LoginForm } from '../components/login-form';

/** Only same-app paths are followed after sign-in, never another origin. */
function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : paths.home;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const status = useSessionStatus();
  const redirectTo = safeRedirect(params.get('redirectTo'));

  useEffect(() => {
    document.title = `${t('auth.title')} · ${t('app.name')}`;
  }, [t]);

  if (status === 'signed-in') return <Navigate to={redirectTo} replace />;

  return (
    // Plain HTML, no Ant Design (see route-config): the login page downloads only React, the router, i18n and the
    // query client. Styled in index.css with the app's colours.
    <div className="login-page">
      <main className="login-main">
        <div className="login-toolbar">
          <LanguageSwitch />
        </div>
        <div className="login-card">
          <p className="login-product">{t('app.fullName')}</p>
          <h1 className="login-title">{t('auth.title')}</h1>
          <p className="login-subtitle">{t('auth.subtitle')}</p>
          {status === 'expired' ? (
            <div role="status" className="login-alert login-alert-info">
              {t('auth.sessionExpired')}
            </div>
          ) : null}
          <LoginForm
            onSuccess={() => {
              queryClient.removeQueries({ queryKey: ['me'] });
              navigate(redirectTo, { replace: true });
            }}
          />
        </div>
      </main>
    </div>
  );
}

export { LoginRoute as Component };
