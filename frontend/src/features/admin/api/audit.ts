import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

export type AuditQuery = NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>;

export const listAudit = (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } }));
export type AuditEntry = Awaited<ReturnType<typeof listAudit>>['items'][number];

export const useAudit = (query: AuditQuery) => useQuery({ queryKey: ['admin', 'audit', query], queryFn: () => listAudit(query) });
