import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleResultView } from '../api/commendations';

/** Each rule of the form for one nominee: passed or not, why, and the article it encodes (Vietnamese texts from the server). */
export function RuleTable({ rules, testId }: { rules: RuleResultView[]; testId: string }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`commendations.fields.${k}`);
  return (
    <Table<RuleResultView>
      size="small"
      pagination={false}
      rowKey="code"
      dataSource={rules}
      data-testid={testId}
      columns={[
        { title: f('rule'), dataIndex: 'name' },
        {
          title: f('result'), dataIndex: 'passed',
          render: (p: boolean, r) => (
            <>
              <Tag color={p ? 'success' : 'error'} data-testid={`${testId}-${r.code}`}>{p ? t('commendations.passed') : t('commendations.failed')}</Tag> {r.detail}
            </>
          ),
        },
        { title: f('legalBasis'), dataIndex: 'legalBasis', responsive: ['md'] },
      ]}
    />
  );
}

export function EligibilitySummary({ eligible }: { eligible: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={eligible ? 'success' : 'warning'}
      showIcon
      message={eligible ? t('commendations.allEligible') : t('commendations.notAllEligible')}
      data-testid="eligibility-summary"
    />
  );
}

export function NomineeRules({ name, rules, index }: { name: string; rules: RuleResultView[]; index: number }) {
  return (
    <Card size="small" title={name} style={{ marginTop: 8 }}>
      <RuleTable rules={rules} testId={`rules-${index}`} />
    </Card>
  );
}
