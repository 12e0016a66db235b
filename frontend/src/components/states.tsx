import { Button, Empty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '@/lib/api/problem';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', justifyContent: 'center', padding: 48 }}>
      <Spin description={label ?? t('common.loading')} />
    </div>
  );
}

export function EmptyState({ description, action }: { description?: string; action?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description ?? t('states.emptyTitle')}>
      {action}
    </Empty>
  );
}

/** Chooses the message an error deserves: out-of-scope, forbidden, offline or a server fault. */
export function errorMessageKey(error: unknown): string {
  if (error instanceof NetworkError) return 'states.errorNetwork';
  if (error instanceof ApiError) {
    if (error.status === 403) return 'states.errorForbidden';
    if (error.status === 404) return 'states.errorNotFound';
  }
  return 'states.errorServer';
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError && (error.status === 403 || error.status === 404) ? error.status : 'error';
  const traceId = error instanceof ApiError ? error.problem.traceId : undefined;
  return (
    <Result
      status={status === 'error' ? 'warning' : status}
      title={status === 403 ? t('states.forbiddenTitle') : t('states.errorTitle')}
      subTitle={
        <span role="alert">
          {t(errorMessageKey(error))}
          {traceId ? <small style={{ display: 'block' }}>trace: {traceId}</small> : null}
        </span>
      }
      extra={
        onRetry && status === 'error' ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
