import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';

/**
 * What every route needs, the login page included: the query client. Ant Design's ConfigProvider and App are not
 * here but in the lazily loaded `antd-root` route around every other route (`./antd-provider`), so the login page
 * downloads no AntD at all.
 */
export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
