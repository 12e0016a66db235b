import '../strings';
import { Button, Form, Space } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { FormPage } from '@/components/page/form-page';
import { updateCourse, useCourse, useCourseMutation, type CourseDetail, type UpdateCourseInput } from '../api/courses';
import { COURSE_FIELDS, CourseFormFields } from '../components/course-form-fields';
import { FundingMigration } from '../components/funding-migration';
import { coursePaths } from '../paths';

function EditForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<UpdateCourseInput>();
  const update = useCourseMutation(updateCourse);
  const leftovers = useServerErrors(form, update.error, COURSE_FIELDS);
  return (
    <>
      <ServerErrorAlert error={update.error} leftoverMessages={leftovers} />
      <Form<UpdateCourseInput>
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={course}
        onFinish={(v) => update.mutate({ course, body: v }, { onSuccess: () => navigate(coursePaths.course(course.id)) })}
      >
        <CourseFormFields requestingUnitId={course.requestingUnitId} courseId={course.id} legacyFundingReference={course.fundingReference} />
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="course-edit-submit">
            {t('trainingCourses.edit.submit')}
          </Button>
          <Link to={coursePaths.course(course.id)}>{t('trainingCourses.edit.cancel')}</Link>
        </Space>
      </Form>
    </>
  );
}

/** The coordinator corrects a course's details while it is proposed or confirmed (If-Match: the version read). */
export function EditCourseRoute() {
  const { t } = useTranslation();
  const { courseId = '' } = useParams();
  const query = useCourse(courseId);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;
  return (
    <FormPage title={t('trainingCourses.edit.title')} heading={<>{t('trainingCourses.edit.title')} – {query.data.code}</>}>
      {/* Outside the form: when the migration links this very course, its report stays open while the form below
          starts again from the course as it now is (keyed by version), with the allocation picked. */}
      <FundingMigration offered={!!query.data.fundingReference && !query.data.fundingAllocationId} />
      <EditForm key={query.data.version} course={query.data} />
    </FormPage>
  );
}

export { EditCourseRoute as Component };
