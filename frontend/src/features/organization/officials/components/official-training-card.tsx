import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/states';
import { formatIsoDate } from '@/lib/format/date';
import { useOfficialTrainings, type OfficialTraining } from '../api/officials';

/** The official's training history: the courses they completed, with partner, date and certificate number. */
export function OfficialTrainingCard({ officialId }: { officialId: string }) {
  const { t } = useTranslation();
  const query = useOfficialTrainings(officialId);
  const label = (key: string) => t(`organization.trainingHistory.${key}`);
  return (
    <Card
      data-testid="official-trainings"
      style={{ marginTop: 16 }}
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {label('title')}
        </Typography.Title>
      }
    >
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<OfficialTraining>
          rowKey="id"
          size="small"
          loading={query.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={query.data ?? []}
          locale={{ emptyText: label('empty') }}
          columns={[
            {
              title: label('course'),
              key: 'course',
              render: (_, r) => (
                <>
                  {r.courseCode} – {r.courseTitle}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t(`organization.trainingHistory.subjects.${r.subject}`, { defaultValue: r.subject })}
                  </Typography.Text>
                </>
              ),
            },
            { title: label('partner'), dataIndex: 'partnerName' },
            { title: label('completedOn'), dataIndex: 'completedOn', render: (d: string) => formatIsoDate(d) },
            { title: label('certificate'), dataIndex: 'certificateNumber', render: (n: string | null) => n ?? '—' },
          ]}
        />
      )}
    </Card>
  );
}
