/** The research-topic screens' paths (kept here so the area owns them). */
export const topicPaths = {
  list: '/participation/topics',
  calls: '/participation/research-calls',
  newCall: '/participation/research-calls/new',
  create: (callId?: string) => (callId ? `/participation/topics/new?callId=${callId}` : '/participation/topics/new'),
  detail: (id: string) => `/participation/topics/${id}`,
  edit: (id: string) => `/participation/topics/${id}/edit`,
};
