// Arrangement of the commendation walks through the API: Văn Lâm proposes officials of Lạc Hồng for the provincial
// federation's Giấy khen, the province's emulation council votes them through and the province decides each with a
// numbered decision.
import { DEMO_PASSWORD } from './browser.mjs';
import { apiSession } from './api.mjs';
import { provinceDay } from './topics.mjs';

const unitId = async (session, code) => (await session.get(`/api/v1/organization/units?q=${code}&pageSize=200`)).items.find((u) => u.code === code).id;

/**
 * One decided Giấy khen per name in `names` (each a new official of Lạc Hồng), all voted on by one four-seat council of
 * the province. Returns the council's id and, per name, the proposal id and its decision number.
 */
export async function decidedCommendations(baseUrl, { tag, names }) {
  const admin = await apiSession(baseUrl, 'admin@hungyen.demo');
  const policyLaw = await apiSession(baseUrl, 'cspl@hungyen.demo');
  const officer = await apiSession(baseUrl, 'canbo.vanlam@hungyen.demo');
  const [root, vanLam, lacHong] = await Promise.all(['HY', 'VANLAM', 'VANLAM-DETMAYLACHONG'].map((code) => unitId(admin, code)));
  const official = (session, unit, fullName, email, position) =>
    session.post('/api/v1/organization/officials', { unitId: unit, fullName, position, email, politicalTheory: 'Elementary', researchMethodsTrained: false });
  const year = Number(provinceDay().slice(0, 4));

  const proposals = [];
  for (const [n, name] of names.entries()) {
    const person = await official(officer, lacHong, name, `gk.${tag}.${n}@lachong.demo`, 'Công nhân');
    const draft = await officer.post('/api/v1/participation/commendations/proposals', {
      unitId: vanLam, year, formCode: 'GK-LDLD', achievements: 'Tích cực tham gia phong trào sáng kiến', nominees: [{ officialId: person.id }],
    }, { 'idempotency-key': `gk-${tag}-${n}` });
    const submitted = await officer.post(`/api/v1/participation/commendations/proposals/${draft.id}/submit`, {}, { 'if-match': `"${draft.version}"` });
    proposals.push({ id: submitted.id, name });
  }

  const seats = [];
  for (const [n, role] of ['Chair', 'ViceChair', 'Secretary', 'Expert'].entries()) {
    const email = `tdkt.${tag}.${n}@hungyen.demo`;
    const fullName = `Ủy viên thi đua ${tag} ${n + 1}`;
    const o = await official(admin, root, fullName, email, 'Ủy viên Hội đồng');
    await admin.post('/api/v1/admin/users', { email, fullName, password: DEMO_PASSWORD, grants: [{ role: 'council-member', unitId: root }] });
    seats.push({ email, role, officialId: o.id });
  }
  const council = await policyLaw.post('/api/v1/participation/councils', {
    name: `Hội đồng Thi đua – Khen thưởng ${tag}`, itemKind: 'Commendation', itemIds: proposals.map((p) => p.id),
    members: seats.map((s) => ({ officialId: s.officialId, role: s.role })),
  }, { 'idempotency-key': `tdkt-${tag}` });
  for (const s of seats) {
    const member = await apiSession(baseUrl, s.email);
    for (const p of proposals) await member.put(`/api/v1/participation/councils/${council.id}/items/${p.id}/vote`, { agree: true, comment: 'Đồng ý' });
  }
  await (await apiSession(baseUrl, seats[2].email)).post(`/api/v1/participation/councils/${council.id}/close`, {
    decisionNumber: `${tag}/BB-HĐTĐKT`, decisionDate: provinceDay(),
  });

  for (const [n, p] of proposals.entries()) {
    const current = await policyLaw.get(`/api/v1/participation/commendations/proposals/${p.id}`);
    p.decisionNumber = `${tag}${n}/QĐ-LĐLĐ`;
    await policyLaw.post(`/api/v1/participation/commendations/proposals/${p.id}/approve`, {
      decisionNumber: p.decisionNumber, decisionDate: provinceDay(), issuer: 'Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên',
    }, { 'if-match': `"${current.version}"` });
  }
  return { root, councilId: council.id, proposals };
}
