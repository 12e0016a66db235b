import '../strings';
import { Button, Form, Select } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { useUser } from '@/lib/auth/auth';
import { todayInProvince } from '@/lib/format/date';
import { FormPage } from '@/components/page/form-page';
import { proposeCourse, useCourseMutation, type ProposeCourseInput } from '../api/courses';
import { COURSE_FIELDS, CourseFormFields } from '../components/course-form-fields';
import { usePartners } from '../api/partners';
import { coursePaths } from '../paths';

const FIELDS = ['partnerId', 'requestingUnitId', ...COURSE_FIELDS] as const;

/** The coordinator proposes a course to a partner agency for a unit in their scope. */
export function ProposeCourseRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useUser();
  const [form] = Form.useForm<ProposeCourseInput>();
  const partners = usePartners({ pageSize: 200 });
  const propose = useCourseMutation(proposeCourse);
  const leftovers = useServerErrors(form, propose.error, FIELDS);
  const units = [...new Map(user.grants.map((g) => [g.unitId, g])).values()];
  const requestingUnitId = Form.useWatch('requestingUnitId', form) ?? units[0]?.unitId;

  const today = todayInProvince();
  return (
    <FormPage title={t('trainingCourses.propose.title')}>
      <ServerErrorAlert error={propose.error} leftoverMessages={leftovers} />
      <Form<ProposeCourseInput>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{
          requestingUnitId: units[0]?.unitId,
          subject: 'ResearchMethods',
          capacity: 30,
          fee: 0,
          feePaidBy: 'Federation',
          minAttendancePercent: 80,
          assessmentRequired: false,
          enrolmentOpensOn: today.format('YYYY-MM-DD'),
          enrolmentClosesOn: today.add(14, 'day').format('YYYY-MM-DD'),
        }}
        onFinish={(v) => propose.mutate(v, { onSuccess: (c) => navigate(coursePaths.course(c.id)) })}
      >
        <Form.Item name="partnerId" label={t('trainingCourses.fields.partner')} rules={[{ required: true }]}>
          <Select data-testid="propose-partner" options={partners.data?.items.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="requestingUnitId" label={t('trainingCourses.fields.requestingUnit')} rules={[{ required: true }]} extra={t('trainingCourses.propose.requestingUnitHint')}>
          <Select options={units.map((g) => ({ value: g.unitId, label: g.unitName }))} />
        </Form.Item>
        <CourseFormFields requestingUnitId={requestingUnitId} />
        <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="propose-submit">
          {t('trainingCourses.propose.submit')}
        </Button>
      </Form>
    </FormPage>
  );
}

export { ProposeCourseRoute as Component };
