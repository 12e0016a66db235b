import '../strings';
import { Button, Checkbox, DatePicker, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ListPage, type ListColumn } from '@/components/list-page/list-page';
import { useListParams } from '@/components/list-page/use-list-params';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTime, formatIsoDate, toIsoDate } from '@/lib/format/date';
import { COURSE_STATUSES, COURSE_SUBJECTS, useCourses, type CourseListItem, type CourseStatus, type CourseSubject, type ListCoursesQuery } from '../api/courses';
import { usePartners } from '../api/partners';
import { CourseStatusTag } from '../components/course-status-tag';
import { coursePaths } from '../paths';

const FILTERS = ['status', 'subject', 'partnerId', 'startsFrom', 'startsTo', 'openToday'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The course catalogue with its filters (in the URL): text, subject, status, partner, open today, start dates. */
export function CourseListRoute() {
  const { t } = useTranslation();
  const canPropose = useHasPermission(PERMISSIONS.coursesManage);
  const { params, update, reset, isFiltered } = useListParams({ defaultSort: 'startsAt', filterKeys: FILTERS });
  const f = params.filters;
  const status = COURSE_STATUSES.includes(f.status as CourseStatus) ? (f.status as CourseStatus) : undefined;
  const subject = COURSE_SUBJECTS.includes(f.subject as CourseSubject) ? (f.subject as CourseSubject) : undefined;
  const startsFrom = f.startsFrom && ISO_DATE.test(f.startsFrom) ? f.startsFrom : undefined;
  const startsTo = f.startsTo && ISO_DATE.test(f.startsTo) ? f.startsTo : undefined;
  const openToday = f.openToday === 'true';
  const query: ListCoursesQuery = {
    page: params.page,
    pageSize: params.pageSize,
    sort: params.sort,
    ...(params.q ? { q: params.q } : {}),
    ...(status ? { status } : {}),
    ...(subject ? { subject } : {}),
    ...(f.partnerId ? { partnerId: f.partnerId } : {}),
    ...(startsFrom ? { startsFrom } : {}),
    ...(startsTo ? { startsTo } : {}),
    ...(openToday ? { openToday: true } : {}),
  };
  const courses = useCourses(query);
  const partners = usePartners({ pageSize: 200 });

  useEffect(() => {
    document.title = `${t('trainingCourses.catalogue.title')} · ${t('app.name')}`;
  }, [t]);

  const columns: ListColumn<CourseListItem>[] = [
    { title: t('trainingCourses.fields.code'), dataIndex: 'code', sortKey: 'code', render: (code: string, c) => <Link to={coursePaths.course(c.id)}>{code}</Link> },
    { title: t('trainingCourses.fields.title'), dataIndex: 'title', sortKey: 'title', render: (v: string) => <span style={{ overflowWrap: 'anywhere' }}>{v}</span> },
    { title: t('trainingCourses.fields.status'), dataIndex: 'status', sortKey: 'status', render: (s: CourseStatus) => <CourseStatusTag status={s} /> },
    { title: t('trainingCourses.fields.partner'), dataIndex: 'partnerName', responsive: ['lg'] },
    {
      title: t('trainingCourses.fields.firstSession'),
      dataIndex: 'firstSessionAt',
      sortKey: 'startsAt',
      responsive: ['md'],
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('trainingCourses.fields.enrolment'),
      key: 'window',
      responsive: ['lg'],
      render: (_: unknown, c) => `${formatIsoDate(c.enrolmentOpensOn)} – ${formatIsoDate(c.enrolmentClosesOn)}`,
    },
    { title: t('trainingCourses.fields.enrolled'), key: 'seats', responsive: ['sm'], render: (_: unknown, c) => `${c.enrolled}/${c.capacity}` },
  ];

  return (
    <ListPage
      title={t('trainingCourses.catalogue.title')}
      intro={t('trainingCourses.catalogue.intro')}
      testId="course-table"
      extra={
        canPropose && (
          <Link to={coursePaths.propose}>
            <Button type="primary" icon={<PlusOutlined />}>
              {t('trainingCourses.catalogue.propose')}
            </Button>
          </Link>
        )
      }
      filters={
        <>
          <Select<CourseStatus>
            allowClear
            aria-label={t('trainingCourses.fields.status')}
            data-testid="filter-status"
            placeholder={t('trainingCourses.catalogue.allStatuses')}
            style={{ width: 200 }}
            value={status}
            onChange={(v) => update({ status: v })}
            options={COURSE_STATUSES.map((s) => ({ value: s, label: t(`trainingCourses.status.${s}`) }))}
          />
          <Select<CourseSubject>
            allowClear
            aria-label={t('trainingCourses.fields.subject')}
            placeholder={t('trainingCourses.catalogue.allSubjects')}
            style={{ width: 200 }}
            value={subject}
            onChange={(v) => update({ subject: v })}
            options={COURSE_SUBJECTS.map((s) => ({ value: s, label: t(`trainingCourses.subject.${s}`) }))}
          />
          {(partners.data?.items.length ?? 0) > 1 && (
            <Select<string>
              allowClear
              aria-label={t('trainingCourses.fields.partner')}
              placeholder={t('trainingCourses.catalogue.allPartners')}
              style={{ width: 240, maxWidth: '100%' }}
              value={f.partnerId}
              onChange={(v) => update({ partnerId: v })}
              options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            aria-label={t('trainingCourses.catalogue.startsBetween')}
            placeholder={[t('trainingCourses.catalogue.startsBetween'), '']}
            value={[startsFrom ? dayjs(startsFrom) : null, startsTo ? dayjs(startsTo) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({
                startsFrom: range?.[0] ? toIsoDate(range[0] as Dayjs) : undefined,
                startsTo: range?.[1] ? toIsoDate(range[1] as Dayjs) : undefined,
              })
            }
          />
          <Checkbox data-testid="filter-open-today" checked={openToday} onChange={(e) => update({ openToday: e.target.checked ? 'true' : undefined })}>
            {t('trainingCourses.catalogue.openToday')}
          </Checkbox>
        </>
      }
      columns={columns}
      rowKey="id"
      query={courses}
      params={params}
      update={update}
      reset={reset}
      isFiltered={isFiltered}
      searchPlaceholder={t('trainingCourses.catalogue.search')}
      emptyText={t('trainingCourses.catalogue.empty')}
    />
  );
}

export { CourseListRoute as Component };
