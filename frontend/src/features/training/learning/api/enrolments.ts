import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type CourseParticipants = Schemas['Training_Enrolments_CourseParticipants'];
export type EnrolmentView = Schemas['Training_Enrolments_EnrolmentView'];
export type AttendanceSheet = Schemas['Training_Attendance_AttendanceSheetView'];
export type SheetRow = Schemas['Training_Attendance_SheetRow'];
export type AttendanceMark = Schemas['Training_Domain_AttendanceMark'];
export type CompletionResult = Schemas['Training_Domain_CompletionResult'];
export type MyEnrolment = Schemas['Training_MyTrainings_MyEnrolment'];

/** Every enrolment query lives under this key: a nomination or withdrawal refreshes them all. */
const enrolmentsKey = ['training', 'enrolments'] as const;

export const participantsQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: [...enrolmentsKey, 'participants', courseId],
    queryFn: () => unwrap(api.GET('/api/v1/training/courses/{courseId}/enrolments', { params: { path: { courseId } } })),
    // Places fill up while others nominate: keep the figures live.
    refetchInterval: 10_000,
  });

export function useParticipants(courseId: string) {
  return useQuery(participantsQueryOptions(courseId));
}

export function useNominate(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { officialId: string; clashOverrideReason?: string | null }) =>
      unwrap(api.POST('/api/v1/training/courses/{courseId}/enrolments', { params: { path: { courseId } }, body })),
    // The course changes too: its counts, and its version (a nomination bumps it, so its ETag moves).
    onSettled: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export function useWithdraw(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, reason }: { enrolmentId: string; reason?: string | null }) =>
      unwrap(
        api.POST('/api/v1/training/courses/{courseId}/enrolments/{enrolmentId}/withdraw', {
          params: { path: { courseId, enrolmentId } },
          body: { reason },
        }),
      ),
    // The course changes too: its counts, and its version (a nomination bumps it, so its ETag moves).
    onSettled: () => client.invalidateQueries({ queryKey: ['training'] }),
  });
}

export const attendanceSheetQueryOptions = (courseId: string) =>
  queryOptions({
    queryKey: [...enrolmentsKey, 'attendance', courseId],
    queryFn: () => unwrap(api.GET('/api/v1/training/courses/{courseId}/attendance', { params: { path: { courseId } } })),
  });

export function useAttendanceSheet(courseId: string) {
  return useQuery(attendanceSheetQueryOptions(courseId));
}

/** Saves the marks of one session (one PUT per session, all or nothing on the server). */
export function useRecordAttendance(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sessionId, marks }: { sessionId: string; marks: { enrolmentId: string; mark: AttendanceMark }[] }) =>
      unwrap(
        api.PUT('/api/v1/training/courses/{courseId}/sessions/{sessionId}/attendance', {
          params: { path: { courseId, sessionId } },
          body: { marks },
        }),
      ),
    onSuccess: (sheet) => client.setQueryData(attendanceSheetQueryOptions(courseId).queryKey, sheet),
  });
}

export function useMyEnrolments() {
  return useQuery({
    queryKey: [...enrolmentsKey, 'mine'],
    queryFn: () => unwrap(api.GET('/api/v1/training/me/enrolments')),
  });
}

/** Officials of the units in the caller's scope (the Organization officials list), searched on the server. */
export function useOfficialsToNominate(q: string, enabled: boolean) {
  const query = { q: q || undefined, pageSize: 20, sort: 'fullName' };
  return useQuery({
    queryKey: ['organization', 'officials', 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/organization/officials', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Saves assessment outcomes of enrolled participants (null clears one). */
export function useRecordAssessments(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (results: { enrolmentId: string; passed: boolean | null }[]) =>
      unwrap(api.PUT('/api/v1/training/courses/{courseId}/assessments', { params: { path: { courseId } }, body: { results } })),
    onSuccess: (sheet) => client.setQueryData(attendanceSheetQueryOptions(courseId).queryKey, sheet),
  });
}

/** Completes a running course (If-Match with the course version the sheet was read at): the results become final. */
export function useCompleteCourse(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.POST('/api/v1/training/courses/{courseId}/complete', {
          params: { path: { courseId }, header: { 'If-Match': `"${version}"` } },
        }),
      ),
    onSuccess: (sheet) => {
      client.setQueryData(attendanceSheetQueryOptions(courseId).queryKey, sheet);
      void client.invalidateQueries({ queryKey: ['training'] });
    },
  });
}
