import '../strings';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMigrateCourseFunding, type FundingMigrationReport, type FundingMigrationRow } from '../api/courses';

const OUTCOME_COLOR: Record<FundingMigrationRow['outcome'], string> = { Matched: 'green', Ambiguous: 'orange', Unmatched: 'red' };

/**
 * The migration of the old free-text funding references (#14), offered in the form of a course that still has only
 * one: one click links every course whose reference names exactly one allocation of its unit, and the report lists
 * what was linked and what was left, with the reason, for the officer to pick by hand. The button shows while the
 * course is <code>offered</code> the migration; the report stays open after the migration linked the course itself.
 */
export function FundingMigration({ offered }: { offered: boolean }) {
  const { t } = useTranslation();
  const migrate = useMigrateCourseFunding();
  const [report, setReport] = useState<FundingMigrationReport>();
  const run = () => migrate.mutate(undefined, { onSuccess: setReport });
  return (
    <>
      {offered && (
        <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
          <Button size="small" onClick={run} loading={migrate.isPending} data-testid="course-funding-migrate">{t('trainingCourses.fields.fundingMigrate')}</Button>
          <Typography.Text type="secondary">{t('trainingCourses.fields.fundingMigrateHint')}</Typography.Text>
          {migrate.error && <Alert type="error" showIcon message={migrate.error.message} />}
        </Space>
      )}
      <Modal open={!!report} title={t('trainingCourses.fields.fundingMigrationTitle')} onCancel={() => setReport(undefined)} footer={null} width={900}>
        {report && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph data-testid="course-funding-migration-summary">
              {t('trainingCourses.fields.fundingMigrationSummary', { matched: report.matched, ambiguous: report.ambiguous, unmatched: report.unmatched })}
            </Typography.Paragraph>
            <Table<FundingMigrationRow>
              rowKey="courseId" size="small" pagination={false} dataSource={report.rows} data-testid="course-funding-migration-report"
              locale={{ emptyText: t('trainingCourses.fields.fundingMigrationEmpty') }}
              columns={[
                { title: t('trainingCourses.fields.fundingMigrationCourse'), render: (_, r) => `${r.courseCode} · ${r.courseTitle}` },
                { title: t('trainingCourses.fields.fundingMigrationReference'), dataIndex: 'fundingReference' },
                {
                  title: t('trainingCourses.fields.fundingMigrationOutcome'),
                  render: (_, r) => <Tag color={OUTCOME_COLOR[r.outcome]}>{t(`trainingCourses.fields.fundingOutcome_${r.outcome}`)}</Tag>,
                },
                {
                  title: t('trainingCourses.fields.fundingMigrationReason'),
                  render: (_, r) => (
                    <Space direction="vertical" size={0}>
                      <span>{r.allocationLabel ?? r.reason}</span>
                      {r.outcome === 'Ambiguous' && r.candidates.map((c) => <Typography.Text key={c} type="secondary">• {c}</Typography.Text>)}
                    </Space>
                  ),
                },
              ]}
            />
          </Space>
        )}
      </Modal>
    </>
  );
}
