import { trainingPaths } from '../paths';

export const coursePaths = {
  list: trainingPaths.courses,
  propose: `${trainingPaths.courses}/new`,
  course: (id: string) => `${trainingPaths.courses}/${id}`,
  partners: trainingPaths.partners,
  partner: (id: string) => `${trainingPaths.partners}/${id}`,
  workspace: trainingPaths.workspace,
};
