import '../strings';
import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AttachmentList } from '@/components/attachments/attachment-list';
import { AddToCalendar } from '@/components/calendar/add-to-calendar';
import { EmptyState, ErrorState, LoadingState } from '@/components/states';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { PERMISSIONS } from '@/config/permissions';
import { useHasPermission } from '@/lib/auth/auth';
import { formatIsoDate } from '@/lib/format/date';
import { foldForSearch } from '@/lib/text/normalize';
import {
  addInstructor,
  downloadAgreement,
  uploadAgreement,
  linkMember,
  unlinkMember,
  updatePartner,
  usePartner,
  usePartnerMutation,
  type InstructorView,
  type PartnerDetail,
  type PartnerInput,
} from '../api/partners';
import { PartnerForm } from '../components/partner-form';
import { SimpleList } from '../components/simple-list';

/** The signed agreement's file (one per agency, a new upload replaces it): the coordinator uploads it, whoever sees the agency downloads it. */
function Agreement({ partner, canManage }: { partner: PartnerDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const upload = usePartnerMutation((file: File) => uploadAgreement(partner.id, file));
  const file = partner.agreementFile;
  return (
    <Card size="small" title={t('trainingCourses.partners.agreementFile')} data-testid="partner-agreement">
      <AttachmentList
        items={file ? [{ ...file, id: 'agreement' }] : []}
        empty={t('trainingCourses.partners.noAgreementFile')}
        onUpload={canManage ? (f) => upload.mutateAsync(f) : undefined}
        uploading={upload.isPending}
        uploadLabel={t('trainingCourses.partners.uploadAgreement')}
        onDownload={(f) => downloadAgreement(partner.id, f.fileName)}
      />
    </Card>
  );
}

function Members({ partner, canManage }: { partner: PartnerDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string }>();
  const link = usePartnerMutation((email: string) => linkMember(partner.id, email));
  const unlink = usePartnerMutation((userId: string) => unlinkMember(partner.id, userId));
  return (
    <Card size="small" title={t('trainingCourses.partners.members')}>
      <SimpleList
        items={partner.members}
        empty={t('trainingCourses.partners.noMembers')}
        rowKey={(m) => m.userId}
        render={(m) => (
          <>
            <Typography.Text strong>{m.fullName}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{m.email}</Typography.Text>
            </div>
          </>
        )}
        actions={
          canManage
            ? (m) => (
                <Popconfirm title={t('trainingCourses.partners.unlink')} onConfirm={() => unlink.mutate(m.userId)}>
                  <Button size="small" type="link" danger>
                    {t('trainingCourses.partners.unlink')}
                  </Button>
                </Popconfirm>
              )
            : undefined
        }
      />
      {canManage && (
        <>
          <ServerErrorAlert error={link.error} />
          <Form form={form} layout="inline" onFinish={(v) => link.mutate(v.email.trim(), { onSuccess: () => form.resetFields() })} style={{ rowGap: 8 }}>
            <Form.Item name="email" rules={[{ required: true, type: 'email' }]}>
              <Input placeholder={t('trainingCourses.partners.linkEmail')} aria-label={t('trainingCourses.partners.linkEmail')} style={{ width: 260, maxWidth: '100%' }} />
            </Form.Item>
            <Button htmlType="submit" loading={link.isPending}>
              {t('trainingCourses.partners.link')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function Instructors({ partner, canEdit }: { partner: PartnerDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ fullName: string; email?: string; expertise?: string }>();
  const add = usePartnerMutation((v: { fullName: string; email?: string; expertise?: string }) =>
    addInstructor(partner.id, { fullName: v.fullName, email: v.email || null, expertise: v.expertise || null }),
  );
  return (
    <Card size="small" title={t('trainingCourses.partners.instructors')}>
      <Table<InstructorView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={partner.instructors}
        locale={{ emptyText: <EmptyState description={t('trainingCourses.partners.noInstructors')} /> }}
        columns={[
          { title: t('trainingCourses.partners.instructorName'), dataIndex: 'fullName' },
          { title: t('trainingCourses.partners.expertise'), dataIndex: 'expertise', responsive: ['sm'] },
          { title: t('trainingCourses.partners.instructorEmail'), dataIndex: 'email', responsive: ['md'] },
        ]}
      />
      {canEdit && (
        <>
          <ServerErrorAlert error={add.error} />
          <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => add.mutate(v, { onSuccess: () => form.resetFields() })}>
            <Form.Item name="fullName" rules={[{ required: true, whitespace: true }]}>
              <Input placeholder={t('trainingCourses.partners.instructorName')} aria-label={t('trainingCourses.partners.instructorName')} />
            </Form.Item>
            <Form.Item name="expertise">
              <Input placeholder={t('trainingCourses.partners.expertise')} aria-label={t('trainingCourses.partners.expertise')} />
            </Form.Item>
            <Form.Item name="email" rules={[{ type: 'email' }]}>
              <Input placeholder={t('trainingCourses.partners.instructorEmail')} aria-label={t('trainingCourses.partners.instructorEmail')} />
            </Form.Item>
            <Button htmlType="submit" loading={add.isPending}>
              {t('trainingCourses.partners.addInstructor')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/** A partner agency: its agreement, its staff accounts (the coordinator links them) and its instructors. */
export function PartnerDetailRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { partnerId } = useParams();
  const query = usePartner(partnerId);
  const canManage = useHasPermission(PERMISSIONS.coursesManage);
  const isPartner = useHasPermission(PERMISSIONS.partnerWork);
  const [editing, setEditing] = useState(false);
  const update = usePartnerMutation((v: PartnerInput) => updatePartner(query.data!, v));
  const partner = query.data;

  useEffect(() => {
    if (partner) document.title = `${partner.name} · ${t('app.name')}`;
  }, [partner, t]);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!partner) return <LoadingState />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>
            {partner.name}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            <AddToCalendar target={{ kind: 'partner', id: partner.id }} fileName={`lich-${foldForSearch(partner.name).replace(/[^a-z0-9]+/g, '-')}.ics`} />
            {canManage && <Button onClick={() => setEditing(true)}>{t('trainingCourses.partners.edit')}</Button>}
          </Space>
        }
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'kind', label: t('trainingCourses.partners.kind'), children: t(`trainingCourses.partners.kinds.${partner.kind}`) },
            { key: 'contact', label: t('trainingCourses.partners.contactName'), children: partner.contactName ?? '—' },
            { key: 'email', label: t('trainingCourses.partners.contactEmail'), children: partner.contactEmail ?? '—' },
            { key: 'phone', label: t('trainingCourses.partners.contactPhone'), children: partner.contactPhone ?? '—' },
            { key: 'agreement', label: t('trainingCourses.partners.agreementNumber'), children: partner.agreementNumber ?? '—' },
            {
              key: 'validity',
              label: t('trainingCourses.partners.agreementValidUntil'),
              children: `${formatIsoDate(partner.agreementSignedOn)} – ${formatIsoDate(partner.agreementValidUntil)}`,
            },
          ]}
        />
      </Card>
      <Agreement partner={partner} canManage={canManage} />
      <Members partner={partner} canManage={canManage} />
      <Instructors partner={partner} canEdit={canManage || isPartner} />
      <PartnerForm
        open={editing}
        partner={partner}
        saving={update.isPending}
        error={update.error}
        onClose={() => {
          setEditing(false);
          update.reset();
        }}
        onSubmit={(v) =>
          update.mutate(v, {
            onSuccess: () => {
              setEditing(false);
              void message.success(t('trainingCourses.detail.saved'));
            },
          })
        }
      />
    </Space>
  );
}

export { PartnerDetailRoute as Component };
