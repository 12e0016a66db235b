/**
 * The API's attachment rules as the SPA applies them before uploading (the server has the last word: it checks
 * the size and sniffs the content). The one place the limit is written in the SPA.
 */
export const MAX_ATTACHMENT_MB = 20;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024;

/** The types the API recognises by content; the file picker offers these. */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg';
