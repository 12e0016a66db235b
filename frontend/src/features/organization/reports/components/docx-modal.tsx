import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RECIPIENTS, type DocxOptions } from '../api/synthesis';

/** Asks for what the Decree 30 report carries: its number and symbol, the place, who signs it and its recipients (all optional). */
export function DocxModal({
  open,
  loading,
  onCancel,
  onDownload,
  title,
  recipients = DEFAULT_RECIPIENTS,
}: {
  open: boolean;
  loading: boolean;
  onCancel: () => void;
  onDownload: (options: DocxOptions) => void;
  /** Defaults to the synthesis export's title. */
  title?: string;
  /** The "Nơi nhận" the form starts from; empty lets the API choose its usual list. */
  recipients?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DocxOptions>();
  return (
    <Modal
      open={open}
      title={title ?? t('reports.synthesis.docx.title')}
      okText={t('reports.synthesis.docx.download')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      okButtonProps={{ loading }}
      destroyOnHidden
    >
      <Form<DocxOptions>
        form={form}
        layout="vertical"
        initialValues={{ place: 'Hưng Yên', signerTitle: 'CHỦ TỊCH', recipients }}
        onFinish={(values) => onDownload(values)}
      >
        <Form.Item name="number" label={t('reports.synthesis.docx.number')} extra={t('reports.synthesis.docx.numberHint')}>
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="place" label={t('reports.synthesis.docx.place')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('reports.synthesis.docx.signerTitle')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="signerName" label={t('reports.synthesis.docx.signerName')}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="recipients" label={t('reports.synthesis.docx.recipients')} extra={t('reports.synthesis.docx.recipientsHint')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
