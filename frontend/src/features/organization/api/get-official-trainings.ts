import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

export type OfficialTraining = components['schemas']['Organization_Officials_OfficialTrainingItem'];

/** The courses an official completed (kept from the Training module's TrainingCompleted events), newest first. */
export function useOfficialTrainings(officialId: string) {
  return useQuery({
    queryKey: ['organization', 'officials', 'trainings', officialId],
    queryFn: () => unwrap(api.GET('/api/v1/organization/officials/{id}/trainings', { params: { path: { id: officialId } } })),
  });
}
