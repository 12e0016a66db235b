import type { components } from '@/lib/api/schema';

export type UnitKind = components['schemas']['Organization_Contracts_UnitKind'];

/** Kinds of union unit, top of the hierarchy first. */
export const UNIT_KINDS = [
  'ProvincialFederation',
  'DistrictFederation',
  'SectoralUnion',
  'CivilServantsUnion',
  'IndustrialZoneUnion',
  'Grassroots',
] as const satisfies readonly UnitKind[];

/** The upper-level unions: directly above grassroots, each with one KH,CN&ĐMST focal official. */
export const UPPER_LEVEL_KINDS = [
  'DistrictFederation',
  'SectoralUnion',
  'CivilServantsUnion',
  'IndustrialZoneUnion',
] as const satisfies readonly UnitKind[];

export const isUpperLevel = (kind: string) => (UPPER_LEVEL_KINDS as readonly string[]).includes(kind);
