import '../strings';
import { App, Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ErrorState } from '@/components/states';
import { dayjs, formatDateTime, toIsoDate } from '@/lib/format/date';
import { useAudit, useDownloadAudit, type AuditEntry } from '../api/audit';
import { AdminSections } from '../components/admin-sections';

const MODULES = ['platform', 'organization', 'training', 'participation', 'finance'] as const;
const FILTERS = ['actor', 'module', 'entityType', 'entityId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];

/** The audit trail across modules, within the caller's scope: who, what, when, which record, old → new; filtered and paged in the URL. */
export function AuditListRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const read = (k: Filter) => params.get(k) ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((k) => [k, read(k)])) as Record<Filter, string | undefined>);
  const applied = Object.fromEntries(FILTERS.map((k) => [k, read(k)]).filter(([, v]) => v));
  const query = useAudit({ page, pageSize: 20, ...applied } as never);
  const download = useDownloadAudit();
  const { message } = App.useApp();

  useEffect(() => {
    document.title = `${t('admin.audit.title')} · ${t('app.name')}`;
  }, [t]);

  const apply = () =>
    setParams(() => {
      const next = new URLSearchParams();
      for (const k of FILTERS) if (draft[k]) next.set(k, draft[k]!);
      return next;
    });
  const date = (k: 'from' | 'to') => (draft[k] ? dayjs(draft[k]) : null);
  const setDate = (k: 'from' | 'to') => (d: Dayjs | null) => setDraft((x) => ({ ...x, [k]: d ? toIsoDate(d) : undefined }));

  return (
    <>
      <AdminSections />
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('admin.audit.title')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t('admin.audit.intro')}</Typography.Paragraph>
        <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
          <Input
            aria-label={t('admin.audit.actor')}
            placeholder={t('admin.audit.actor')}
            value={draft.actor}
            onChange={(e) => setDraft((x) => ({ ...x, actor: e.target.value || undefined }))}
            style={{ flex: '1 1 200px', maxWidth: 280 }}
          />
          <Select
            aria-label={t('admin.audit.module')}
            placeholder={t('admin.audit.module')}
            allowClear
            value={draft.module}
            onChange={(v?: string) => setDraft((x) => ({ ...x, module: v }))}
            options={MODULES.map((m) => ({ value: m, label: m }))}
            style={{ flex: '1 1 140px', maxWidth: 180 }}
          />
          <Input
            aria-label={t('admin.audit.entityType')}
            placeholder={t('admin.audit.entityType')}
            value={draft.entityType}
            onChange={(e) => setDraft((x) => ({ ...x, entityType: e.target.value || undefined }))}
            style={{ flex: '1 1 160px', maxWidth: 220 }}
          />
          <DatePicker aria-label={t('admin.audit.from')} placeholder={t('admin.audit.from')} format="DD/MM/YYYY" value={date('from')} onChange={setDate('from')} />
          <DatePicker aria-label={t('admin.audit.to')} placeholder={t('admin.audit.to')} format="DD/MM/YYYY" value={date('to')} onChange={setDate('to')} />
          <Button type="primary" onClick={apply}>
            {t('admin.audit.filter')}
          </Button>
          {/* The applied filters (those in the URL, as the table shows them), not the ones being typed. */}
          <Button
            onClick={() => download.mutate(applied as never, { onError: () => void message.error(t('states.errorServer')) })}
            loading={download.isPending}
          >
            {t('admin.audit.download')}
          </Button>
        </Flex>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            data-testid="audit-table"
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: t('admin.audit.empty') }}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: 20,
              total: query.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  next.set('page', String(p));
                  return next;
                }),
            }}
            columns={[
              { title: t('admin.audit.when'), dataIndex: 'occurredAt', render: (d: string) => formatDateTime(d) },
              { title: t('admin.audit.who'), dataIndex: 'userEmail', render: (e: string | null) => e ?? '—' },
              { title: t('admin.audit.module'), dataIndex: 'module', responsive: ['md'] },
              {
                title: t('admin.audit.entity'),
                key: 'entity',
                render: (_: unknown, e) => (
                  <>
                    {e.entityType}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {e.entityId}
                    </Typography.Text>
                  </>
                ),
              },
              { title: t('admin.audit.action'), dataIndex: 'action', responsive: ['sm'] },
              {
                title: t('admin.audit.changes'),
                dataIndex: 'changes',
                responsive: ['md'],
                render: (changes: AuditEntry['changes']) => (
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {changes.map((c) => (
                      <li key={c.field}>
                        {c.field}: {c.old ?? '∅'} → {c.new ?? '∅'}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

export { AuditListRoute as Component };
