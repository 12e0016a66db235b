// Arrangement of the research-topic walks through the API: a call of the province, a Lạc Hồng topic proposed and
// submitted, a four-seat selection council that selects it, and its contract — which commits its budget to Finance
// (TopicFundingCommitted → an obligation "to be funded" of the province).
import { DEMO_PASSWORD } from './browser.mjs';
import { apiSession } from './api.mjs';

const LAC_HONG = 'VANLAM-DETMAYLACHONG';

/** A day in the province as the API takes it (YYYY-MM-DD), `days` from today. */
export function provinceDay(days = 0) {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
}

/** Waits (polling, never a fixed sleep) until `probe` answers something truthy; fails after `timeoutMs`. */
export async function eventually(probe, because, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${because}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const unitId = async (session, code) => (await session.get(`/api/v1/organization/units?q=${code}&pageSize=200`)).items.find((u) => u.code === code).id;

/** A step of a topic or council sent with the record's version as If-Match. */
const step = (session, path, version, body = {}) => session.post(path, body, { 'if-match': `"${version}"` });

/**
 * A contracted topic of Lạc Hồng under a new call of the province, with its budget by source
 * (`budget`: [{ source, amount }]). Returns the topic as the API reads it after the contract.
 */
export async function contractedTopic(baseUrl, { title, contractNumber, budget, tag }) {
  const admin = await apiSession(baseUrl, 'admin@hungyen.demo');
  const policyLaw = await apiSession(baseUrl, 'cspl@hungyen.demo');
  const officer = await apiSession(baseUrl, 'canbo.vanlam@hungyen.demo');
  const root = await unitId(admin, 'HY');
  const lacHong = await unitId(officer, LAC_HONG);
  const official = (session, unit, fullName, email) =>
    session.post('/api/v1/organization/officials', { unitId: unit, fullName, position: 'Kỹ sư', email, politicalTheory: 'Elementary', researchMethodsTrained: false });

  const deadline = provinceDay(20);
  const call = await policyLaw.post('/api/v1/participation/research-calls', {
    unitId: root, kind: 'Order', year: Number(deadline.slice(0, 4)), title: `Đặt hàng đề tài ${tag}`, field: 'An toàn lao động',
    themes: 'Giảm tai nạn lao động', deadline, budgetCeiling: 200_000_000,
  }, { 'idempotency-key': `call-${tag}` });
  const lead = await official(officer, lacHong, `Chủ nhiệm đề tài ${tag}`, `cn.${tag}@hungyen.demo`);
  const member = await official(officer, lacHong, `Thành viên đề tài ${tag}`);
  const draft = await officer.post('/api/v1/participation/topics', {
    callId: call.id, unitId: lacHong, title, field: 'An toàn lao động', leadOfficialId: lead.id, memberOfficialIds: [member.id],
    objectives: 'Giảm tai nạn lao động trên dây chuyền', expectedProducts: 'Báo cáo; quy trình', durationMonths: 12,
    budgetLines: budget.map((b, n) => ({ source: b.source, item: `Khoản ${n + 1}`, amount: b.amount })),
  }, { 'idempotency-key': `topic-${tag}` });
  const submitted = await step(officer, `/api/v1/participation/topics/${draft.id}/submit`, draft.version);

  // Four province officials who can sign in to score: chair, vice-chair, secretary, expert (a topic council needs no union representative).
  const seats = [];
  for (const [n, role] of ['Chair', 'ViceChair', 'Secretary', 'Expert'].entries()) {
    const email = `hddt.${tag}.${n}@hungyen.demo`;
    const fullName = `Thành viên HĐ tuyển chọn ${tag} ${n + 1}`;
    const o = await official(admin, root, fullName, email);
    await admin.post('/api/v1/admin/users', { email, fullName, password: DEMO_PASSWORD, grants: [{ role: 'council-member', unitId: root }] });
    seats.push({ email, role, officialId: o.id });
  }
  const council = await policyLaw.post('/api/v1/participation/councils', {
    name: `Hội đồng tuyển chọn ${tag}`, itemKind: 'TopicSelection', itemIds: [submitted.id],
    members: seats.map((s) => ({ officialId: s.officialId, role: s.role })),
  }, { 'idempotency-key': `council-${tag}` });
  const findings = ['PracticalSignificance', 'Applicability', 'ExpectedEfficiency', 'Feasibility'].map((criterion) => ({ criterion, met: true, points: 8 }));
  for (const s of seats)
    await (await apiSession(baseUrl, s.email)).put(`/api/v1/participation/councils/${council.id}/items/${submitted.id}/score`, { comment: 'Đề nghị tuyển chọn', findings });
  await (await apiSession(baseUrl, seats[2].email)).post(`/api/v1/participation/councils/${council.id}/close`, { decisionNumber: `${tag}/QĐ-LĐLĐ`, decisionDate: provinceDay() });

  const selected = await policyLaw.get(`/api/v1/participation/topics/${submitted.id}`);
  if (selected.status !== 'Selected') throw new Error(`the council did not select the topic: ${selected.status}`);
  return step(policyLaw, `/api/v1/participation/topics/${selected.id}/contract`, selected.version, {
    contractNumber, contractDate: provinceDay(), startDate: provinceDay(), endDate: provinceDay(360),
    milestones: [{ title: 'Khảo sát thực trạng', deliverable: 'Báo cáo khảo sát', dueDate: provinceDay(90) }],
  });
}
