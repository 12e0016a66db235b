/** The commendation screens' paths (kept here so the area owns them). */
export const commendationPaths = {
  list: '/participation/commendations',
  mine: '/participation/my-commendations',
  history: '/participation/commendations/history',
  create: '/participation/commendations/new',
  proposal: (id: string) => `/participation/commendations/${id}`,
  honouring: '/participation/honouring-events',
  newHonouringEvent: '/participation/honouring-events/new',
  honouringEvent: (id: string) => `/participation/honouring-events/${id}`,
};
