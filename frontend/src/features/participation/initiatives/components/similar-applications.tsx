import { Alert, Card, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format/date';
import { useSimilarInitiatives, type InitiativeDetail } from '../api/initiatives';
import { initiativePaths } from '../paths';
import { InitiativeStatusTag } from './status-tag';

/**
 * The reviewer's duplicate check (#12): the same unit's applications with the same title, or a nearly same title or
 * problem + solution, compared without diacritics. Only the recognising unit's deciders and the council ask; for
 * anyone else the server says 403 and nothing is shown.
 */
export function SimilarApplications({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const reviewing = initiative.status !== 'Draft' && (initiative.canDecide || (!!initiative.council && !initiative.canFile));
  const query = useSimilarInitiatives(initiative.id, reviewing);
  if (!reviewing || !query.data) return null;
  const label = (key: string, options: Record<string, unknown> = {}) => t(`initiatives.similar.${key}`, options);
  return (
    <Card title={label('title')} data-testid="similar-applications">
      {query.data.length === 0 ? (
        <Typography.Text type="secondary">{label('none')}</Typography.Text>
      ) : (
        <>
          <Alert type="warning" showIcon title={label('warning', { count: query.data.length })} style={{ marginBottom: 12 }} />
          <List
            size="small"
            dataSource={query.data}
            renderItem={(s) => (
              <List.Item data-testid={`similar-${s.id}`}>
                <List.Item.Meta
                  title={<Link to={initiativePaths.detail(s.id)}>{s.title}</Link>}
                  description={
                    <>
                      <InitiativeStatusTag status={s.status} /> {label(`reason.${s.reason}`, { percent: s.similarityPercent })}
                      {s.certificateNumber ? ` · ${label('certificate', { number: s.certificateNumber })}` : ''}
                      {s.submittedAt ? ` · ${label('submitted', { at: formatDateTime(s.submittedAt) })}` : ''}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
