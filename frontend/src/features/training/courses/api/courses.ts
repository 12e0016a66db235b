import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components, paths } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type CourseListItem = Schemas['Training_Courses_CourseListItem'];
export type CourseDetail = Schemas['Training_Courses_CourseDetail'];
export type SessionView = Schemas['Training_Courses_SessionView'];
export type CourseStatus = Schemas['Training_Domain_CourseStatus'];
export type CourseSubject = Schemas['Training_Domain_CourseSubject'];
export type ProposeCourseInput = Schemas['Training_Courses_ProposeCourse'];
export type UpdateCourseInput = Omit<Schemas['Training_Courses_UpdateCourse'], 'id'>;
export type SessionInput = { topic: string; startsAt: string; endsAt: string; room: string; instructorId?: string | null };
export type FundingMigrationReport = Schemas['Training_Courses_FundingMigrationReport'];
export type FundingMigrationRow = Schemas['Training_Courses_FundingMigrationRow'];
export type ListCoursesQuery = NonNullable<paths['/api/v1/training/courses']['get']['parameters']['query']>;

export const COURSE_STATUSES: CourseStatus[] = ['Proposed', 'Confirmed', 'OpenForNomination', 'Running', 'Completed', 'Cancelled'];
export const COURSE_SUBJECTS: CourseSubject[] = ['Expertise', 'PoliticalTheory', 'ForeignLanguage', 'ResearchMethods', 'InnovationSkills', 'Other'];

const KEY = ['training', 'courses'] as const;
const newKey = () => crypto.randomUUID();

export function useCourses(query: ListCoursesQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/training/courses', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCourse(id: string) {
  return useQuery({
    queryKey: [...KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/training/courses/{id}', { params: { path: { id } } })),
  });
}

/** The requesting unit's open training allocations a course can be funded from (#14), for the course form's picker. */
export function useCourseFundingOptions(unitId: string | undefined, courseId?: string) {
  return useQuery({
    queryKey: [...KEY, 'funding-options', unitId, courseId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/training/courses/funding-options', { params: { query: { unitId: unitId!, ...(courseId ? { courseId } : {}) } } })),
    enabled: !!unitId,
  });
}

/**
 * Links every course the caller manages whose old free-text funding reference names exactly one allocation of its
 * unit (#14's migration); answers the report of what was linked and what was left (ambiguous, unmatched) and why.
 */
export function useMigrateCourseFunding() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (unitId?: string) =>
      unwrap(api.POST('/api/v1/training/courses/funding-migration', { body: unitId ? { unitId } : {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export async function proposeCourse(body: ProposeCourseInput) {
  return unwrap(api.POST('/api/v1/training/courses', { params: { header: { 'Idempotency-Key': newKey() } }, body }));
}

/** Corrects a course's details with its version as If-Match (412 when someone changed it meanwhile). */
export async function updateCourse({ course, body }: { course: Pick<CourseDetail, 'id' | 'version'>; body: UpdateCourseInput }) {
  return unwrap(api.PUT('/api/v1/training/courses/{id}', { params: { path: { id: course.id }, header: { 'If-Match': `"${course.version}"` } }, body }));
}

export type CourseStep = 'confirm' | 'open' | 'start';

/** A lifecycle step with the course's version as If-Match. */
/** The steps that need the user to say why (the partner's answers and the coordinator's cancellation). */
export type ReasonStep = 'cancel' | 'decline' | 'requestChanges';

export async function runCourseStep(course: Pick<CourseDetail, 'id' | 'version'>, step: CourseStep | ReasonStep, reason?: string) {
  const params = { path: { id: course.id }, header: { 'If-Match': `"${course.version}"` } };
  switch (step) {
    case 'confirm':
      return unwrap(api.POST('/api/v1/training/courses/{id}/confirm', { params }));
    case 'open':
      return unwrap(api.POST('/api/v1/training/courses/{id}/open', { params }));
    case 'start':
      return unwrap(api.POST('/api/v1/training/courses/{id}/start', { params }));
    case 'cancel':
      return unwrap(api.POST('/api/v1/training/courses/{id}/cancel', { params, body: { reason: reason ?? '' } }));
    case 'decline':
      return unwrap(api.POST('/api/v1/training/courses/{id}/decline', { params, body: { reason: reason ?? '' } }));
    case 'requestChanges':
      return unwrap(api.POST('/api/v1/training/courses/{id}/request-changes', { params, body: { request: reason ?? '' } }));
  }
}

export async function scheduleSession(courseId: string, body: SessionInput) {
  return unwrap(
    api.POST('/api/v1/training/courses/{id}/sessions', {
      params: { path: { id: courseId }, header: { 'Idempotency-Key': newKey() } },
      body: body as Schemas['Training_Sessions_ScheduleSession'],
    }),
  );
}

export async function rescheduleSession(courseId: string, session: Pick<SessionView, 'id' | 'version'>, body: SessionInput) {
  return unwrap(
    api.PUT('/api/v1/training/courses/{id}/sessions/{sessionId}', {
      params: { path: { id: courseId, sessionId: session.id }, header: { 'If-Match': `"${session.version}"` } },
      body: body as Schemas['Training_Sessions_RescheduleSession'],
    }),
  );
}

export async function cancelSession(courseId: string, sessionId: string) {
  return unwrap(api.POST('/api/v1/training/courses/{id}/sessions/{sessionId}/cancel', { params: { path: { id: courseId, sessionId } } }));
}

/** Every change to a course refreshes its detail and the catalogue. */
export function useCourseMutation<TArgs, TResult>(fn: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
