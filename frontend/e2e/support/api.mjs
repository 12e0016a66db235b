// Direct API calls for the arrangement of a browser test (what the walk itself does goes through the screens).
import { inflateRawSync } from 'node:zlib';
import { DEMO_PASSWORD } from './browser.mjs';

/**
 * Signs in through the API and answers get/post/put with the bearer token (post takes extra headers, e.g. If-Match); a
 * non-2xx answer throws with its body.
 */
export async function apiSession(baseUrl, email, password = DEMO_PASSWORD) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const call = async (method, path, body, headers = {}) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'accept-language': 'vi', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { get: (path) => call('GET', path), post: (path, body, headers) => call('POST', path, body, headers), put: (path, body, headers) => call('PUT', path, body, headers) };
}

/** One entry of a zip (a .docx or .xlsx), read through the central directory; undefined when absent. */
export function readZipEntry(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? data : inflateRawSync(data);
    }
    at += 46 + skip;
  }
  return undefined;
}

/** The text of a .docx body, one line per paragraph. */
export function docxText(docx) {
  const xml = readZipEntry(docx, 'word/document.xml');
  if (!xml) throw new Error('no word/document.xml in the file');
  return xml
    .toString('utf8')
    .replace(/<w:tab\/>/g, ' ')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}
