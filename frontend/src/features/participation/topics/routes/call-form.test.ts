import { describe, expect, it } from 'vitest';
import { toWeights } from './call-form';

describe('toWeights', () => {
  it('turns the percentages of the form into the fractions the API takes (totalling 1)', () => {
    expect(toWeights({ practicalSignificance: 30, applicability: 25, expectedEfficiency: 25, feasibility: 20 }))
      .toEqual({ practicalSignificance: 0.3, applicability: 0.25, expectedEfficiency: 0.25, feasibility: 0.2 });
  });

  it('keeps two decimals of a percentage exact', () => {
    expect(toWeights({ practicalSignificance: 33.33, applicability: 33.33, expectedEfficiency: 33.34, feasibility: 0 }))
      .toEqual({ practicalSignificance: 0.3333, applicability: 0.3333, expectedEfficiency: 0.3334, feasibility: 0 });
  });
});
