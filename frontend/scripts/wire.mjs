// What a page costs on the wire, measured in Chromium through the DevTools protocol (bytes received per
// request, headers included), and a static server for dist/ that answers like the Host (precompressed copies by
// Accept-Encoding, index.html for client-side routes). Used by check-budget.mjs and tests/perf/web.mjs.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2' };

/** Serves dist/ on a free port of 127.0.0.1; `close()` stops it. */
export function serveDist(dist) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/') path = '/index.html';
    let file = join(dist, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (url.pathname.startsWith('/api/') || extname(path) || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"status":404}');
        return;
      }
      path = '/index.html';
      file = join(dist, path);
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'Accept-Encoding',
    };
    for (const [token, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${token}\\b(?!;q=0(\\.0*)?\\b)`).test(accept) && existsSync(file + ext)) {
        file += ext;
        headers['content-encoding'] = token;
        break;
      }
    }
    headers['content-length'] = statSync(file).size;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () =>
      resolveServer({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

/**
 * Opens `url` in a fresh headless Chromium profile (empty cache), waits until the network is idle, and returns the
 * bytes received: in all, for JavaScript, the URLs asked, and those sent without Content-Encoding.
 */
export async function measurePage(url, { browser: given, prepare } = {}) {
  const browser = given ?? (await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }));
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (prepare) await prepare(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map();
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      requests.set(requestId, { url: response.url, type, encoding: headers['content-encoding'], status: response.status, bytes: 0 });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const r = requests.get(requestId);
      if (r) r.bytes = encodedDataLength;
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator('input[type="password"]').or(page.getByRole('navigation')).first().waitFor();
    await page.waitForLoadState('networkidle');
    const all = [...requests.values()].filter((r) => !r.url.startsWith('data:'));
    const js = all.filter((r) => r.type === 'Script' || /\.m?js(\?|$)/.test(r.url));
    const result = {
      finalUrl: page.url(),
      requests: all.length,
      totalBytes: all.reduce((s, r) => s + r.bytes, 0),
      jsRequests: js.length,
      jsBytes: js.reduce((s, r) => s + r.bytes, 0),
      urls: all.map((r) => r.url),
      uncompressed: all.filter((r) => !r.encoding && r.status === 200 && r.bytes > 1024).map((r) => r.url),
    };
    await context.close();
    return result;
  } finally {
    if (!given) await browser.close();
  }
}
