import '../strings';
import { Button, Card, Col, Descriptions, Flex, Row, Table, Tabs, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { decreeThirtyDate, formatIsoDate } from '@/lib/format/date';
import { useUnitTree } from '@/lib/scope/unit-tree';
import { useScopedPath } from '@/lib/scope/use-unit-scope';
import { usePlan, type PlanDetail, type PlanIndicator } from '../api/plans';
import { ImplementationPanel } from '../components/implementation-panel';
import { PlanCompliance } from '../components/plan-compliance';
import { planPaths } from '../paths';

const TABS = ['content', 'compliance', 'ours'] as const;
type Tab = (typeof TABS)[number];

/** The plan's heading in the spirit of Decree 30/2020: issuing body and number left, national motto and place/date right. */
function PlanHeading({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const date =
    i18n.language === 'vi' ? decreeThirtyDate(plan.issuedOn) : formatIsoDate(plan.issuedOn);
  return (
    <Row gutter={[16, 8]} style={{ textAlign: 'center' }} data-testid="plan-heading">
      <Col xs={24} md={10}>
        <Typography.Text strong style={{ display: 'block', textTransform: 'uppercase' }}>
          {plan.issuerName}
        </Typography.Text>
        <Typography.Text>{t('plans.heading.number', { number: plan.number })}</Typography.Text>
      </Col>
      <Col xs={24} md={14}>
        <Typography.Text strong style={{ display: 'block' }}>
          {t('plans.heading.motto')}
        </Typography.Text>
        <Typography.Text strong style={{ display: 'block' }}>
          {t('plans.heading.mottoLine')}
        </Typography.Text>
        <Typography.Text italic>{t('plans.heading.date', { date })}</Typography.Text>
      </Col>
      <Col span={24}>
        <Typography.Title level={1} style={{ fontSize: 20, margin: '12px 0 4px' }}>
          {t('plans.heading.kind')}
        </Typography.Title>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {plan.title}
        </Typography.Text>
      </Col>
    </Row>
  );
}

function PlanContent({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const none = t('common.none');
  return (
    <Flex vertical gap={16}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="plan-detail">
        <Descriptions.Item label={t('plans.fields.implements')} span={{ xs: 1, md: 2 }}>
          {plan.implements || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.period')}>{`${plan.periodFrom} – ${plan.periodTo}`}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.deadline')}>{formatIsoDate(plan.implementationDeadline)}</Descriptions.Item>
        <Descriptions.Item label={t('plans.fields.summary')} span={{ xs: 1, md: 2 }}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{plan.summary || none}</div>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('plans.sections')}
      </Typography.Title>
      {plan.sections.map((section) => (
        <Card key={section.code} size="small" title={`${section.code}. ${section.title}`} data-testid="plan-section" styles={{ title: { whiteSpace: 'normal' } }}>
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={section.tasks}
            columns={[
              { title: t('plans.task.code'), dataIndex: 'code', width: 90 },
              { title: t('plans.task.text'), dataIndex: 'text' },
              { title: t('plans.task.board'), dataIndex: 'responsibleBoard', responsive: ['md'], render: (b: string | null) => b ?? none },
              { title: t('plans.task.due'), dataIndex: 'due', responsive: ['lg'], render: (d: string | null) => d ?? none },
            ]}
          />
        </Card>
      ))}
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('plans.indicators')}
      </Typography.Title>
      <Table<PlanIndicator>
        rowKey="code"
        size="small"
        pagination={false}
        data-testid="plan-indicators"
        dataSource={plan.indicators}
        columns={[
          { title: t('plans.indicator.code'), dataIndex: 'code', width: 90 },
          { title: t('plans.indicator.name'), dataIndex: 'name' },
          {
            title: t('plans.indicator.target'),
            dataIndex: 'target',
            align: 'end',
            render: (v: number, i) => `${number.format(v)} ${i.unitOfMeasure}`,
          },
          { title: t('plans.indicator.note'), dataIndex: 'note', responsive: ['md'], render: (n: string | null) => n ?? none },
        ]}
      />
    </Flex>
  );
}

export function PlanDetailRoute() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'content';
  const query = usePlan(planId);
  const plan = query.data;
  const navigate = useNavigate();
  const scoped = useScopedPath();
  // Only the issuing unit's managers change a plan: a district reads the province's plan but does not edit it.
  const units = useUnitTree();
  const canEdit = useHasPermission(PERMISSIONS.plansManage) && !!plan && !!units.data?.items.some((u) => u.id === plan.unitId);

  useEffect(() => {
    if (plan) document.title = `${plan.number} · ${t('app.name')}`;
  }, [plan, t]);

  if (query.isPending) return <LoadingState />;
  if (query.isError || !plan) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Card>
      {canEdit ? (
        <Flex justify="end" style={{ marginBottom: 8 }}>
          <Button icon={<EditOutlined />} onClick={() => navigate(scoped(planPaths.edit(plan.id)))} data-testid="edit-plan">
            {t('common.edit')}
          </Button>
        </Flex>
      ) : null}
      <PlanHeading plan={plan} />
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('tab', key);
              next.delete('status');
              return next;
            },
            { replace: true },
          )
        }
        destroyOnHidden
        items={[
          { key: 'content', label: t('plans.tabs.content'), children: <PlanContent plan={plan} /> },
          { key: 'compliance', label: t('plans.tabs.compliance'), children: <PlanCompliance planId={plan.id} /> },
          { key: 'ours', label: t('plans.tabs.ours'), children: <ImplementationPanel plan={plan} /> },
        ]}
      />
    </Card>
  );
}

export { PlanDetailRoute as Component };
