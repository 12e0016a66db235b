import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../api/emulation';

const COLOR: Record<RegistrationStatus, string> = { Registered: 'default', SelfScored: 'blue', Reviewed: 'green' };

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`emulation.status.${status}`)}</Tag>;
}

export function LateTag({ late }: { late: boolean }) {
  const { t } = useTranslation();
  return late ? <Tag color="orange">{t('emulation.late')}</Tag> : <Tag>{t('emulation.onTime')}</Tag>;
}

/** A registration the user's unit reviews as its cluster's leader (outside the user's own units). */
export function ClusterLedTag() {
  const { t } = useTranslation();
  return <Tag color="purple">{t('emulation.clusterLed')}</Tag>;
}
