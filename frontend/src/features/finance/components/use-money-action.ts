import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { ApiError } from '@/lib/api/problem';

/**
 * Runs a money-moving request under this form's Idempotency-Key (the same key on a retry after an unknown outcome,
 * a new one once the server answered) and shows the server's message on refusal (e.g. what is left).
 */
export function useMoneyAction() {
  const [key, settle] = useIdempotencyKey();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async <T,>(run: (key: string) => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await run(key);
      settle();
      return result;
    } catch (error) {
      settle(error);
      void message.error(error instanceof ApiError ? error.message : t('finance.empty'));
      return undefined;
    }
  };
}
