import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format/number';
import { COURSE_SUBJECTS, useCourseFundingOptions } from '../api/courses';

/** The fields a course's details have, shared by proposing and editing (server errors map onto these names). */
export const COURSE_FIELDS = [
  'code', 'title', 'subject', 'capacity', 'enrolmentOpensOn', 'enrolmentClosesOn', 'venue', 'fee', 'feePaidBy',
  'fundingAllocationId', 'audience', 'description', 'minAttendancePercent',
] as const;

const FEE_PAYERS = ['Federation', 'NominatingUnit', 'Partner', 'Sponsor', 'Free'] as const;

/**
 * A course's details inside an AntD form (the partner and requesting unit are chosen only when proposing). The
 * funding is picked among the requesting unit's training allocations (#14); a course saved before Finance existed
 * shows the reference typed then, read-only.
 */
export function CourseFormFields({ requestingUnitId, courseId, legacyFundingReference }: {
  requestingUnitId: string | undefined;
  courseId?: string;
  legacyFundingReference?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const funding = useCourseFundingOptions(requestingUnitId, courseId);
  return (
    <>
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
        <Form.Item
          name="fundingAllocationId"
          label={t('trainingCourses.fields.fundingAllocation')}
          extra={
            legacyFundingReference
              ? t('trainingCourses.fields.fundingLegacy', { reference: legacyFundingReference })
              : t('trainingCourses.fields.fundingAllocationHint')
          }
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={funding.isFetching}
            placeholder={t('trainingCourses.fields.fundingNone')}
            notFoundContent={t('trainingCourses.fields.fundingEmpty')}
            data-testid="course-funding"
            options={funding.data?.map((o) => ({
              value: o.id,
              label: `${o.label} · ${o.year} · ${formatNumber(o.amount, i18n.language)} ₫`,
            }))}
          />
        </Form.Item>
        <Form.Item name="assessmentRequired" valuePropName="checked">
          <Checkbox>{t('trainingCourses.fields.assessmentRequired')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('trainingCourses.fields.description')}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
    </>
  );
}
