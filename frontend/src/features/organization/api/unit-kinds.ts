import type { UnitKind } from './get-units';

/** Kinds of union unit, top of the hierarchy first. */
export const UNIT_KINDS = [
  'ProvincialFederation',
  'DistrictFederation',
  'SectoralUnion',
  'CivilServantsUnion',
  'IndustrialZoneUnion',
  'Grassroots',
] as const satisfies readonly UnitKind[];
