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

export interface MockUser {
  id: string;
  email: string;
  password: string;
  fullName: string;
  role: string;
  unitCode: string;
  permissions: string[];
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

export const ALL_PERMISSIONS = [
  'organization.units.read',
  'organization.units.manage',
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
      permissions: ['organization.units.read', 'training.read'],
    },
  ];
  return {
    units,
    users,
    /** access token → user email */
    accessTokens: new Map<string, string>(),
    /** refresh token → user email */
    refreshTokens: new Map<string, string>(),
    counters: { refresh: 0, login: 0 },
    unitByCode: (code: string) => units.find((u) => u.code === code)!,
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
