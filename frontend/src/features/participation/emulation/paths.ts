/** The emulation screens' paths (kept here so the area owns them). */
export const emulationPaths = {
  movements: '/participation/emulation/movements',
  newMovement: '/participation/emulation/movements/new',
  movement: (id: string) => `/participation/emulation/movements/${id}`,
  editMovement: (id: string) => `/participation/emulation/movements/${id}/edit`,
  clusters: '/participation/emulation/clusters',
  registrations: '/participation/emulation/registrations',
  newRegistration: '/participation/emulation/registrations/new',
  registration: (id: string) => `/participation/emulation/registrations/${id}`,
  ranking: (movementId?: string, year?: number) =>
    `/participation/emulation/ranking${movementId ? `?movementId=${movementId}${year ? `&year=${year}` : ''}` : ''}`,
};
