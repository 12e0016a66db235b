import '../strings';
import { Button, Card, Checkbox, DatePicker, Input, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '@/components/states';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import type { Dayjs } from 'dayjs';
import { formatDateTime, formatIsoDate, toIsoDate } from '@/lib/format/date';
import { COURSE_STATUSES, COURSE_SUBJECTS, useCourses, type CourseListItem, type CourseStatus, type CourseSubject, type ListCoursesQuery } from '../api/courses';
import { usePartners } from '../api/partners';
import { CourseStatusTag } from '../components/course-status-tag';
import { coursePaths } from '../paths';

const PAGE_SIZE = 20;

/** The course catalogue with its filters: text, subject, status, partner, open today, start dates. */
export function CourseListRoute() {
  const { t } = useTranslation();
  const canPropose = useHasPermission(PERMISSIONS.coursesManage);
  const [page, setPage] = useState(1);
  const [filters, setFilters] = useState<Omit<ListCoursesQuery, 'page' | 'pageSize'>>({});
  const query = useCourses({ page, pageSize: PAGE_SIZE, ...filters });
  const partners = usePartners({ pageSize: 200 });

  useEffect(() => {
    document.title = `${t('trainingCourses.catalogue.title')} · ${t('app.name')}`;
  }, [t]);

  const set = (patch: Partial<ListCoursesQuery>) => {
    setPage(1);
    setFilters((f) => {
      const next: Record<string, unknown> = { ...f, ...patch };
      for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k];
      return next as typeof f;
    });
  };

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('trainingCourses.catalogue.title')}
        </Typography.Title>
      }
      extra={
        canPropose && (
          <Link to={coursePaths.propose}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('trainingCourses.catalogue.propose')}
            </Button>
          </Link>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('trainingCourses.catalogue.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('trainingCourses.catalogue.search')}
          aria-label={t('trainingCourses.catalogue.search')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 260, maxWidth: '100%' }}
        />
        <Select<CourseStatus>
          allowClear
          aria-label={t('trainingCourses.fields.status')}
          data-testid="filter-status"
          placeholder={t('trainingCourses.catalogue.allStatuses')}
          style={{ width: 200 }}
          onChange={(v) => set({ status: v })}
          options={COURSE_STATUSES.map((s) => ({ value: s, label: t(`trainingCourses.status.${s}`) }))}
        />
        <Select<CourseSubject>
          allowClear
          aria-label={t('trainingCourses.fields.subject')}
          placeholder={t('trainingCourses.catalogue.allSubjects')}
          style={{ width: 200 }}
          onChange={(v) => set({ subject: v })}
          options={COURSE_SUBJECTS.map((s) => ({ value: s, label: t(`trainingCourses.subject.${s}`) }))}
        />
        {(partners.data?.items.length ?? 0) > 1 && (
          <Select<string>
            allowClear
            aria-label={t('trainingCourses.fields.partner')}
            placeholder={t('trainingCourses.catalogue.allPartners')}
            style={{ width: 240, maxWidth: '100%' }}
            onChange={(v) => set({ partnerId: v })}
            options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))}
          />
        )}
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('trainingCourses.catalogue.startsBetween')}
          placeholder={[t('trainingCourses.catalogue.startsBetween'), '']}
          onChange={(range) =>
            set({
              startsFrom: range?.[0] ? toIsoDate(range[0] as Dayjs) : undefined,
              startsTo: range?.[1] ? toIsoDate(range[1] as Dayjs) : undefined,
            })
          }
        />
        <Checkbox data-testid="filter-open-today" onChange={(e) => set({ openToday: e.target.checked || undefined })}>
          {t('trainingCourses.catalogue.openToday')}
        </Checkbox>
      </Space>
      <Table<CourseListItem>
        rowKey="id"
        data-testid="course-table"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        tableLayout="auto"
        pagination={
          (query.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: query.data?.total, showSizeChanger: false, onChange: setPage }
            : false
        }
        locale={{ emptyText: <EmptyState description={t('trainingCourses.catalogue.empty')} /> }}
        columns={[
          { title: t('trainingCourses.fields.code'), dataIndex: 'code', render: (code: string, c) => <Link to={coursePaths.course(c.id)}>{code}</Link> },
          { title: t('trainingCourses.fields.title'), dataIndex: 'title', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
          { title: t('trainingCourses.fields.status'), dataIndex: 'status', render: (s: CourseStatus) => <CourseStatusTag status={s} /> },
          { title: t('trainingCourses.fields.partner'), dataIndex: 'partnerName', responsive: ['lg'] },
          { title: t('trainingCourses.fields.firstSession'), dataIndex: 'firstSessionAt', responsive: ['md'], render: (v: string | null) => formatDateTime(v) },
          {
            title: t('trainingCourses.fields.enrolment'),
            key: 'window',
            responsive: ['lg'],
            render: (_: unknown, c) => `${formatIsoDate(c.enrolmentOpensOn)} – ${formatIsoDate(c.enrolmentClosesOn)}`,
          },
          { title: t('trainingCourses.fields.enrolled'), key: 'seats', responsive: ['sm'], render: (_: unknown, c) => `${c.enrolled}/${c.capacity}` },
        ]}
      />
    </Card>
  );
}

export { CourseListRoute as Component };
