import { useQuery } from '@tanstack/react-query';
import type { UIMatch } from 'react-router-dom';
import type { RouteHandle } from '@/lib/route-handle';
import { api, unwrap } from '@/lib/api/client';
import { topicQueryKey } from '../api/topics';

function TopicCrumb({ id }: { id: string }) {
  const { data } = useQuery({
    queryKey: topicQueryKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/participation/topics/{id}', { params: { path: { id } } })),
  });
  return <>{data?.title ?? '…'}</>;
}

/** The `:topicId` route only names the topic in the breadcrumbs; its children render the screens. */
export const handle: RouteHandle = {
  crumb: (match: UIMatch) => <TopicCrumb id={String(match.params.topicId)} />,
};
