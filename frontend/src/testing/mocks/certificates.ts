// Certificates and calendar feeds of the in-memory stand-in backend (install with server.use(...certificateHandlers())).
import { http, HttpResponse } from 'msw';
import { problem } from './handlers';

const ORIGIN = 'http://localhost';

export interface MockCertificate {
  id: string;
  enrolmentId: string;
  courseId: string;
  number: string;
  holderName: string;
  courseTitle: string;
  partnerName: string;
  completedOn: string;
  issuedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  verifyUrl: string;
}

export const COURSE_ID = '00000000-0000-4000-8000-00000000c001';

export function mockCertificate(n: number, over: Partial<MockCertificate> = {}): MockCertificate {
  const code = over.verifyUrl?.split('/').at(-1) ?? `code-${n}`;
  return {
    id: `00000000-0000-4000-8000-00000000d00${n}`,
    enrolmentId: `00000000-0000-4000-8000-00000000e00${n}`,
    courseId: COURSE_ID,
    number: `KNST01/2025/00${n}`,
    holderName: n === 1 ? 'Nguyễn Thị Hồng Nhung' : `Học viên ${n}`,
    courseTitle: 'Kỹ năng đổi mới sáng tạo',
    partnerName: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    completedOn: '2025-03-14',
    issuedAt: '2025-03-15T02:00:00Z',
    revokedAt: null,
    revocationReason: null,
    verifyUrl: `${ORIGIN}/verify/${code}`,
    ...over,
  };
}

/** What the verification endpoint knows: a valid code, a revoked one, nothing else. */
export const verifications: Record<string, object> = {
  'valid-code': {
    number: 'KNST01/2025/001',
    holderName: 'Nguyễn Thị Hồng Nhung',
    courseTitle: 'Kỹ năng đổi mới sáng tạo',
    partnerName: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    completedOn: '2025-03-14',
    status: 'Valid',
    revokedOn: null,
  },
  'revoked-code': {
    number: 'KNST01/2025/002',
    holderName: 'Trần Văn Bình',
    courseTitle: 'Kỹ năng đổi mới sáng tạo',
    partnerName: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
    completedOn: '2025-03-14',
    status: 'Revoked',
    revokedOn: '2025-03-20',
  },
};

const feedsFor = (token: string, rotatedAt: string | null) => {
  const root = `${ORIGIN}/api/v1/training/calendar/${token}`;
  return {
    feeds: [
      { kind: 'Me', id: null, name: 'Lịch học của tôi', url: `${root}/me.ics` },
      { kind: 'Unit', id: '00000000-0000-4000-8000-0000000000a1', name: 'LĐLĐ huyện Văn Lâm', url: `${root}/units/00000000-0000-4000-8000-0000000000a1.ics` },
    ],
    courseFeedTemplate: `${root}/courses/{courseId}.ics`,
    unitFeedTemplate: `${root}/units/{unitId}.ics`,
    partnerFeedTemplate: `${root}/partners/{partnerId}.ics`,
    createdAt: '2025-03-01T01:00:00Z',
    rotatedAt,
  };
};

/** The participants a completed course's issuing leaves out, with the server's reasons (#16). */
export const notQualified = [
  {
    enrolmentId: '00000000-0000-4000-8000-00000000e009',
    name: 'Lê Thị Cúc',
    attendancePercent: 33,
    reasons: [{ code: 'attendance_below_minimum', message: 'Dự 1/3 buổi (33%), dưới mức tối thiểu 80% của khóa học.' }],
  },
  {
    enrolmentId: '00000000-0000-4000-8000-00000000e00a',
    name: 'Phạm Văn Dũng',
    attendancePercent: 100,
    reasons: [{ code: 'assessment_failed', message: 'Không đạt đánh giá cuối khóa.' }],
  },
];

/** Fresh mock state per call (each test gets its own). */
export function certificateHandlers(state = { mine: [mockCertificate(1)], course: [] as MockCertificate[], token: 'tok-first', rotations: 0 }) {
  return [
    http.get('*/api/v1/training/certificates/verify/:code', ({ params }) => {
      const found = verifications[String(params.code)];
      return found ? HttpResponse.json(found) : problem(404, { code: 'not_found' });
    }),
    http.get('*/api/v1/training/me/certificates', () => HttpResponse.json(state.mine)),
    http.get('*/api/v1/training/certificates/:id/pdf', () =>
      new HttpResponse('%PDF-1.7', {
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="chung-nhan.pdf"' },
      }),
    ),
    http.get('*/api/v1/training/courses/:id/certificates', () => HttpResponse.json(state.course)),
    http.post('*/api/v1/training/courses/:id/certificates', () => {
      const before = state.course.length;
      if (before === 0) state.course = [mockCertificate(1), mockCertificate(2)];
      return HttpResponse.json({ issued: state.course.length - before, certificates: state.course, notQualified });
    }),
    http.post('*/api/v1/training/certificates/:id/revoke', async ({ params, request }) => {
      const c = state.course.find((x) => x.id === params.id);
      if (!c) return problem(404);
      if (c.revokedAt) return problem(409, { code: 'certificate_revoked' });
      const { reason } = (await request.json()) as { reason: string };
      Object.assign(c, { revokedAt: '2025-03-20T03:00:00Z', revocationReason: reason });
      return HttpResponse.json(c);
    }),
    http.get('*/api/v1/training/calendar/token', () => HttpResponse.json(feedsFor(state.token, null))),
    http.post('*/api/v1/training/calendar/token/rotate', () => {
      state.rotations += 1;
      state.token = `tok-rotated-${state.rotations}`;
      return HttpResponse.json(feedsFor(state.token, '2025-03-21T03:00:00Z'));
    }),
  ];
}
