import { Alert, App, Button, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormPage } from '@/components/page/form-page';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { changeMyPassword, useUser, type ChangePasswordInput } from '@/lib/auth/auth';
import { paths } from '@/config/paths';

type Values = ChangePasswordInput & { confirm: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

/**
 * Change my password — also the only screen a user reaches after an administrator's reset, until they have
 * chosen their own (the server answers nothing else meanwhile).
 */
export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const me = useUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (v: Values) => changeMyPassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      void message.success(t('auth.changePassword.done'));
      navigate(paths.home, { replace: true });
    },
  });
  const leftover = useServerErrors(form, mutation.error, FIELDS);

  return (
    <FormPage title={t('auth.changePassword.title')}>
      {me.mustChangePassword ? (
        <Alert type="warning" showIcon role="alert" title={t('auth.changePassword.mustChange')} style={{ marginBottom: 16 }} data-testid="must-change" />
      ) : null}
      <ServerErrorAlert error={mutation.error} leftoverMessages={leftover} />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 420 }}
        disabled={mutation.isPending}
        onFinish={(values) => mutation.mutate(values)}
      >
        <Form.Item
          label={t('auth.changePassword.current')}
          name="currentPassword"
          extra={me.mustChangePassword ? t('auth.changePassword.currentHint') : undefined}
          rules={[{ required: true, message: t('auth.changePassword.required') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('auth.changePassword.new')}
          name="newPassword"
          extra={t('auth.changePassword.newHint')}
          rules={[{ required: true, message: t('auth.changePassword.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('auth.changePassword.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('auth.changePassword.submit')}
        </Button>
      </Form>
    </FormPage>
  );
}

export { ChangePasswordRoute as Component };
