import type { PoliticalTheory } from './get-official';

/** Levels of political-theory training, lowest first. */
export const POLITICAL_THEORY_LEVELS = [
  'None',
  'Elementary',
  'Intermediate',
  'Advanced',
  'Bachelor',
] as const satisfies readonly PoliticalTheory[];
