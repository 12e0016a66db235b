// Partners, courses and sessions of the in-memory stand-in backend (slice B), with the clash rule of the API.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { matchesSearch } from '@/lib/text/normalize';
import { FUNDING_OPTIONS, migrateFunding } from './course-funding';
import { db, type MockDb, type MockUser } from './db';

export { FUNDING_OPTIONS };

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNIVERSITY = uid(601);
const DEPARTMENT = uid(602);
export const COURSE_IDS = { proposed: uid(701), confirmed: uid(702), open: uid(703), running: uid(704) };
export const COORDINATOR = 'tuyengiao@hungyen.demo';
export const PARTNER_STAFF = 'doitac@hungyen.demo';

type Status = 'Proposed' | 'Confirmed' | 'OpenForNomination' | 'Running' | 'Completed' | 'Cancelled';
const MOVES: Record<Status, Status[]> = {
  Proposed: ['Confirmed', 'Cancelled'],
  Confirmed: ['OpenForNomination', 'Cancelled'],
  OpenForNomination: ['Running', 'Cancelled'],
  Running: ['Completed', 'Cancelled'],
  Completed: [],
  Cancelled: [],
};

interface MockSession {
  id: string;
  courseId: string;
  topic: string;
  startsAt: string;
  endsAt: string;
  room: string;
  instructorId: string | null;
  status: 'Scheduled' | 'Cancelled';
  sequence: number;
  version: number;
}

interface MockCourse {
  id: string;
  code: string;
  title: string;
  subject: string;
  status: Status;
  partnerId: string;
  capacity: number;
  enrolled: number;
  enrolmentOpensOn: string;
  enrolmentClosesOn: string;
  cancellationReason: string | null;
  changesRequested?: string | null;
  fundingAllocationId?: string | null;
  /** The old free-text funding reference of a course saved before Finance existed (#14). */
  fundingReference?: string | null;
  changesRequestedBy?: string | null;
  steps: { from: Status | null; to: Status; actorUserId: string | null; actorName: string; at: string; note: string | null }[];
  version: number;
}

const partners = [
  { id: UNIVERSITY, name: 'Trường Đại học Sư phạm Kỹ thuật Hưng Yên', kind: 'University', agreementNumber: '15/TTHT-LĐLĐ' },
  { id: DEPARTMENT, name: 'Sở Khoa học và Công nghệ Hưng Yên', kind: 'ScienceDepartment', agreementNumber: '08/QCPH' },
];
const instructors = [
  { id: uid(611), partnerId: UNIVERSITY, fullName: 'TS. Nguyễn Văn Hùng', email: null, expertise: 'Phương pháp NCKH', version: 1 },
  { id: uid(612), partnerId: UNIVERSITY, fullName: 'ThS. Trần Thị Mai', email: null, expertise: 'Đổi mới sáng tạo', version: 1 },
  { id: uid(613), partnerId: DEPARTMENT, fullName: 'ThS. Phạm Quốc Bảo', email: null, expertise: 'Sở hữu trí tuệ', version: 1 },
];

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, traceId: 'test-trace', ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );

const stores = new WeakMap<MockDb, { courses: MockCourse[]; sessions: MockSession[] }>();

