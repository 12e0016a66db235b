import { App, Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';

export interface RemoveAttachmentButtonProps {
  /** The question, naming the file ("Xoá tệp …?"). */
  confirm: string;
  /** The confirm button's word (and the button's hidden column title where it is used). */
  okText: string;
  /** The icon button's accessible name, naming the file. */
  label: string;
  /** Shown once the file is removed. */
  removedMessage: string;
  /** Removes the file; a failure is the place's to show (its ServerErrorAlert over the list). */
  onRemove: () => Promise<unknown>;
  loading?: boolean;
  /** Small in a plain list (a topic's files), default in a table. */
  size?: 'small' | 'middle';
  /** The button's test id; the confirm button's is the same with `-confirm`. */
  testId: string;
}

/**
 * The remove button of one file in an attachment list (policy, topic, initiative evidence, implementation plan): a
 * danger icon button that asks first, and says so once the file is gone.
 */
export function RemoveAttachmentButton({ confirm, okText, label, removedMessage, onRemove, loading = false, size, testId }: RemoveAttachmentButtonProps) {
  const { message } = App.useApp();
  return (
    <Popconfirm
      title={confirm}
      okText={okText}
      okButtonProps={{ danger: true, ...({ 'data-testid': `${testId}-confirm` } as Record<string, string>) }}
      onConfirm={() => onRemove().then(() => void message.success(removedMessage), () => undefined)}
    >
      <Button danger size={size} icon={<DeleteOutlined />} loading={loading} aria-label={label} data-testid={testId} />
    </Popconfirm>
  );
}
