import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission, useUser } from '@/lib/auth/auth';
import { formatDateTime, formatIsoDate } from '@/lib/format/date';
import { useUnitScope } from '@/lib/scope/use-unit-scope';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { UnitTreeSelect } from '@/components/form/unit-tree-select';
import type { PlanDetail } from '../api/plans';
import {
  useImplementationPlan,
  useIssueImplementationPlan,
  useStartImplementationPlan,
  useUpdateDraft,
  type ImplementationPlan,
  type ImplementationRevision,
} from '../api/implementation-plans';
import { ComplianceStatusTag } from './compliance-status-tag';
import { ImplementationFiles } from './implementation-files';
import { IssueForm } from './issue-form';

/**
 * "Our implementation plan": the chosen unit's plan implementing this one — start a draft, edit it, issue it
 * with its number and date, revise it later (every issue kept), and upload the signed document. The unit is
 * the scope picker's, else the user's own unit; it can be changed here.
 */
export function ImplementationPanel({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const user = useUser();
  const { unitId: scopeUnit } = useUnitScope();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const unitId = chosen ?? scopeUnit ?? user.grants[0]?.unitId;
  const tree = useUnitTree();
  const unitName = tree.data?.items.find((u) => u.id === unitId)?.name;

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="implementation-unit">{t('plans.our.unit')}</label>
        <div style={{ minWidth: 320 }}>
          <UnitTreeSelect id="implementation-unit" value={unitId} onChange={setChosen} />
        </div>
      </Flex>
      {!unitId ? null : unitId === plan.unitId ? (
        <Alert type="info" showIcon title={t('plans.our.issuerUnit')} />
      ) : (
        <UnitImplementation key={unitId} plan={plan} unitId={unitId} unitName={unitName} />
      )}
    </Flex>
  );
}

function UnitImplementation({ plan, unitId, unitName }: { plan: PlanDetail; unitId: string; unitName?: string }) {
  const canManage = useHasPermission(PERMISSIONS.plansManage);
  const query = useImplementationPlan(plan.id, unitId);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <StartDraft plan={plan} unitId={unitId} unitName={unitName} canManage={canManage} />;
  return <ImplementationView plan={plan} implementation={query.data.implementation} etag={query.data.etag} canManage={canManage} />;
}

function StartDraft({ plan, unitId, unitName, canManage }: { plan: PlanDetail; unitId: string; unitName?: string; canManage: boolean }) {
  const { t } = useTranslation();
  const start = useStartImplementationPlan();
  const defaultTitle = t('plans.our.defaultTitle', { number: plan.number, unit: unitName ?? '' }).trim();
  return (
    <Card size="small" data-testid="implementation-missing">
      <EmptyState description={t('plans.our.none', { date: formatIsoDate(plan.implementationDeadline) })} />
      {canManage ? (
        <Form<{ title: string }>
          layout="vertical"
          initialValues={{ title: defaultTitle }}
          disabled={start.isPending}
          onFinish={({ title }) => start.mutate({ planId: plan.id, unitId, title: title.trim() })}
          style={{ maxWidth: 720 }}
        >
          <ServerErrorAlert error={start.error} />
          <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="start-draft">
            {t('plans.our.start')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function ImplementationView({
  plan,
  implementation,
  etag,
  canManage,
}: {
  plan: PlanDetail;
  implementation: ImplementationPlan;
  etag: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issue = useIssueImplementationPlan();
  const update = useUpdateDraft();
  const isDraft = implementation.status === 'Draft';
  const ids = { planId: plan.id, unitId: implementation.unitId };
  const none = t('common.none');

  return (
    <Flex vertical gap={16} data-testid="implementation-plan">
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{implementation.unitName}</Typography.Title>}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="implementation-detail">
          <Descriptions.Item label={t('plans.compliance.status')}>
            <ComplianceStatusTag status={implementation.compliance} />
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.deadline')}>{formatIsoDate(implementation.implementationDeadline)}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.title')} span={{ xs: 1, md: 2 }}>
            {implementation.title}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.number')}>{implementation.number ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.issuedOn')}>{implementation.issuedOn ? formatIsoDate(implementation.issuedOn) : none}</Descriptions.Item>
          <Descriptions.Item label={t('plans.our.revisionNo')}>{isDraft ? t('plans.our.draftRevision') : implementation.revisionNo}</Descriptions.Item>
          <Descriptions.Item label={t('plans.our.firstIssuedOn')}>
            {implementation.firstIssuedOn ? formatIsoDate(implementation.firstIssuedOn) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.fields.note')} span={{ xs: 1, md: 2 }}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{implementation.note || none}</div>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {canManage && isDraft ? (
        <Card size="small" title={t('plans.our.editDraft')}>
          <Form<{ title: string; note?: string }>
            layout="vertical"
            initialValues={{ title: implementation.title, note: implementation.note ?? undefined }}
            disabled={update.isPending}
            onFinish={({ title, note }) =>
              update.mutate(
                { ...ids, etag, data: { title: title.trim(), note: note?.trim() || null } },
                { onSuccess: () => void message.success(t('plans.our.saved')) },
              )
            }
            style={{ maxWidth: 720 }}
          >
            <ServerErrorAlert error={update.error} />
            <Form.Item name="title" label={t('plans.fields.title')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
            </Form.Item>
            <Form.Item name="note" label={t('plans.fields.note')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
            <Button htmlType="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      ) : null}

      {canManage ? (
        <Card size="small" title={isDraft ? t('plans.our.issueTitle') : t('plans.our.reviseTitle')}>
          {!isDraft ? (
            <Typography.Paragraph type="secondary">{t('plans.our.reviseHint')}</Typography.Paragraph>
          ) : null}
          <IssueForm
            key={implementation.revisionNo}
            mode={isDraft ? 'issue' : 'revise'}
            submitting={issue.isPending}
            error={issue.error}
            onSubmit={(data) =>
              issue.mutate(
                { ...ids, data, revise: !isDraft },
                { onSuccess: () => void message.success(isDraft ? t('plans.our.issued') : t('plans.our.revised')) },
              )
            }
          />
        </Card>
      ) : null}

      <Card size="small">
        <Flex vertical gap={16}>
          <ImplementationFiles implementation={implementation} etag={etag} canManage={canManage} />
          <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
            {t('plans.our.history')}
          </Typography.Title>
          <Table<ImplementationRevision>
            rowKey="revisionNo"
            size="small"
            data-testid="revision-history"
            dataSource={implementation.revisions}
            pagination={false}
            locale={{ emptyText: <EmptyState description={t('plans.our.noRevisions')} /> }}
            columns={[
              { title: t('plans.our.revisionNo'), dataIndex: 'revisionNo' },
              { title: t('plans.fields.number'), dataIndex: 'number' },
              { title: t('plans.fields.issuedOn'), dataIndex: 'issuedOn', render: (d: string) => formatIsoDate(d) },
              { title: t('plans.fields.note'), dataIndex: 'note', responsive: ['md'], render: (n: string | null) => n ?? none },
              {
                title: t('plans.our.changedBy'),
                dataIndex: 'changedAt',
                responsive: ['lg'],
                render: (at: string, r) => (
                  <>
                    {formatDateTime(at)}
                    {r.changedBy ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {r.changedBy}
                      </Typography.Text>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        </Flex>
      </Card>
    </Flex>
  );
}
