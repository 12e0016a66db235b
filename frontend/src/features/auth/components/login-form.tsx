import { Alert, Button, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { login, type LoginInput } from '@/lib/auth/auth';
import { ApiError, NetworkError } from '@/lib/api/problem';
import { formatDateTime } from '@/lib/format/date';
import type { TFunction } from 'i18next';

/** Turns a failed sign-in into the sentence the user needs: what happened and what to do next. */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('auth.errors.network');
  if (!(error instanceof ApiError)) return t('auth.errors.generic');
  const code = error.code;
  if (code === 'invalid_credentials' || (!code && error.status === 401)) return t('auth.errors.invalidCredentials');
  if (code === 'account_locked' || error.status === 423) {
    const until = typeof error.problem.lockedUntil === 'string' ? error.problem.lockedUntil : undefined;
    return until ? t('auth.errors.locked', { until: formatDateTime(until) }) : t('auth.errors.lockedNoTime');
  }
  if (code === 'account_disabled' || error.status === 403) return t('auth.errors.disabled');
  if (code === 'too_many_requests' || error.status === 429) {
    return error.retryAfterSeconds !== undefined
      ? t('auth.errors.tooManyRequests', { seconds: error.retryAfterSeconds })
      : t('auth.errors.tooManyRequestsNoTime');
  }
  return t('auth.errors.generic');
}

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const mutation = useMutation({ mutationFn: login, onSuccess });

  return (
    <Form<LoginInput>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => mutation.mutate({ email: values.email.trim(), password: values.password })}
      disabled={mutation.isPending}
      aria-label={t('auth.title')}
    >
      {mutation.isError ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="login-error"
          title={loginErrorMessage(mutation.error, t)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form.Item
        label={t('auth.email')}
        name="email"
        rules={[
          { required: true, message: t('auth.emailRequired') },
          { type: 'email', message: t('auth.emailInvalid') },
        ]}
      >
        <Input type="email" autoComplete="username" inputMode="email" autoFocus size="large" />
      </Form.Item>
      <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
        {t('auth.submit')}
      </Button>
    </Form>
  );
}
