import '../strings';
import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A secret shown this once, with a copy button; the modal closes only by saying it was saved. */
export function SecretModal({
  open,
  clientId,
  secret,
  secretLabel,
  title,
  onceText,
  onClose,
}: {
  open: boolean;
  clientId?: string;
  secret?: string;
  secretLabel: string;
  /** What is shown, when it is not a secret of a client or webhook (e.g. a temporary password). */
  title?: string;
  onceText?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title ?? t('admin.secret.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('admin.secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={onceText ?? t('admin.secret.once')} style={{ marginBottom: 12 }} />
      <Descriptions column={1} size="small" bordered>
        {clientId && (
          <Descriptions.Item label={t('admin.secret.clientId')}>
            <Typography.Text copyable={{ tooltips: [t('admin.common.copy'), t('admin.common.copied')] }} code data-testid="secret-client-id">
              {clientId}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={secretLabel}>
          <Typography.Text
            copyable={{ tooltips: [t('admin.common.copy'), t('admin.common.copied')] }}
            code
            style={{ wordBreak: 'break-all' }}
            data-testid="secret-value"
          >
            {secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
