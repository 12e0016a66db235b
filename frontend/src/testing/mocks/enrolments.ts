// Nominations, attendance, my trainings and officials' training history in the in-memory stand-in backend.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { db, type MockDb, type MockUser } from './db';
import { problem } from './handlers';

type Status = 'Enrolled' | 'Waitlisted' | 'Withdrawn';
type Mark = 'Present' | 'Late' | 'Excused' | 'Absent';

export interface MockEnrolment {
  id: string;
  courseId: string;
  officialId: string;
  unitId: string;
  officialName: string;
  officialPosition: string | null;
  officialEmail: string | null;
  status: Status;
  queueNumber: number;
  clashOverrideReason: string | null;
  assessmentPassed: boolean | null;
  marks: Record<string, Mark>;
}

export interface MockCourse {
  id: string;
  code: string;
  title: string;
  status: string;
  capacity: number;
  minAttendancePercent: number;
  assessmentRequired: boolean;
  sessions: { id: string; topic: string; startsAt: string; endsAt: string }[];
}

/** An open course of capacity 2 and a running course with two past sessions and one to come. */
export const OPEN_COURSE = '00000000-0000-4000-8000-000000007001';
export const RUNNING_COURSE = '00000000-0000-4000-8000-000000007002';
/** Running, every session over, an assessment required: ready to complete. */
export const FINISHED_COURSE = '00000000-0000-4000-8000-000000007005';
const day = (offset: number, hour = 1) => `${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 11)}0${hour}:00:00Z`;

interface Store {
  version: number;
  courses: MockCourse[];
  enrolments: MockEnrolment[];
  seq: number;
}

const stores = new WeakMap<MockDb, Store>();

export function enrolmentStore(): Store {
  let store = stores.get(db.current);
  if (!store) {
    const official = (name: string) => db.current.officialByName(name);
    const person = (n: number, courseId: string, name: string, status: Status, queueNumber: number): MockEnrolment => {
      const o = official(name);
      return {
        id: `00000000-0000-4000-8000-0000000071${String(n).padStart(2, '0')}`,
        courseId,
        officialId: o.id,
        unitId: o.unitId,
        officialName: o.fullName,
        officialPosition: o.position,
        officialEmail: o.email,
        status,
        queueNumber,
        clashOverrideReason: null,
        assessmentPassed: null,
        marks: {},
      };
    };
    store = {
      seq: 20,
      version: 3,
      courses: [
        { id: OPEN_COURSE, code: 'KHCN-2026-02', title: 'Phương pháp nghiên cứu khoa học', status: 'OpenForNomination', capacity: 2, minAttendancePercent: 80, assessmentRequired: false, sessions: [] },
        {
          id: RUNNING_COURSE,
          code: 'KHCN-2026-03',
          title: 'Kỹ năng đổi mới sáng tạo',
          status: 'Running',
          capacity: 10,
          minAttendancePercent: 50,
          assessmentRequired: false,
          sessions: [
            { id: '00000000-0000-4000-8000-000000007201', topic: 'Khai giảng', startsAt: day(-3), endsAt: day(-3, 4) },
            { id: '00000000-0000-4000-8000-000000007202', topic: 'Thực hành', startsAt: day(-2), endsAt: day(-2, 4) },
            { id: '00000000-0000-4000-8000-000000007203', topic: 'Bế giảng', startsAt: day(5), endsAt: day(5, 4) },
          ],
        },
        {
          id: FINISHED_COURSE,
          code: 'KHCN-2026-05',
          title: 'Tiếng Anh chuyên ngành',
          status: 'Running',
          capacity: 10,
          minAttendancePercent: 100,
          assessmentRequired: true,
          sessions: [{ id: '00000000-0000-4000-8000-000000007211', topic: 'Buổi duy nhất', startsAt: day(-4), endsAt: day(-4, 4) }],
        },
      ],
      enrolments: [
        person(6, FINISHED_COURSE, 'Đỗ Thị Hằng', 'Enrolled', 1),
        person(7, FINISHED_COURSE, 'Lê Văn Đức', 'Enrolled', 2),
        person(1, OPEN_COURSE, 'Đỗ Thị Hằng', 'Enrolled', 1),
        person(2, OPEN_COURSE, 'Nguyễn Thị Thu', 'Enrolled', 2),
        person(3, OPEN_COURSE, 'Vũ Đình Nam', 'Waitlisted', 3),
        person(4, RUNNING_COURSE, 'Đỗ Thị Hằng', 'Enrolled', 1),
        person(5, RUNNING_COURSE, 'Lê Văn Đức', 'Enrolled', 2),
      ],
    };
    stores.set(db.current, store);
  }
  return store;
}