function store() {
  let s = stores.get(db.current);
  if (!s) {
    const step = (to: Status, from: Status | null, actorName: string, at: string) => ({ from, to, actorUserId: null, actorName, at, note: null });
    const course = (id: string, code: string, title: string, status: Status, partnerId: string, steps: MockCourse['steps']): MockCourse => ({
      id,
      code,
      title,
      subject: 'InnovationSkills',
      status,
      partnerId,
      capacity: 30,
      enrolled: 0,
      enrolmentOpensOn: '2030-02-01',
      enrolmentClosesOn: '2030-02-28',
      cancellationReason: null,
      steps,
      version: steps.length,
    });
    const proposed = step('Proposed', null, 'Lê Thị Tuyên giáo', '2030-01-05T02:00:00Z');
    const confirmed = step('Confirmed', 'Proposed', 'Ngô Văn Đối tác', '2030-01-10T02:00:00Z');
    const opened = step('OpenForNomination', 'Confirmed', 'Lê Thị Tuyên giáo', '2030-01-20T02:00:00Z');
    s = {
      courses: [
        course(COURSE_IDS.proposed, 'SPKT-SK-01', 'Kỹ năng viết và đánh giá sáng kiến', 'Proposed', UNIVERSITY, [proposed]),
        course(COURSE_IDS.confirmed, 'SPKT-NCKH-02', 'Phương pháp nghiên cứu khoa học', 'Confirmed', UNIVERSITY, [proposed, confirmed]),
        course(COURSE_IDS.open, 'SPKT-DMST-03', 'Đổi mới sáng tạo trong doanh nghiệp', 'OpenForNomination', UNIVERSITY, [proposed, confirmed, opened]),
        course(COURSE_IDS.running, 'SKHCN-SHTT-04', 'Sở hữu trí tuệ và đăng ký sáng chế', 'Running', DEPARTMENT, [
          proposed,
          confirmed,
          opened,
          step('Running', 'OpenForNomination', 'Lê Thị Tuyên giáo', '2030-02-01T02:00:00Z'),
        ]),
      ],
      // Week of Monday 04/03/2030: Tuesday morning in room A2-301 with Ms Mai, Thursday afternoon.
      sessions: [
        session(uid(801), COURSE_IDS.open, 'Tư duy đổi mới sáng tạo', '2030-03-05T08:00:00+07:00', '2030-03-05T11:30:00+07:00', 'Phòng A2-301', uid(612)),
        session(uid(802), COURSE_IDS.open, 'Công cụ số', '2030-03-07T13:30:00+07:00', '2030-03-07T16:30:00+07:00', 'Phòng A2-301', uid(612)),
        session(uid(803), COURSE_IDS.running, 'Tổng quan SHTT', '2030-03-05T08:00:00+07:00', '2030-03-05T11:30:00+07:00', 'Hội trường', uid(613)),
      ],
    };
    stores.set(db.current, s);
  }
  return s;
}

function session(id: string, courseId: string, topic: string, startsAt: string, endsAt: string, room: string, instructorId: string | null): MockSession {
  return { id, courseId, topic, startsAt, endsAt, room, instructorId, status: 'Scheduled', sequence: 0, version: 1 };
}

/** The coordinator and the university's staff, as the demo has them. */
export function addCourseUsers() {
  const users = db.current.users;
  const add = (u: MockUser) => {
    if (!users.some((x) => x.email === u.email)) users.push(u);
  };
  add({
    id: uid(121),
    email: COORDINATOR,
    password: 'Demo@2025!',
    fullName: 'Lê Thị Tuyên giáo',
    role: 'propaganda-board',
    unitCode: 'HY',
    permissions: ['organization.units.read', 'organization.records.read', 'training.read', 'training.courses.manage', 'training.nominate', 'training.sessions.schedule', 'training.attendance.record'],
  });
  add({
    id: uid(122),
    email: PARTNER_STAFF,
    password: 'Demo@2025!',
    fullName: 'Ngô Văn Đối tác',
    role: 'partner',
    unitCode: 'HY',
    permissions: ['training.read', 'training.sessions.schedule', 'training.attendance.record', 'training.partner.work'],
  });
}

function caller(request: Request) {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  const email = token ? db.current.accessTokens.get(token) : undefined;
  const user = db.current.users.find((u) => u.email === email);
  if (!user) return undefined;
  const partnerOnly = user.role === 'partner';
  return { user, partnerOnly, partnerId: partnerOnly && user.email === PARTNER_STAFF ? UNIVERSITY : partnerOnly ? 'none' : undefined, has: (p: string) => user.permissions.includes(p) };
}

type Caller = NonNullable<ReturnType<typeof caller>>;
const visible = (c: Caller, course: MockCourse) => !c.partnerOnly || course.partnerId === c.partnerId;

const instructorName = (id: string | null) => instructors.find((i) => i.id === id)?.fullName ?? null;
const sessionView = (s: MockSession) => ({ ...s, instructorName: instructorName(s.instructorId) });
const partnerName = (id: string) => partners.find((p) => p.id === id)!.name;

