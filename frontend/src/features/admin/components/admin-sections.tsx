import '../strings';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, type Permission } from '@/config/permissions';
import { SectionTabs } from '@/components/page/section-tabs';
import { adminPaths } from '../paths';

const sections: { key: 'users' | 'clients' | 'webhooks' | 'audit'; to: string; permissions: Permission[] }[] = [
  { key: 'users', to: adminPaths.users, permissions: [PERMISSIONS.usersManage] },
  { key: 'clients', to: adminPaths.clients, permissions: [PERMISSIONS.usersManage] },
  { key: 'webhooks', to: adminPaths.webhooks, permissions: [PERMISSIONS.usersManage] },
  { key: 'audit', to: adminPaths.audit, permissions: [PERMISSIONS.auditRead] },
];

/** The administration sections as tabs above its screens. */
export function AdminSections() {
  const { t } = useTranslation();
  return (
    <SectionTabs
      label={t('admin.sections.label')}
      testIdPrefix="admin-section"
      sections={sections.map((s) => ({ key: s.key, to: s.to, label: t(`admin.sections.${s.key}`), permissions: s.permissions }))}
    />
  );
}
