import '../strings';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCreateSubmit } from '@/components/form/use-create-submit';
import { FormPage } from '@/components/page/form-page';
import { useProposeTopic } from '../api/topics';
import { TopicForm } from '../components/topic-form';
import { topicPaths } from '../paths';

/** A unit proposes a topic against an open call (a draft; submitted from its detail screen). */
export function TopicCreateRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const create = useProposeTopic();
  const submit = useCreateSubmit(create, (topic) => topicPaths.detail(topic.id));
  return (
    <FormPage title={t('topics.newTopic')}>
      <TopicForm
        presetCallId={search.get('callId') ?? undefined}
        error={create.error}
        pending={create.isPending}
        onSubmit={submit}
        onCancel={() => navigate(topicPaths.list)}
      />
    </FormPage>
  );
}

export { TopicCreateRoute as Component };
