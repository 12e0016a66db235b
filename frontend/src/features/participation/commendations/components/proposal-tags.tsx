import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../api/commendations';

const COLORS: Record<ProposalStatus, string> = { Draft: 'default', Submitted: 'processing', Approved: 'success', Refused: 'error' };

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`commendations.status.${status}`)}</Tag>;
}
