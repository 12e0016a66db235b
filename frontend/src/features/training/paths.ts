/** Paths of the Awareness & Training screens. */
export const trainingPaths = {
  root: '/training',
  campaigns: '/training/campaigns',
  courses: '/training/courses',
  partners: '/training/partners',
  workspace: '/training/workspace',
  myTrainings: '/training/my',
  calendar: '/training/calendar',
} as const;
