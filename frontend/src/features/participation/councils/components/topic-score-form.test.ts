import { describe, expect, it } from 'vitest';
import { weightedScore } from './topic-score-form';

const weights = [
  { criterion: 'PracticalSignificance', weight: 0.3 },
  { criterion: 'Applicability', weight: 0.25 },
  { criterion: 'ExpectedEfficiency', weight: 0.25 },
  { criterion: 'Feasibility', weight: 0.2 },
] as const;

describe('weightedScore', () => {
  it('sums weight × points (DT-2024.1) and waits for every criterion', () => {
    expect(weightedScore(weights, { PracticalSignificance: 9, Applicability: 8, ExpectedEfficiency: 8, Feasibility: 7 })?.toFixed(2)).toBe('8.10');
    expect(weightedScore(weights, { PracticalSignificance: 9, Applicability: 8 })).toBeNull();
  });
});
