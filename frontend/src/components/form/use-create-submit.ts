import { App } from 'antd';
import type { UseMutationResult } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { useScopedPath } from '@/lib/scope/use-unit-scope';

/**
 * The submit of a create screen: sends the form's values with the form's idempotency key (kept while the outcome
 * is unknown, renewed once the server has answered for good), then says so and opens the new record at `to(result)`,
 * keeping the unit scope.
 */
export function useCreateSubmit<TInput, TResult>(
  create: UseMutationResult<TResult, unknown, { data: TInput; idempotencyKey: string }>,
  to: (result: TResult) => string,
  createdMessage?: string,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const scoped = useScopedPath();
  const [idempotencyKey, settleKey] = useIdempotencyKey();
  return (data: TInput) =>
    create.mutate(
      { data, idempotencyKey },
      {
        onSettled: (_data, error) => settleKey(error ?? undefined),
        onSuccess: (result) => {
          void message.success(createdMessage ?? t('form.created'));
          navigate(scoped(to(result)));
        },
      },
    );
}
