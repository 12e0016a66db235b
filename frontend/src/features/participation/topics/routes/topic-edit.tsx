import '../strings';
import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { FormPage } from '@/components/page/form-page';
import { ErrorState, LoadingState } from '@/components/states';
import { useTopic, useUpdateTopic } from '../api/topics';
import { TopicForm } from '../components/topic-form';
import { topicPaths } from '../paths';

/** Changes a draft proposal (If-Match with its version: 412 when someone changed it meanwhile). */
export function TopicEditRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { topicId = '' } = useParams();
  const query = useTopic(topicId);
  const update = useUpdateTopic();
  if (query.isPending) return <LoadingState />;
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const topic = query.data;
  return (
    <FormPage title={t('topics.editTopic')}>
      <TopicForm
        topic={topic}
        error={update.error}
        pending={update.isPending}
        onSubmit={({ callId: _callId, unitId: _unitId, ...data }) =>
          update.mutate({ id: topic.id, version: topic.version, data }, {
            onSuccess: () => { void message.success(t('topics.actions.done')); navigate(topicPaths.detail(topic.id)); },
          })
        }
        onCancel={() => navigate(topicPaths.detail(topic.id))}
      />
    </FormPage>
  );
}

export { TopicEditRoute as Component };
