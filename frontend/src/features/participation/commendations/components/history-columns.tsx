import { Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from '@/components/list-page/list-page';
import { formatIsoDate } from '@/lib/format/date';
import { downloadCommendationDecision, type CommendationHistoryItem } from '../api/commendations';

/** Downloads one decision (.docx); the honouree may, even without reading the proposal. */
function DecisionButton({ item }: { item: CommendationHistoryItem }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={busy}
      aria-label={`${t('commendations.downloadDecision')} ${item.decisionNumber ?? ''}`}
      data-testid={`download-decision-${item.decisionNumber ?? item.proposalId}`}
      onClick={() => {
        setBusy(true);
        void downloadCommendationDecision(item.proposalId)
          .catch(() => undefined)
          .finally(() => setBusy(false));
      }}
    >
      .docx
    </Button>
  );
}

/** The columns of a commendation history: who, the form and year, the decision, the prize, the decision document. */
export function useHistoryColumns(showName: boolean): ListColumn<CommendationHistoryItem>[] {
  const { t } = useTranslation();
  const f = (k: string) => t(`commendations.fields.${k}`);
  const money = new Intl.NumberFormat('vi-VN');
  return [
    ...(showName ? [{ title: f('nominee'), dataIndex: 'name' } as ListColumn<CommendationHistoryItem>] : []),
    { title: f('form'), dataIndex: 'formName' },
    { title: f('year'), dataIndex: 'year' },
    {
      title: f('decisionNumber'), dataIndex: 'decisionNumber',
      render: (n: string | null, r) => (n ? `${n} (${formatIsoDate(r.decisionDate ?? '')})` : ''),
    },
    { title: f('decidedBy'), dataIndex: 'decidingUnitName', responsive: ['lg'] },
    { title: f('prize'), dataIndex: 'prize', align: 'end', responsive: ['md'], render: (v: number | null) => (v == null ? '' : money.format(v)) },
    { title: t('commendations.decision'), key: 'docx', render: (_: unknown, r) => <DecisionButton item={r} /> },
  ];
}
