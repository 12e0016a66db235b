import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { paths } from '@/config/paths';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import type { AuditEntry } from '../api/unit-audit';
import { useUnitVersions, type UnitVersion } from '../api/unit-versions';
import { CURRENT_TAG_STYLE, UnitStatusTag } from './unit-history-status-tag';

export type VersionChange = 'established' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve' | 'other';

/** What changed from the version before (the list is newest first); the oldest is where the record starts. */
export function versionChanges(versions: readonly UnitVersion[], index: number): VersionChange[] {
  const version = versions[index]!;
  const before = versions[index + 1];
  if (!before) return ['established'];
  const changes: VersionChange[] = [];
  if (version.status !== before.status)
    changes.push(
      version.status === 'Merged' ? 'merge' : version.status === 'Split' ? 'split' : version.status === 'Dissolved' ? 'dissolve' : 'other',
    );
  // A merge (or split) re-parents the unit under its successor: that move is part of it.
  else if ((version.parentId ?? null) !== (before.parentId ?? null)) changes.push('move');
  if (version.name !== before.name) changes.push('rename');
  return changes.length ? changes : ['other'];
}

const same = (a: unknown, b: unknown) => String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

/**
 * Who recorded a version, from the change log (when the caller may read it): the newest audit entry that set
 * the version's status, parent or name. The history itself keeps the effective day, not the author.
 */
function recordedBy(version: UnitVersion, changes: VersionChange[], audit: readonly AuditEntry[] | undefined) {
  if (!audit) return undefined;
  const field = changes.includes('merge') || changes.includes('split') || changes.includes('dissolve') ? 'status' : changes.includes('move') ? 'parentId' : 'name';
  const expected = field === 'status' ? version.status : field === 'parentId' ? version.parentId : version.name;
  return audit.find((entry) => entry.changes.some((c) => same(c.field, field) && same(c.new, expected)));
}

/** The unit's effective-dated versions as a table, newest first: period, name, parent, status and the change. */
export function UnitHistoryVersions({ unitId, audit }: { unitId: string; audit?: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const scoped = useScopedPath();
  const versions = useUnitVersions(unitId);
  const none = t('common.none');
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const rows = (versions.data ?? []).map((version, index, all) => {
    const changes = versionChanges(all, index);
    return { key: `${version.validFrom}-${index}`, version, changes, by: recordedBy(version, changes, index < all.length - 1 ? audit : undefined) };
  });
  type Row = (typeof rows)[number];
  return (
    <Table<Row>
      data-testid="unit-versions"
      rowKey="key"
      size="small"
      loading={versions.isPending}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: <EmptyState description={t('organization.unitHistory.noVersions')} /> }}
      columns={[
        {
          title: t('organization.unitHistory.validFrom'),
          key: 'from',
          render: (_, { version }) => formatIsoDate(version.validFrom),
        },
        {
          title: t('organization.unitHistory.validTo'),
          key: 'to',
          render: (_, { version }) =>
            version.validTo ? formatIsoDate(version.validTo) : <Tag style={CURRENT_TAG_STYLE}>{t('organization.unitHistory.current')}</Tag>,
        },
        {
          title: t('organization.unitHistory.change'),
          key: 'change',
          render: (_, { changes }) =>
            changes.map((c) => <Tag key={c}>{t(`organization.unitHistory.kinds.${c}`)}</Tag>),
        },
        { title: t('organization.fields.name'), key: 'name', render: (_, { version }) => version.name },
        {
          title: t('organization.fields.parent'),
          key: 'parent',
          responsive: ['md'],
          render: (_, { version }) => version.parentName ?? none,
        },
        {
          title: t('organization.unitHistory.status'),
          key: 'status',
          render: (_, { version }) => (
            <>
              <UnitStatusTag status={version.status} />
              {version.status === 'Split' && version.successors?.length ? (
                <div data-testid="split-successors">
                  <Typography.Text type="secondary">{t('organization.unitHistory.successors')}: </Typography.Text>
                  {version.successors.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 ? ', ' : null}
                      <Link to={scoped(paths.unit(s.id))}>{s.name}</Link>
                      {s.receivesRecords ? ` (${t('organization.unitHistory.receivesRecords')})` : null}
                    </span>
                  ))}
                </div>
              ) : version.successorId ? (
                <div>
                  <Typography.Text type="secondary">{t('organization.unitHistory.successor')}: </Typography.Text>
                  <Link to={scoped(paths.unit(version.successorId))}>{version.parentName ?? version.successorId}</Link>
                </div>
              ) : null}
            </>
          ),
        },
        ...(audit
          ? [
              {
                title: t('organization.unitHistory.who'),
                key: 'who',
                responsive: ['lg' as const],
                render: (_: unknown, { by }: Row) =>
                  by ? (
                    <>
                      <div>{by.userEmail ?? none}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(by.occurredAt)}
                      </Typography.Text>
                    </>
                  ) : (
                    none
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