function detail(c: Caller, course: MockCourse) {
  const sessions = store().sessions.filter((s) => s.courseId === course.id).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const manage = !c.partnerOnly && c.has('training.courses.manage');
  const partnerWork = c.partnerOnly && c.has('training.partner.work');
  const allowed = MOVES[course.status];
  return {
    ...course,
    audience: null,
    description: null,
    venue: 'Cơ sở Mỹ Hào',
    fee: 0,
    feePaidBy: 'Federation',
    fundingReference: course.fundingReference ?? null,
    fundingAllocationId: course.fundingAllocationId ?? null,
    fundingAllocationLabel: FUNDING_OPTIONS.find((o) => o.id === course.fundingAllocationId)?.label ?? null,
    minAttendancePercent: 80,
    assessmentRequired: false,
    partnerName: partnerName(course.partnerId),
    requestingUnitId: db.current.unitByCode('HY').id,
    requestingUnitName: 'Liên đoàn Lao động tỉnh Hưng Yên',
    waitlisted: 0,
    capacityLeft: course.capacity - course.enrolled,
    allowedMoves: allowed,
    can: {
      edit: manage && (course.status === 'Proposed' || course.status === 'Confirmed'),
      confirm: partnerWork && allowed.includes('Confirmed'),
      open: manage && allowed.includes('OpenForNomination'),
      start: (manage || partnerWork) && allowed.includes('Running'),
      cancel: manage && allowed.includes('Cancelled'),
      decline: partnerWork && allowed.includes('Confirmed'),
      requestChanges: partnerWork && allowed.includes('Confirmed'),
      schedule: c.has('training.sessions.schedule') && course.status !== 'Completed' && course.status !== 'Cancelled',
    },
    changesRequested: course.changesRequested ?? null,
    changesRequestedBy: course.changesRequestedBy ?? null,
    changesRequestedAt: null,
    sessions: sessions.map(sessionView),
  };
}

function listItem(course: MockCourse) {
  const sessions = store().sessions.filter((s) => s.courseId === course.id && s.status === 'Scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    subject: course.subject,
    status: course.status,
    partnerId: course.partnerId,
    partnerName: partnerName(course.partnerId),
    requestingUnitId: db.current.unitByCode('HY').id,
    capacity: course.capacity,
    enrolled: course.enrolled,
    waitlisted: 0,
    enrolmentOpensOn: course.enrolmentOpensOn,
    enrolmentClosesOn: course.enrolmentClosesOn,
    firstSessionAt: sessions[0]?.startsAt ?? null,
    lastSessionAt: sessions.at(-1)?.endsAt ?? null,
    sessionCount: sessions.length,
  };
}

