// The course form's funding options (#14) and the migration of old free-text references, for the course mocks.
import { foldForSearch } from '@/lib/text/normalize';

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The province's open training allocations a course can pick (#14). */
export const FUNDING_OPTIONS = [
  { id: uid(781), year: 2030, label: 'Lớp bồi dưỡng nghiệp vụ KH,CN&ĐMST cho cán bộ công đoàn (2030)', amount: 30_000_000 },
  { id: uid(782), year: 2030, label: 'Tập huấn sở hữu trí tuệ (2030)', amount: 12_500_000 },
];

/** What of a mock course the funding migration reads and links. */
export interface FundedCourse {
  id: string;
  code: string;
  title: string;
  fundingReference?: string | null;
  fundingAllocationId?: string | null;
  version: number;
}

/**
 * The server's migration of old references, as far as a screen can see it: a course whose reference names exactly one
 * allocation (folded, one containing the other) is linked to it; the others are listed with the reason.
 */
export function migrateFunding(courses: FundedCourse[]) {
  const rows = courses.filter((c) => c.fundingReference && !c.fundingAllocationId).sort((a, b) => a.code.localeCompare(b.code)).map((course) => {
    const reference = foldForSearch(course.fundingReference!);
    const matches = FUNDING_OPTIONS.filter((o) => foldForSearch(o.label).includes(reference) || reference.includes(foldForSearch(o.label)));
    const row = { courseId: course.id, courseCode: course.code, courseTitle: course.title, fundingReference: course.fundingReference!, allocationId: null, allocationLabel: null };
    if (matches.length === 1) {
      course.fundingAllocationId = matches[0]!.id;
      course.version += 1;
      return { ...row, outcome: 'Matched' as const, allocationId: matches[0]!.id, allocationLabel: matches[0]!.label,
        reason: 'Đã gắn với khoản phân bổ duy nhất có tên khớp với ghi chú nguồn kinh phí.', candidates: [matches[0]!.label] };
    }
    if (matches.length > 1)
      return { ...row, outcome: 'Ambiguous' as const, reason: `Có ${matches.length} khoản phân bổ khớp với ghi chú: hãy chọn một khoản trong biểu mẫu khóa học.`,
        candidates: matches.map((m) => m.label) };
    return { ...row, outcome: 'Unmatched' as const, reason: 'Không có khoản phân bổ nào của đơn vị khớp với ghi chú: hãy chọn trong biểu mẫu khóa học.', candidates: [] };
  });
  const count = (outcome: string) => rows.filter((r) => r.outcome === outcome).length;
  return { matched: count('Matched'), ambiguous: count('Ambiguous'), unmatched: count('Unmatched'), rows };
}
