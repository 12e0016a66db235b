/** Permission strings as `/api/v1/me` returns them. */
export const PERMISSIONS = {
  unitsRead: 'organization.units.read',
  unitsManage: 'organization.units.manage',
  officialsManage: 'organization.officials.manage',
  policiesManage: 'organization.policies.manage',
  labourManage: 'organization.labour.manage',
  plansManage: 'organization.plans.manage',
  reportsSubmit: 'organization.reports.submit',
  reportsReview: 'organization.reports.review',
  reportsManage: 'organization.reports.manage',
  trainingRead: 'training.read',
  campaignsManage: 'training.campaigns.manage',
  reachReport: 'training.reach.report',
  coursesManage: 'training.courses.manage',
  nominate: 'training.nominate',
  sessionsSchedule: 'training.sessions.schedule',
  attendanceRecord: 'training.attendance.record',
  partnerWork: 'training.partner.work',
  participationRead: 'participation.read',
  initiativesRead: 'participation.initiatives.read',
  initiativesSubmit: 'participation.initiatives.submit',
  initiativesRecognise: 'participation.initiatives.recognise',
  financeRead: 'finance.read',
  usersManage: 'platform.users.manage',
  auditRead: 'platform.audit.read',
} as const;

export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
