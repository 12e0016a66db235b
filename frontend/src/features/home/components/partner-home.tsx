import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format/date';
import { usePartnerCourses } from '../api/home';

type Course = NonNullable<ReturnType<typeof usePartnerCourses>['data']>['proposed'][number];

/** A partner agency's home (#15): its courses, those proposed to it and awaiting its answer first. */
export function PartnerHome() {
  const { t } = useTranslation();
  const query = usePartnerCourses(true);
  const courses = `${paths.training}/courses`;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="partner-home" title={t('partnerHome.title')} extra={<Link to={courses}>{t('memberHome.all')}</Link>}>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : !query.data || (query.data.proposed.length === 0 && query.data.others.length === 0) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('partnerHome.empty')} />
      ) : (
        <>
          {query.data.proposed.length > 0 ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('partnerHome.awaiting', { count: query.data.proposed.length })}
              </Typography.Title>
              <CourseList items={query.data.proposed} testId="partner-awaiting" />
            </>
          ) : null}
          {query.data.others.length > 0 ? (
            <>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('partnerHome.others')}
              </Typography.Title>
              <CourseList items={query.data.others} testId="partner-others" />
            </>
          ) : null}
        </>
      )}
    </Card>
  );
}

function CourseList({ items, testId }: { items: Course[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      data-testid={testId}
      dataSource={items}
      renderItem={(c) => (
        <List.Item key={c.id} style={{ flexWrap: 'wrap', gap: 8 }}>
          <Link to={`${paths.training}/courses/${c.id}`} style={{ overflowWrap: 'anywhere' }}>
            {c.code} – {c.title}
          </Link>
          <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            <Tag>{t(`partnerHome.status.${c.status}`)}</Tag>
            {c.firstSessionAt ? <Typography.Text type="secondary">{t('partnerHome.starts', { date: formatDate(c.firstSessionAt) })}</Typography.Text> : null}
          </span>
        </List.Item>
      )}
    />
  );
}
