/** The course detail's participants: nomination with live capacity and waitlist, attendance (slot filled by the enrolment area). */
export function CourseParticipantsSlot(_props: { courseId: string }) {
  return null;
}
