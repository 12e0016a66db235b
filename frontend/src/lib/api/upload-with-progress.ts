import { ApiError, NetworkError } from './problem';
import { refreshAccessToken } from './client';
import { session } from '@/lib/auth/session';

const baseUrl = globalThis.location?.origin ?? 'http://localhost';

function send(path: string, file: File, headers: Record<string, string>, token: string | null, onProgress: (percent: number) => void) {
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL(path, baseUrl).toString());
    const lang = globalThis.document?.documentElement.lang;
    if (lang) xhr.setRequestHeader('Accept-Language', lang);
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded * 100) / e.total)));
    };
    xhr.onload = () => {
      const responseHeaders = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) responseHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const body = xhr.status === 204 || xhr.responseText === '' ? null : xhr.responseText;
      resolve(new Response(body, { status: xhr.status, headers: responseHeaders }));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/**
 * A one-file multipart upload (field `file`) that reports how much has been sent: the fetch client cannot, so this
 * uses XMLHttpRequest with the same rules as every call — the bearer token (refreshed before it expires and once
 * more on a 401), the user's language, and any non-2xx answer turned into an ApiError from its problem details.
 */
export async function uploadWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void, headers: Record<string, string> = {}) {
  if (session.needsRefresh() && session.hasSession()) await refreshAccessToken();
  let response = await send(path, file, headers, session.getAccessToken(), onProgress);
  if (response.status === 401 && session.hasSession()) {
    const token = await refreshAccessToken();
    if (token) response = await send(path, file, headers, token, onProgress);
    if (response.status === 401 && session.hasSession()) session.signOut('expired');
  }
  if (!response.ok) throw await ApiError.fromResponse(response);
  return { data: (await response.json()) as T, response };
}
