import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { ApiError } from '@/lib/api/problem';
import { fileNameOf, saveBlob } from '@/lib/api/download';

/**
 * What each role's home page reads beside the plan dashboard (#15): an officer's to-dos for the unit in scope, a
 * member's own trainings, initiatives and commendations, a partner's courses. The lists reuse the modules' own
 * endpoints; only the to-dos have an endpoint of their own (one call that asks each module).
 */
export function useMyTodos(unitId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'todos', unitId ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/me/todos', { params: { query: unitId ? { unitId } : {} } })),
    enabled,
  });
}

export type TodoItem = NonNullable<ReturnType<typeof useMyTodos>['data']>['items'][number];

export function useHomeEnrolments(enabled: boolean) {
  return useQuery({ queryKey: ['home', 'enrolments'], queryFn: () => unwrap(api.GET('/api/v1/training/me/enrolments')), enabled });
}

export function useHomeInitiatives(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'initiatives'],
    queryFn: () => unwrap(api.GET('/api/v1/participation/initiatives', { params: { query: { mine: true, pageSize: 5, sort: '-createdAt' } } })),
    enabled,
  });
}

export function useHomeCommendations(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'commendations'],
    queryFn: () => unwrap(api.GET('/api/v1/participation/commendations/mine', { params: { query: { pageSize: 5 } } })),
    enabled,
  });
}

/** The partner's courses (the API shows partner staff their own agency's only): those awaiting its answer, then the rest. */
export function usePartnerCourses(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'partner-courses'],
    queryFn: async () => {
      const [proposed, all] = await Promise.all([
        unwrap(api.GET('/api/v1/training/courses', { params: { query: { status: 'Proposed', pageSize: 20, sort: 'startsAt' } } })),
        unwrap(api.GET('/api/v1/training/courses', { params: { query: { pageSize: 20, sort: '-startsAt' } } })),
      ]);
      const waiting = new Set(proposed.items.map((c) => c.id));
      return { proposed: proposed.items, others: all.items.filter((c) => !waiting.has(c.id)), total: all.total };
    },
    enabled,
  });
}

/** The honouree's certificate (PDF with its QR verification link), downloaded with the bearer token. */
export async function downloadMyHonourCertificate(id: string) {
  const { data, response } = await api.GET('/api/v1/participation/commendations/certificates/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' });
  if (!data) throw new ApiError(response.status, { status: response.status });
  saveBlob(data as Blob, fileNameOf(response, 'giay-chung-nhan.pdf'));
}