function userOf(request: Request): MockUser | undefined {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  return db.current.users.find((u) => u.email === email);
}

const scopeOf = (user: MockUser) => db.current.subtree(db.current.unitByCode(user.unitCode).id);
const seesAll = (user: MockUser) => user.permissions.includes('training.courses.manage');

function view(e: MockEnrolment) {
  const waiting = enrolmentStore()
    .enrolments.filter((x) => x.courseId === e.courseId && x.status === 'Waitlisted')
    .sort((a, b) => a.queueNumber - b.queueNumber);
  const position = waiting.findIndex((x) => x.id === e.id);
  return {
    id: e.id,
    courseId: e.courseId,
    officialId: e.officialId,
    unitId: e.unitId,
    officialName: e.officialName,
    officialEmail: e.officialEmail,
    officialPosition: e.officialPosition,
    status: e.status,
    queueNumber: e.queueNumber,
    waitlistPosition: position >= 0 ? position + 1 : null,
    nominatedAt: '2026-01-05T02:00:00Z',
    nominatedBy: 'Người Dùng Thử',
    clashOverrideReason: e.clashOverrideReason,
    withdrawnAt: null,
    withdrawalReason: null,
    assessmentPassed: e.assessmentPassed,
    result: 'Pending',
  };
}

function participants(course: MockCourse, user: MockUser) {
  const all = enrolmentStore().enrolments.filter((e) => e.courseId === course.id);
  const all_ = seesAll(user);
  const scope = scopeOf(user);
  return {
    courseId: course.id,
    code: course.code,
    title: course.title,
    status: course.status,
    courseVersion: 3,
    capacity: course.capacity,
    enrolledCount: all.filter((e) => e.status === 'Enrolled').length,
    waitlistCount: all.filter((e) => e.status === 'Waitlisted').length,
    enrolmentOpensOn: '2026-01-01',
    enrolmentClosesOn: '2026-12-31',
    seesAll: all_,
    items: all
      .filter((e) => all_ || scope.has(e.unitId))
      .sort((a, b) => Number(a.status === 'Withdrawn') - Number(b.status === 'Withdrawn') || a.queueNumber - b.queueNumber)
      .map(view),
  };
}

function sheet(course: MockCourse) {
  const now = Date.now();
  const rows = enrolmentStore()
    .enrolments.filter((e) => e.courseId === course.id && e.status === 'Enrolled')
    .map((e) => {
      const marks = Object.entries(e.marks).map(([sessionId, mark]) => ({ sessionId, mark }));
      const attended = marks.filter((m) => m.mark === 'Present' || m.mark === 'Late').length;
      const total = course.sessions.length;
      const completed =
        (total === 0 || attended * 100 >= course.minAttendancePercent * total) && (!course.assessmentRequired || e.assessmentPassed === true);
      return {
        enrolmentId: e.id,
        officialId: e.officialId,
        officialName: e.officialName,
        officialPosition: e.officialPosition,
        marks,
        attended,
        attendancePercent: total ? Math.floor((attended * 100) / total) : 100,
        assessmentPassed: e.assessmentPassed,
        computedResult: completed ? 'Completed' : 'NotCompleted',
        result: course.status === 'Completed' ? (completed ? 'Completed' : 'NotCompleted') : 'Pending',
      };
    });
  return {
    courseId: course.id,
    code: course.code,
    title: course.title,
    status: course.status,
    courseVersion: enrolmentStore().version,
    minAttendancePercent: course.minAttendancePercent,
    assessmentRequired: course.assessmentRequired,
    sessions: course.sessions.map((s) => ({ ...s, started: Date.parse(s.startsAt) <= now })),
    rows,
  };
}

