/** The read-only "structure as of a day" page; `date` is yyyy-MM-dd. */
export const unitAsOfPath = (date?: string) => `/organization/as-of${date ? `?date=${date}` : ''}`;
