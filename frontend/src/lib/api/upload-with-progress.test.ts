import { ApiError } from './problem';
import { uploadWithProgress } from './upload-with-progress';

/** A stand-in XMLHttpRequest: reports half the body sent, then answers `status` with `body`. */
function fakeXhr(status: number, body: string, contentType = 'application/json') {
  const sent: { url?: string; headers: Record<string, string> } = { headers: {} };
  class FakeXhr {
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    responseText = '';
    open(_method: string, url: string) {
      sent.url = url;
    }
    setRequestHeader(name: string, value: string) {
      sent.headers[name] = value;
    }
    getAllResponseHeaders() {
      return `content-type: ${contentType}\r\netag: "3"\r\n`;
    }
    send() {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 512, total: 1024 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1024, total: 1024 });
      this.status = status;
      this.responseText = body;
      this.onload?.();
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('uploadWithProgress', () => {
  it('reports the share sent and answers the JSON with the response headers', async () => {
    const sent = fakeXhr(201, JSON.stringify({ id: 'x', attachments: [] }));
    const seen: number[] = [];
    const { data, response } = await uploadWithProgress<{ id: string }>('/api/v1/things/x/attachments', new File(['%PDF'], 'a.pdf'), (p) => seen.push(p), {
      'Idempotency-Key': 'k1',
    });
    expect(seen).toEqual([50, 100]);
    expect(data.id).toBe('x');
    expect(response.headers.get('ETag')).toBe('"3"');
    expect(sent.url).toMatch(/\/api\/v1\/things\/x\/attachments$/);
    expect(sent.headers['Idempotency-Key']).toBe('k1');
  });

  it('turns a refusal into an ApiError with the field messages', async () => {
    fakeXhr(400, JSON.stringify({ status: 400, errors: { file: ['Tệp không phải là PDF, DOCX, XLSX, PNG hoặc JPEG.'] } }), 'application/problem+json');
    const error = await uploadWithProgress('/api/v1/things/x/attachments', new File(['MZ'], 'a.pdf'), () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors.file).toEqual(['Tệp không phải là PDF, DOCX, XLSX, PNG hoặc JPEG.']);
  });
});