const courseOf = (id: unknown) => enrolmentStore().courses.find((c) => c.id === id);

/** Officials' training history: Đỗ Thị Hằng completed one course. */
const history = (officialId: string) =>
  db.current.officialByName('Đỗ Thị Hằng').id === officialId
    ? [
        {
          id: '00000000-0000-4000-8000-000000007301',
          courseCode: 'KHCN-2025-04',
          courseTitle: 'Sở hữu trí tuệ cho công đoàn cơ sở',
          subject: 'InnovationSkills',
          partnerName: 'Sở Khoa học và Công nghệ Hưng Yên',
          completedOn: '2025-11-20',
          certificateNumber: null,
        },
      ]
    : [];

export const enrolmentHandlers: HttpHandler[] = [
  http.get('*/api/v1/training/courses/:courseId/enrolments', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    if (!course) return problem(404);
    return HttpResponse.json(participants(course, user));
  }),
  http.post('*/api/v1/training/courses/:courseId/enrolments', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    if (!course) return problem(404);
    const body = (await request.json()) as { officialId: string; clashOverrideReason?: string | null };
    const official = db.current.officials.find((o) => o.id === body.officialId);
    if (!official || !scopeOf(user).has(official.unitId)) return problem(404);
    const store = enrolmentStore();
    const mine = store.enrolments.filter((e) => e.courseId === course.id);
    if (mine.some((e) => e.officialId === official.id && e.status !== 'Withdrawn'))
      return problem(409, { code: 'already_nominated', detail: `${official.fullName} đã được cử vào khóa này.` });
    // Hoàng Văn Tâm attends another course at the same time in the stand-in data.
    const clash = official.fullName === 'Hoàng Văn Tâm';
    if (clash && !(body.clashOverrideReason && seesAll(user)))
      return problem(409, { code: 'participant_clash', detail: `${official.fullName} học khóa KHCN-2026-03 (buổi Khai giảng) cùng thời gian.` });
    store.seq += 1;
    const enrolment: MockEnrolment = {
      id: `00000000-0000-4000-8000-0000000072${String(store.seq).padStart(2, '0')}`,
      courseId: course.id,
      officialId: official.id,
      unitId: official.unitId,
      officialName: official.fullName,
      officialPosition: official.position,
      officialEmail: official.email,
      status: mine.filter((e) => e.status === 'Enrolled').length < course.capacity ? 'Enrolled' : 'Waitlisted',
      queueNumber: Math.max(0, ...mine.map((e) => e.queueNumber)) + 1,
      clashOverrideReason: clash ? (body.clashOverrideReason ?? null) : null,
      assessmentPassed: null,
      marks: {},
    };
    store.enrolments.push(enrolment);
    return HttpResponse.json(view(enrolment), { status: 201 });
  }),
  http.post('*/api/v1/training/courses/:courseId/enrolments/:enrolmentId/withdraw', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const store = enrolmentStore();
    const e = store.enrolments.find((x) => x.id === params.enrolmentId && x.courseId === params.courseId);
    if (!e || !(seesAll(user) || scopeOf(user).has(e.unitId))) return problem(404);
    if (e.status === 'Withdrawn') return problem(409, { code: 'already_withdrawn' });
    await request.json().catch(() => ({}));
    const freed = e.status === 'Enrolled';
    e.status = 'Withdrawn';
    const next = freed
      ? store.enrolments.filter((x) => x.courseId === e.courseId && x.status === 'Waitlisted').sort((a, b) => a.queueNumber - b.queueNumber)[0]
      : undefined;
    if (next) next.status = 'Enrolled';
    return HttpResponse.json({ withdrawn: view(e), promoted: next ? view(next) : null });
  }),
  http.get('*/api/v1/training/courses/:courseId/attendance', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    if (!course) return problem(404);
    if (!user.permissions.includes('training.attendance.record')) return problem(403);
    return HttpResponse.json(sheet(course));
  }),
  http.put('*/api/v1/training/courses/:courseId/sessions/:sessionId/attendance', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    const session = course?.sessions.find((s) => s.id === params.sessionId);
    if (!course || !session) return problem(404);
    if (Date.parse(session.startsAt) > Date.now()) return problem(409, { code: 'session_not_started' });
    const body = (await request.json()) as { marks: { enrolmentId: string; mark: Mark }[] };
    const store = enrolmentStore();
    for (const m of body.marks) {
      const e = store.enrolments.find((x) => x.id === m.enrolmentId)!;
      e.marks[session.id] = m.mark;
    }
    return HttpResponse.json(sheet(course));
  }),
  http.put('*/api/v1/training/courses/:courseId/assessments', async ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    if (!course) return problem(404);
    const body = (await request.json()) as { results: { enrolmentId: string; passed: boolean | null }[] };
    for (const r of body.results) enrolmentStore().enrolments.find((x) => x.id === r.enrolmentId)!.assessmentPassed = r.passed;
    return HttpResponse.json(sheet(course));
  }),
  http.post('*/api/v1/training/courses/:courseId/complete', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const course = courseOf(params.courseId);
    if (!course) return problem(404);
    const store = enrolmentStore();
    if (request.headers.get('If-Match') !== `"${store.version}"`) return problem(412, { code: 'stale_version' });
    if (course.status !== 'Running') return problem(409, { code: 'course_state' });
    course.status = 'Completed';
    store.version += 1;
    return HttpResponse.json(sheet(course));
  }),
  http.get('*/api/v1/training/me/enrolments', ({ request }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    return HttpResponse.json([
      {
        enrolmentId: '00000000-0000-4000-8000-000000007401',
        courseId: RUNNING_COURSE,
        courseCode: 'KHCN-2026-03',
        courseTitle: 'Kỹ năng đổi mới sáng tạo',
        subject: 'InnovationSkills',
        partnerName: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên',
        courseStatus: 'Running',
        startsAt: '2026-03-02T01:00:00Z',
        endsAt: '2026-03-20T09:00:00Z',
        venue: 'Hội trường LĐLĐ tỉnh',
        status: 'Enrolled',
        waitlistPosition: null,
        result: 'Pending',
        nominatedAt: '2026-02-01T02:00:00Z',
      },
      {
        enrolmentId: '00000000-0000-4000-8000-000000007402',
        courseId: '00000000-0000-4000-8000-000000007004',
        courseCode: 'KHCN-2025-04',
        courseTitle: 'Sở hữu trí tuệ cho công đoàn cơ sở',
        subject: 'InnovationSkills',
        partnerName: 'Sở Khoa học và Công nghệ Hưng Yên',
        courseStatus: 'Completed',
        startsAt: '2025-11-03T01:00:00Z',
        endsAt: '2025-11-20T09:00:00Z',
        venue: null,
        status: 'Enrolled',
        waitlistPosition: null,
        result: 'Completed',
        nominatedAt: '2025-10-01T02:00:00Z',
      },
    ]);
  }),
  http.get('*/api/v1/organization/officials/:id/trainings', ({ request, params }) => {
    const user = userOf(request);
    if (!user) return problem(401);
    const o = db.current.officials.find((x) => x.id === params.id);
    if (!o || !scopeOf(user).has(o.unitId)) return problem(404);
    return HttpResponse.json(history(o.id));
  }),
];
