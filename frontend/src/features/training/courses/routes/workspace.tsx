import '../strings';
import { Alert, App, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { api, unwrap } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format/date';
import { runCourseStep, useCourseMutation, useCourses, type CourseListItem } from '../api/courses';
import { usePartners } from '../api/partners';
import { CourseStatusTag } from '../components/course-status-tag';
import { SimpleList } from '../components/simple-list';
import { coursePaths } from '../paths';

/** Confirms with the course's current version (the list does not carry it). */
async function confirmCourse(id: string) {
  const course = await unwrap(api.GET('/api/v1/training/courses/{id}', { params: { path: { id } } }));
  return runCourseStep(course, 'confirm');
}

/** The partner's own workspace: their agency, its courses by state, confirm and schedule actions. */
export function WorkspaceRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const partners = usePartners({ pageSize: 5 });
  const courses = useCourses({ pageSize: 200, sort: 'code' });
  const confirm = useCourseMutation(confirmCourse);

  useEffect(() => {
    document.title = `${t('trainingCourses.workspace.title')} · ${t('app.name')}`;
  }, [t]);

  if (partners.isError) return <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />;
  if (courses.isError) return <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />;
  if (!partners.data || !courses.data) return <LoadingState />;
  const agency = partners.data.items.length === 1 ? partners.data.items[0] : undefined;
  const items = courses.data.items;
  const groups: { key: string; courses: CourseListItem[]; action?: (c: CourseListItem) => React.ReactNode }[] = [
    {
      key: 'toConfirm',
      courses: items.filter((c) => c.status === 'Proposed'),
      action: (c) => (
        <Button
          type="primary"
          size="small"
          data-testid={`workspace-confirm-${c.code}`}
          loading={confirm.isPending && confirm.variables === c.id}
          onClick={() => confirm.mutate(c.id, { onSuccess: () => void message.success(t('trainingCourses.detail.saved')) })}
        >
          {t('trainingCourses.actions.confirm')}
        </Button>
      ),
    },
    {
      key: 'toSchedule',
      courses: items.filter((c) => c.status === 'Confirmed'),
      action: (c) => (
        <Link to={coursePaths.course(c.id)} data-testid={`workspace-schedule-${c.code}`}>
          {t('trainingCourses.workspace.schedule')}
        </Link>
      ),
    },
    { key: 'inProgress', courses: items.filter((c) => c.status === 'OpenForNomination' || c.status === 'Running') },
    { key: 'closed', courses: items.filter((c) => c.status === 'Completed' || c.status === 'Cancelled') },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {t('trainingCourses.workspace.title')}
            {agency ? ` – ${agency.name}` : ''}
          </Typography.Title>
        }
        extra={agency && <Link to={coursePaths.partner(agency.id)}>{t('trainingCourses.partners.instructors')}</Link>}
      >
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('trainingCourses.workspace.intro')}
        </Typography.Paragraph>
        {!agency && <Alert type="info" showIcon title={t('trainingCourses.workspace.notLinked')} style={{ marginTop: 12 }} />}
        <ServerErrorAlert error={confirm.error} />
      </Card>
      <Row gutter={[16, 16]}>
        {groups.map((g) => (
          <Col key={g.key} xs={24} lg={12}>
            <Card size="small" title={`${t(`trainingCourses.workspace.${g.key}`)} (${g.courses.length})`} data-testid={`workspace-${g.key}`}>
              <SimpleList
                items={g.courses}
                empty={t('trainingCourses.workspace.none')}
                rowKey={(c) => c.id}
                actions={g.action}
                render={(c) => (
                  <>
                    <Link to={coursePaths.course(c.id)} style={{ overflowWrap: 'anywhere' }}>
                      {c.code} – {c.title}
                    </Link>
                    <div>
                      <Space wrap size={4}>
                        <CourseStatusTag status={c.status} />
                        {c.firstSessionAt && <span>{formatDateTime(c.firstSessionAt)}</span>}
                      </Space>
                    </div>
                  </>
                )}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  );
}

export { WorkspaceRoute as Component };