const LOCAL = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return { day: `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, time: `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` };
};

/** The API's session rule (SessionFields): a session ends after it starts, within 12 hours; 400 on endsAt otherwise. */
function invalidTimes(body: { startsAt: string; endsAt: string }) {
  const length = new Date(body.endsAt).getTime() - new Date(body.startsAt).getTime();
  if (length > 0 && length <= 12 * 3600_000) return null;
  return problem(400, {
    code: 'validation_failed',
    title: 'Dữ liệu không hợp lệ.',
    errors: { endsAt: [length > 0 ? 'Mỗi buổi học kéo dài tối đa 12 giờ.' : 'Buổi học phải kết thúc sau khi bắt đầu.'] },
  });
}

/** The API's clash rule: a room or an instructor of the partner holds one scheduled session at a time (half-open). */
function clash(course: MockCourse, body: { startsAt: string; endsAt: string; room: string; instructorId?: string | null }, except?: string) {
  const start = new Date(body.startsAt).getTime();
  const end = new Date(body.endsAt).getTime();
  const courses = store().courses;
  for (const s of store().sessions) {
    if (s.id === except || s.status !== 'Scheduled') continue;
    const other = courses.find((c) => c.id === s.courseId)!;
    if (other.partnerId !== course.partnerId) continue;
    if (!(new Date(s.startsAt).getTime() < end && start < new Date(s.endsAt).getTime())) continue;
    const kind = s.room.toLowerCase() === body.room.trim().toLowerCase() ? 'room' : body.instructorId && s.instructorId === body.instructorId ? 'instructor' : null;
    if (!kind) continue;
    const a = LOCAL(s.startsAt);
    const b = LOCAL(s.endsAt);
    return problem(409, {
      code: 'session_clash',
      title: 'The session clashes with another session.',
      detail: `Booked for ${other.code}.`,
      clash: {
        kind,
        sessionId: s.id,
        courseId: other.id,
        courseCode: other.code,
        courseTitle: other.title,
        topic: s.topic,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        localTime: `${a.day} ${a.time}–${b.time}`,
        room: s.room,
        instructorName: instructorName(s.instructorId),
      },
    });
  }
  return null;
}

const find = (request: Request, id: string) => {
  const c = caller(request);
  if (!c) return { error: problem(401) } as const;
  const course = store().courses.find((x) => x.id === id);
  if (!course || !visible(c, course)) return { error: problem(404) } as const;
  return { c, course } as const;
};

function step(request: Request, id: string, to: Status, who: (c: Caller) => boolean, note?: string | null) {
  const found = find(request, id);
  if ('error' in found) return found.error;
  const { c, course } = found;
  if (!who(c)) return problem(403);
  if (request.headers.get('If-Match') !== `"${course.version}"`) return problem(412, { code: 'stale_version' });
  if (!MOVES[course.status].includes(to)) return problem(409, { code: 'course_state', allowedMoves: MOVES[course.status], detail: `Cannot move to ${to}.` });
  if (to === 'OpenForNomination' && !store().sessions.some((s) => s.courseId === course.id && s.status === 'Scheduled'))
    return problem(409, { code: 'course_without_sessions', detail: 'Schedule at least one session first.' });
  course.steps.push({ from: course.status, to, actorUserId: c.user.id, actorName: c.user.fullName, at: new Date().toISOString(), note: note ?? null });
  course.status = to;
  course.version += 1;
  if (to === 'Cancelled') {
    course.cancellationReason = note ?? null;
    for (const s of store().sessions.filter((x) => x.courseId === course.id)) s.status = 'Cancelled';
  }
  return HttpResponse.json(detail(c, course), { headers: { ETag: `"${course.version}"` } });
}

/** Gives mock courses the old free-text funding references of courses saved before Finance existed. */
export function setCourseFundingReferences(references: Record<string, string>) {
  for (const course of store().courses) if (references[course.id] !== undefined) course.fundingReference = references[course.id];
}

export const courseHandlers: HttpHandler[] = [
  http.get('*/api/v1/training/courses/funding-options', () => HttpResponse.json(FUNDING_OPTIONS)),
  http.post('*/api/v1/training/courses/funding-migration', ({ request }) => {
    const c = caller(request);
    if (!c) return problem(401);
    if (c.partnerOnly || !c.has('training.courses.manage')) return problem(403);
    return HttpResponse.json(migrateFunding(store().courses));
  }),
  http.get('*/api/v1/training/partners', ({ request }) => {
    const c = caller(request);
    if (!c) return problem(401);
    const q = new URL(request.url).searchParams.get('q') ?? '';
    const items = partners
      .filter((p) => !c.partnerOnly || p.id === c.partnerId)
      .filter((p) => matchesSearch(p.name, q))
      .map((p) => ({
        ...p,
        contactName: null,
        agreementValidUntil: '2027-12-31',
        memberCount: p.id === UNIVERSITY ? 1 : 0,
        courseCount: store().courses.filter((x) => x.partnerId === p.id).length,
      }));
    return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
  }),
  http.get('*/api/v1/training/partners/:id/venues', ({ params }) => {
    const rooms = store().sessions.filter((s) => store().courses.some((c) => c.id === s.courseId && c.partnerId === params.id)).map((s) => s.room);
    return HttpResponse.json([...new Set(rooms)].sort());
  }),
  http.get('*/api/v1/training/partners/:id', ({ request, params }) => {
    const c = caller(request);
    if (!c) return problem(401);
    const p = partners.find((x) => x.id === params.id);
    if (!p || (c.partnerOnly && p.id !== c.partnerId)) return problem(404);
    return HttpResponse.json({
      ...p,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      agreementSignedOn: '2025-01-01',
      agreementValidUntil: '2027-12-31',
      agreementFile:
        p.id === UNIVERSITY ? { fileName: 'thoa-thuan-hop-tac.pdf', contentType: 'application/pdf', size: 52_000, uploadedAt: '2030-01-02T02:00:00Z' } : null,
      members: p.id === UNIVERSITY ? [{ userId: uid(122), fullName: 'Ngô Văn Đối tác', email: PARTNER_STAFF, addedAt: '2030-01-01T00:00:00Z' }] : [],
      instructors: instructors.filter((i) => i.partnerId === p.id),
      version: 1,
    });
  }),
  http.get('*/api/v1/training/courses', ({ request }) => {
    const c = caller(request);
    if (!c) return problem(401);
    const url = new URL(request.url);
    const q = url.searchParams.get('q') ?? '';
    const status = url.searchParams.get('status');
    const partnerId = url.searchParams.get('partnerId');
    const openToday = url.searchParams.get('openToday') === 'true';
    const items = store()
      .courses.filter((x) => visible(c, x))
      .filter((x) => matchesSearch(`${x.code} ${x.title}`, q))
      .filter((x) => !status || x.status === status)
      .filter((x) => !partnerId || x.partnerId === partnerId)
      .filter((x) => !openToday || x.status === 'OpenForNomination')
      .map(listItem);
    return HttpResponse.json({ items, page: 1, pageSize: 20, total: items.length });
  }),
  http.get('*/api/v1/training/courses/:id', ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    return HttpResponse.json(detail(found.c, found.course), { headers: { ETag: `"${found.course.version}"` } });
  }),
  http.put('*/api/v1/training/courses/:id', async ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    const { course } = found;
    if (request.headers.get('If-Match') !== `"${course.version}"`) return problem(412, { code: 'precondition_failed' });
    const body = (await request.clone().json()) as Record<string, unknown>;
    Object.assign(course, body, { version: course.version + 1 });
    return HttpResponse.json(detail(found.c, course), { headers: { ETag: `"${course.version}"` } });
  }),
  http.post('*/api/v1/training/courses/:id/confirm', ({ request, params }) =>
    step(request, String(params.id), 'Confirmed', (c) => c.partnerOnly && c.has('training.partner.work')),
  ),
  http.post('*/api/v1/training/courses/:id/open', ({ request, params }) =>
    step(request, String(params.id), 'OpenForNomination', (c) => !c.partnerOnly && c.has('training.courses.manage')),
  ),
  http.post('*/api/v1/training/courses/:id/start', ({ request, params }) => step(request, String(params.id), 'Running', (c) => c.has('training.sessions.schedule'))),
  http.post('*/api/v1/training/courses/:id/cancel', async ({ request, params }) => {
    const { reason } = (await request.clone().json()) as { reason: string };
    if (!reason?.trim()) return problem(400, { code: 'validation_failed', errors: { reason: ['Say why the course is cancelled.'] } });
    return step(request, String(params.id), 'Cancelled', (c) => !c.partnerOnly && c.has('training.courses.manage'), reason);
  }),
  http.post('*/api/v1/training/courses/:id/decline', async ({ request, params }) => {
    const { reason } = (await request.clone().json()) as { reason: string };
    if (!reason?.trim()) return problem(400, { code: 'validation_failed', errors: { reason: ['Hãy nêu lý do từ chối khóa học.'] } });
    return step(request, String(params.id), 'Cancelled', (c) => c.partnerOnly && c.has('training.partner.work'), `Đối tác từ chối: ${reason.trim()}`);
  }),
  http.post('*/api/v1/training/courses/:id/request-changes', async ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    const { c, course } = found;
    if (!(c.partnerOnly && c.has('training.partner.work'))) return problem(403);
    if (course.status !== 'Proposed') return problem(409, { code: 'course_state' });
    const { request: text } = (await request.json()) as { request: string };
    Object.assign(course, { changesRequested: text.trim(), changesRequestedBy: c.user.fullName, version: course.version + 1 });
    return HttpResponse.json(detail(c, course), { headers: { ETag: `"${course.version}"` } });
  }),
  http.post('*/api/v1/training/courses/:id/sessions', async ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    const body = (await request.json()) as { topic: string; startsAt: string; endsAt: string; room: string; instructorId?: string | null };
    const refused = invalidTimes(body) ?? clash(found.course, body);
    if (refused) return refused;
    const s = session(crypto.randomUUID(), found.course.id, body.topic, body.startsAt, body.endsAt, body.room, body.instructorId ?? null);
    store().sessions.push(s);
    return HttpResponse.json(sessionView(s), { status: 201 });
  }),
  http.put('*/api/v1/training/courses/:id/sessions/:sessionId', async ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    const s = store().sessions.find((x) => x.id === params.sessionId);
    if (!s) return problem(404);
    const body = (await request.json()) as { topic: string; startsAt: string; endsAt: string; room: string; instructorId?: string | null };
    const refused = invalidTimes(body) ?? clash(found.course, body, s.id);
    if (refused) return refused;
    Object.assign(s, body, { sequence: s.sequence + 1, version: s.version + 1 });
    return HttpResponse.json(sessionView(s));
  }),
  http.post('*/api/v1/training/courses/:id/sessions/:sessionId/cancel', ({ request, params }) => {
    const found = find(request, String(params.id));
    if ('error' in found) return found.error;
    const s = store().sessions.find((x) => x.id === params.sessionId)!;
    Object.assign(s, { status: 'Cancelled', sequence: s.sequence + 1, version: s.version + 1 });
    return HttpResponse.json(sessionView(s));
  }),
];
