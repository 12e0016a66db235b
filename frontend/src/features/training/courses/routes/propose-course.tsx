import '../strings';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert, useServerErrors } from '@/components/form/server-errors';
import { useUser } from '@/lib/auth/auth';
import { todayInProvince } from '@/lib/format/date';
import { COURSE_SUBJECTS, proposeCourse, useCourseMutation, type ProposeCourseInput } from '../api/courses';
import { usePartners } from '../api/partners';
import { coursePaths } from '../paths';

const FIELDS = ['partnerId', 'requestingUnitId', 'code', 'title', 'subject', 'capacity', 'enrolmentOpensOn', 'enrolmentClosesOn', 'venue', 'fee', 'feePaidBy', 'audience', 'description', 'minAttendancePercent'] as const;
const FEE_PAYERS = ['Federation', 'NominatingUnit', 'Partner', 'Sponsor', 'Free'] as const;

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

  useEffect(() => {
    document.title = `${t('trainingCourses.propose.title')} · ${t('app.name')}`;
  }, [t]);

  const today = todayInProvince();
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {t('trainingCourses.propose.title')}
        </Typography.Title>
      }
    >
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
        <Form.Item name="code" label={t('trainingCourses.fields.code')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} data-testid="propose-code" />
        </Form.Item>
        <Form.Item name="title" label={t('trainingCourses.fields.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} data-testid="propose-title" />
        </Form.Item>
        <Form.Item name="subject" label={t('trainingCourses.fields.subject')} rules={[{ required: true }]}>
          <Select options={COURSE_SUBJECTS.map((s) => ({ value: s, label: t(`trainingCourses.subject.${s}`) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="enrolmentOpensOn" label={t('trainingCourses.fields.enrolmentOpensOn')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="enrolmentClosesOn" label={t('trainingCourses.fields.enrolmentClosesOn')} rules={[{ required: true }]} style={{ flex: '1 1 200px' }}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="capacity" label={t('trainingCourses.fields.capacity')} rules={[{ required: true }]} style={{ flex: '1 1 120px' }}>
            <InputNumber min={1} max={10000} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="audience" label={t('trainingCourses.fields.audience')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="venue" label={t('trainingCourses.fields.venue')}>
          <Input maxLength={300} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item name="fee" label={t('trainingCourses.fields.fee')} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} step={100000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="feePaidBy" label={t('trainingCourses.fields.feePaidBy')} style={{ flex: '1 1 200px' }}>
            <Select options={FEE_PAYERS.map((p) => ({ value: p, label: t(`trainingCourses.feePayer.${p}`) }))} />
          </Form.Item>
          <Form.Item name="minAttendancePercent" label={t('trainingCourses.fields.minAttendancePercent')} style={{ flex: '1 1 160px' }}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="assessmentRequired" valuePropName="checked">
          <Checkbox>{t('trainingCourses.fields.assessmentRequired')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('trainingCourses.fields.description')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="propose-submit">
          {t('trainingCourses.propose.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export { ProposeCourseRoute as Component };
