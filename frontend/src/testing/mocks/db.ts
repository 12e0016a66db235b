// A small in-memory stand-in for the backend, just enough for component tests. Not a fake backend for the browser.
export interface MockUnit {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MockOfficial {
  id: string;
  unitId: string;
  fullName: string;
  position: string;
  phone: string | null;
  email: string | null;
  expertise: string | null;
  politicalTheory: string;
  foreignLanguage: string | null;
  researchMethodsTrained: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MockFocalAssignment {
  id: string;
  unitId: string;
  officialId: string;
  startedOn: string;
  endedOn: string | null;
  assignedBy: string | null;
}

export interface MockUser {
  id: string;
  email: string;
  password: string;
  fullName: string;
  role: string;
  unitCode: string;
  permissions: string[];
  /** Set when an administrator reset the password: the user must choose their own before anything else. */
  mustChangePassword?: boolean;
}

const uid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const seedUnits: [code: string, name: string, kind: string, parent: string | null][] = [
  ['HY', 'Liên đoàn Lao động tỉnh Hưng Yên', 'ProvincialFederation', null],
  ['TPHY', 'Liên đoàn Lao động thành phố Hưng Yên', 'DistrictFederation', 'HY'],
  ['MYHAO', 'Liên đoàn Lao động thị xã Mỹ Hào', 'DistrictFederation', 'HY'],
  ['VANLAM', 'Liên đoàn Lao động huyện Văn Lâm', 'DistrictFederation', 'HY'],
  ['KIMDONG', 'Liên đoàn Lao động huyện Kim Động', 'DistrictFederation', 'HY'],
  ['CDN-GD', 'Công đoàn ngành Giáo dục', 'SectoralUnion', 'HY'],
  ['VL-01', 'Công đoàn cơ sở Công ty TNHH Đông Phát', 'Grassroots', 'VANLAM'],
  ['VL-02', 'Công đoàn cơ sở Trường THCS Như Quỳnh', 'Grassroots', 'VANLAM'],
  ['MH-01', 'Công đoàn cơ sở Công ty CP Dệt may Phố Nối', 'Grassroots', 'MYHAO'],
];

const seedOfficials: [unit: string, fullName: string, position: string][] = [
  ['HY', 'Phạm Minh Tỉnh', 'Trưởng ban Chính sách – Pháp luật'],
  ['VANLAM', 'Đỗ Thị Hằng', 'Phó Chủ tịch'],
  ['VANLAM', 'Lê Văn Đức', 'Uỷ viên Ban Thường vụ'],
  ['MYHAO', 'Nguyễn Thị Thu', 'Phó Chủ tịch'],
  ['MYHAO', 'Vũ Đình Nam', 'Trưởng ban Tổ chức'],
  ['TPHY', 'Hoàng Văn Tâm', 'Chủ tịch'],
  ['KIMDONG', 'Bùi Thị Lan', 'Phó Chủ tịch'],
  ['CDN-GD', 'Trịnh Quốc Việt', 'Phó Chủ tịch'],
];

/** Focal officials in force: Kim Động and Công đoàn ngành Giáo dục have none. */
const seedFocal: [unit: string, official: string, startedOn: string][] = [
  ['VANLAM', 'Đỗ Thị Hằng', '2024-03-01'],
  ['MYHAO', 'Nguyễn Thị Thu', '2024-05-15'],
  ['TPHY', 'Hoàng Văn Tâm', '2025-01-10'],
];

export const ALL_PERMISSIONS = [
  'organization.units.read', 'organization.records.read',
  'organization.units.manage',
  'organization.officials.manage',
  'training.read',
  'participation.read',
  'finance.read',
  'platform.users.manage',
  'platform.audit.read',
];

export function createDb() {
  const units: MockUnit[] = [];
  seedUnits.forEach(([code, name, kind, parent], i) => {
    units.push({
      id: uid(i + 1),
      code,
      name,
      kind,
      parentId: parent ? units.find((u) => u.code === parent)!.id : null,
      address: null,
      phone: null,
      email: null,
      version: 1,
      createdAt: '2025-01-02T03:00:00Z',
      updatedAt: '2025-01-02T03:00:00Z',
    });
  });
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const officials: MockOfficial[] = seedOfficials.map(([unit, fullName, position], i) => ({
    id: uid(201 + i),
    unitId: unitId(unit),
    fullName,
    position,
    phone: null,
    email: null,
    expertise: null,
    politicalTheory: 'Intermediate',
    foreignLanguage: null,
    researchMethodsTrained: false,
    version: 1,
    createdAt: '2025-01-02T03:00:00Z',
    updatedAt: '2025-01-02T03:00:00Z',
  }));
  const focalAssignments: MockFocalAssignment[] = seedFocal.map(([unit, official, startedOn], i) => ({
    id: uid(301 + i),
    unitId: unitId(unit),
    officialId: officials.find((o) => o.fullName === official)!.id,
    startedOn,
    endedOn: null,
    assignedBy: 'admin@hungyen.demo',
  }));
  const users: MockUser[] = [
    {
      id: uid(101),
      email: 'admin@hungyen.demo',
      password: 'Demo@2025!',
      fullName: 'Nguyễn Văn Quản Trị',
      role: 'admin',
      unitCode: 'HY',
      permissions: ALL_PERMISSIONS,
    },
    {
      id: uid(102),
      email: 'canbo.vanlam@hungyen.demo',
      password: 'Demo@2025!',
      fullName: 'Trần Thị Văn Lâm',
      role: 'unit-officer',
      unitCode: 'VANLAM',
      permissions: ['organization.units.read', 'organization.records.read', 'training.read'],
    },
  ];
  return {
    units,
    officials,
    focalAssignments,
    users,
    /** access token → user email */
    accessTokens: new Map<string, string>(),
    /** refresh token → user email */
    refreshTokens: new Map<string, string>(),
    /** The browser's HttpOnly refresh cookie (out of the page's reach; the mock server reads and sets it). */
    refreshCookie: null as string | null,
    counters: { refresh: 0, login: 0 },
    unitByCode: (code: string) => units.find((u) => u.code === code)!,
    officialByName: (fullName: string) => officials.find((o) => o.fullName === fullName)!,
    /** Ids of the unit and everything below it. */
    subtree(rootId: string): Set<string> {
      const ids = new Set([rootId]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const u of units) {
          if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
            ids.add(u.id);
            grew = true;
          }
        }
      }
      return ids;
    },
  };
}

export type MockDb = ReturnType<typeof createDb>;
export const db: { current: MockDb } = { current: createDb() };
