/** The council screens' paths (kept here so the area owns them). */
export const councilPaths = {
  list: '/participation/councils',
  /** The forming screen, preset with an item and the kind of council (initiatives by default; a research topic's selection or acceptance). */
  create: (itemId?: string, kind?: 'Initiative' | 'TopicSelection' | 'TopicAcceptance' | 'Commendation') => {
    const query = new URLSearchParams();
    if (itemId) query.set('itemId', itemId);
    if (kind && kind !== 'Initiative') query.set('kind', kind);
    const s = query.toString();
    return s ? `/participation/councils/new?${s}` : '/participation/councils/new';
  },
  detail: (id: string) => `/participation/councils/${id}`,
};
