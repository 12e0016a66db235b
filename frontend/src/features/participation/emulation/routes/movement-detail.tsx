import '../strings';
import { App, Button, Card, Descriptions, Flex, InputNumber, Popconfirm, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDocumentTitle } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { formatIsoDate } from '@/lib/format/date';
import { useCloseYear, useMovement, type MovementDetail } from '../api/emulation';
import { emulationPaths } from '../paths';

function CloseYear({ movement }: { movement: MovementDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const close = useCloseYear();
  const [year, setYear] = useState<number>(movement.toYear ?? new Date().getFullYear());
  return (
    <>
      <ServerErrorAlert error={close.error} />
      <Flex gap={8} wrap align="center">
        <InputNumber aria-label={t('emulation.fields.year')} min={movement.fromYear} max={movement.toYear ?? 2100} value={year} onChange={(v) => v && setYear(v)} />
        <Popconfirm
          title={t('emulation.closeYearConfirm', { year })}
          onConfirm={() => close.mutate({ id: movement.id, version: movement.version, year }, { onSuccess: () => void message.success(t('emulation.saved')) })}
        >
          <Button danger loading={close.isPending} data-testid="close-year">
            {t('emulation.closeYear')}
          </Button>
        </Popconfirm>
      </Flex>
    </>
  );
}

/** A movement: its period, participants and criteria; the launching unit edits it and closes its years. */
export function MovementDetailRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { movementId } = useParams();
  const movement = useMovement(movementId);
  const m = movement.data;
  useDocumentTitle(m?.name ?? t('emulation.movement'));
  if (movement.isLoading) return <LoadingState />;
  if (movement.error || !m) return <ErrorState error={movement.error} onRetry={() => void movement.refetch()} />;
  const f = (k: string) => t(`emulation.fields.${k}`);
  const years = m.kind === 'Thematic' ? `${formatIsoDate(m.periodFrom)} – ${formatIsoDate(m.periodTo)}` : `${m.fromYear}–${m.toYear ?? ''}`;
  return (
    <Flex vertical gap={16}>
      <Card
        title={<h1 style={{ fontSize: 20, margin: 0, whiteSpace: 'normal' }}>{m.name}</h1>}
        extra={
          m.canManage ? (
            <Button icon={<EditOutlined />} onClick={() => navigate(emulationPaths.editMovement(m.id))} data-testid="edit-movement">
              {t('common.edit')}
            </Button>
          ) : null
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={f('launchingUnit')}>{m.unitName}</Descriptions.Item>
          <Descriptions.Item label={f('kind')}>{t(`emulation.kind.${m.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={f('target')}>{t(`emulation.target.${m.target}`)}</Descriptions.Item>
          <Descriptions.Item label={f('years')}>{years}</Descriptions.Item>
          <Descriptions.Item label={f('deadline')}>{formatIsoDate(m.registrationDeadline)}</Descriptions.Item>
          <Descriptions.Item label={f('participants')}>
            {m.participants === 'Subtree' ? t('emulation.participants.Subtree') : m.chosenUnits.map((u) => u.name).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={f('closedYears')}>
            {m.closedYears.length ? m.closedYears.map((y) => <Tag key={y.year}>{y.year}</Tag>) : t('common.none')}
          </Descriptions.Item>
        </Descriptions>
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Link to={emulationPaths.ranking(m.id, m.toYear ?? undefined)} data-testid="movement-ranking-link">
            {t('emulation.ranking')}
          </Link>
          <Link to={emulationPaths.registrations}>{t('emulation.registrations')}</Link>
        </Flex>
      </Card>
      <Card title={`${f('criteria')} (${f('maxTotal')}: ${m.maxTotal})`}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={m.criteria}
          columns={[
            { title: '#', dataIndex: 'order', width: 40 },
            { title: f('criterion'), dataIndex: 'name' },
            { title: f('maxPoints'), dataIndex: 'maxPoints', align: 'end' },
            { title: f('evidence'), dataIndex: 'evidence', responsive: ['md'] },
          ]}
        />
      </Card>
      {m.canManage ? (
        <Card title={t('emulation.closeYear')}>
          <CloseYear movement={m} />
        </Card>
      ) : null}
    </Flex>
  );
}

export { MovementDetailRoute as Component };
