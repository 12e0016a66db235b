import { Button, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The status tag every admin list shows for a user, a client or a webhook. */
export function EnabledTag({ disabled, reason }: { disabled: boolean; reason?: string | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={disabled ? 'default' : 'green'} title={reason ?? undefined}>
      {disabled ? t('admin.common.disabled') : t('admin.common.active')}
    </Tag>
  );
}

/**
 * The one enable/disable action of the admin lists: disabling takes effect at once (a user is signed out, a client's
 * tokens and a webhook's deliveries stop), so it asks first; enabling again does not.
 */
export function EnableToggle({ disabled, onToggle }: { disabled: boolean; onToggle: (disable: boolean) => void }) {
  const { t } = useTranslation();
  if (disabled)
    return (
      <Button size="small" onClick={() => onToggle(false)}>
        {t('admin.common.enable')}
      </Button>
    );
  return (
    <Popconfirm
      title={t('admin.common.confirmDisable')}
      onConfirm={() => onToggle(true)}
      okText={t('admin.common.disable')}
      cancelText={t('admin.common.cancel')}
    >
      <Button size="small" danger>
        {t('admin.common.disable')}
      </Button>
    </Popconfirm>
  );
}
