import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RemoveAttachmentButton } from '@/components/attachments/remove-attachment-button';
import { ServerErrorAlert } from '@/components/form/server-errors';
import { useDeleteTopicAttachment, type TopicDetail } from '../api/topics';

/**
 * The proposal documents of a topic. While the proposal is a draft its proposer may remove one (after a confirmation),
 * sent with the topic's version; its words then leave the search.
 */
export function TopicAttachments({ topic }: { topic: TopicDetail }) {
  const { t } = useTranslation();
  const remove = useDeleteTopicAttachment();
  const a = (k: string, o: Record<string, unknown> = {}) => t(`topics.attachments.${k}`, o);
  const editable = topic.canPropose && topic.status === 'Draft';
  if (topic.attachments.length === 0) return null;
  return (
    <Card
      data-testid="topic-attachments"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('topics.fields.attachments')}</Typography.Title>}
    >
      <ServerErrorAlert error={remove.error} codeMessages={{ topic_locked: a('locked') }} />
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {topic.attachments.map((x) => (
          <li key={x.id}>
            <Flex align="center" gap={8} wrap>
              <span style={{ overflowWrap: 'anywhere' }}>{x.fileName}</span>
              {editable ? (
                <RemoveAttachmentButton
                  confirm={a('deleteConfirm', { name: x.fileName })}
                  okText={a('delete')}
                  label={a('deleteFile', { name: x.fileName })}
                  removedMessage={a('deleted')}
                  onRemove={() => remove.mutateAsync({ id: topic.id, version: topic.version, attachmentId: x.id })}
                  loading={remove.isPending && remove.variables?.attachmentId === x.id}
                  size="small"
                  testId="delete-topic-attachment"
                />
              ) : null}
            </Flex>
          </li>
        ))}
      </ul>
    </Card>
  );
}
