// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  buildUrl,
  fieldErrorsFromDetails,
  getCsrfToken,
  setCsrfToken,
  toApiError,
  toFieldPath,
  uploadFile,
} from './api';

describe('toApiError', () => {
  it('keeps the server code, Indonesian message and details', () => {
    const error = toApiError(401, {
      error: { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(error.message).toBe('Nama pengguna atau kata sandi salah.');
    expect(error.isClientError).toBe(false);
  });

  it('falls back to HTTP_ERROR for a body that is not the error shape', () => {
    const error = toApiError(502, '<html>Bad Gateway</html>');
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(502);
    expect(error.isClientError).toBe(true);
  });
});

describe('field errors', () => {
  it('normalises the path styles a validator may use', () => {
    expect(toFieldPath('officers.0.name')).toBe('officers.0.name');
    expect(toFieldPath('officers[1].phone')).toBe('officers.1.phone');
    expect(toFieldPath('/officers/0/name')).toBe('officers.0.name');
    expect(toFieldPath('body.headPhone')).toBe('headPhone');
  });

  it('maps validation details onto form fields, first message wins', () => {
    const error = toApiError(400, {
      error: {
        code: 'VALIDATION_ERROR',
        message: 'Data tidak valid',
        details: [
          { path: 'headPhone', message: 'Nomor HP tidak valid (contoh 081234567890)' },
          { path: 'officers[0].name', message: 'Nama minimal 2 huruf' },
          { path: 'headPhone', message: 'second message' },
          { message: 'no path' },
          'junk',
        ],
      },
    });
    expect(error.fieldErrors).toEqual({
      headPhone: 'Nomor HP tidak valid (contoh 081234567890)',
      'officers.0.name': 'Nama minimal 2 huruf',
    });
  });

  it('gives no field errors when details are not a list', () => {
    expect(fieldErrorsFromDetails({ until: '2026-11-22T10:00:00Z' })).toEqual({});
    expect(fieldErrorsFromDetails(undefined)).toEqual({});
  });
});

describe('buildUrl', () => {
  it('prefixes the API version and leaves out empty parameters', () => {
    expect(buildUrl('/program/villages', { within: '32', cohortYear: undefined, q: '', page: 2, status: null })).toBe(
      '/api/v1/program/villages?within=32&page=2',
    );
    expect(buildUrl('/regions')).toBe('/api/v1/regions');
  });
});

describe('api', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  function stubFetch(response: Response) {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValue(response);
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  }

  it('sends the CSRF token and cookies on writes', async () => {
    setCsrfToken('token-123');
    const fetchMock = stubFetch(new Response(JSON.stringify({ ok: true }), { status: 200 }));
    await expect(api.post('/auth/logout')).resolves.toEqual({ ok: true });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/auth/logout');
    expect(init?.credentials).toBe('include');
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'token-123' });
  });

  it('sends no CSRF token on reads', async () => {
    setCsrfToken('token-123');
    const fetchMock = stubFetch(new Response(JSON.stringify({ items: [] }), { status: 200 }));
    await api.get('/regions');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('throws the server error as an ApiError', async () => {
    stubFetch(
      new Response(
        JSON.stringify({ error: { code: 'VERSION_CONFLICT', message: 'Data sudah diubah pengguna lain.' } }),
        {
          status: 409,
        },
      ),
    );
    await expect(api.patch('/program/villages/3212162004', { version: '1' })).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
      message: 'Data sudah diubah pengguna lain.',
    });
  });

  it('reports a failed connection as NETWORK_ERROR', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/auth/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('deletes with the CSRF token and reads the JSON answer', async () => {
    setCsrfToken('token-123');
    const fetchMock = stubFetch(new Response(JSON.stringify({ id: 'p1', links: [] }), { status: 200 }));
    await expect(api.delete('/people/p1/links/l1')).resolves.toEqual({ id: 'p1', links: [] });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/people/p1/links/l1');
    expect(init?.method).toBe('DELETE');
    expect(init?.credentials).toBe('include');
    expect(init?.body).toBeUndefined();
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'token-123' });
    expect(init?.headers).not.toHaveProperty('content-type');
  });

  it('throws a refused delete as an ApiError', async () => {
    stubFetch(new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Hubungan keluarga tidak ditemukan.' } }), { status: 404 }));
    await expect(api.delete('/people/p1/links/l1')).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('getCsrfToken', () => {
  afterEach(() => setCsrfToken(null));

  it('gives the token last set, null when signed out', () => {
    expect(getCsrfToken()).toBeNull();
    setCsrfToken('token-abc');
    expect(getCsrfToken()).toBe('token-abc');
    setCsrfToken(null);
    expect(getCsrfToken()).toBeNull();
  });
});

/** Enough of XMLHttpRequest to watch what uploadFile sends and to answer it. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  withCredentials = false;
  headers: Record<string, string> = {};
  sent: unknown = undefined;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.sent = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.();
  }
}

describe('uploadFile', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
    FakeXhr.last = null;
  });

  function start(onProgress?: (fraction: number) => void) {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const file = new File(['nama;nik;sex;no_kk\n'], 'penduduk.csv', { type: 'text/csv' });
    const upload = uploadFile<{ id: string }>('/villages/3212162004/people/imports', file, { onProgress });
    const xhr = FakeXhr.last;
    if (!xhr) throw new Error('no request was made');
    return { upload, xhr, file };
  }

  it('posts the file as multipart with the cookie and the CSRF token', async () => {
    setCsrfToken('token-123');
    const { upload, xhr, file } = start();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/villages/3212162004/people/imports');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.headers).toMatchObject({ 'x-csrf-token': 'token-123', accept: 'application/json' });
    expect(xhr.sent).toBeInstanceOf(FormData);
    const sent = (xhr.sent as FormData).get('file');
    expect(sent).toBeInstanceOf(File);
    expect((sent as File).name).toBe('penduduk.csv');
    expect((sent as File).size).toBe(file.size);
    xhr.answer(202, { id: 'job-1' });
    await expect(upload.done).resolves.toEqual({ id: 'job-1' });
  });

  it('sends the token of the session at the time of the upload (a new login brings a new one)', () => {
    setCsrfToken('before');
    const { xhr: first } = start();
    setCsrfToken('after-login');
    const { xhr: second } = start();
    expect(first.headers['x-csrf-token']).toBe('before');
    expect(second.headers['x-csrf-token']).toBe('after-login');
  });

  it('sends no CSRF header without a session', () => {
    const { xhr } = start();
    expect(xhr.headers).not.toHaveProperty('x-csrf-token');
  });

  it('reports progress as a fraction, only when the total is known', () => {
    const onProgress = vi.fn<(fraction: number) => void>();
    const { xhr } = start(onProgress);
    xhr.upload.onprogress?.({ lengthComputable: false, loaded: 10, total: 0 });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 25, total: 100 });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
    expect(onProgress.mock.calls).toEqual([[0.25], [1]]);
  });

  it('turns a refusal into the server\'s ApiError', async () => {
    const { upload, xhr } = start();
    xhr.answer(415, { error: { code: 'FILE_IS_PDF', message: 'Berkas ini PDF, bukan Excel (.xlsx) atau CSV.' } });
    await expect(upload.done).rejects.toMatchObject({ status: 415, code: 'FILE_IS_PDF' });
  });

  it('turns an answer that is not the error shape into HTTP_ERROR', async () => {
    const { upload, xhr } = start();
    xhr.answer(502, '<html>Bad Gateway</html>');
    await expect(upload.done).rejects.toMatchObject({ status: 502, code: 'HTTP_ERROR' });
  });

  it('reports a dropped connection as NETWORK_ERROR', async () => {
    const { upload, xhr } = start();
    xhr.onerror?.();
    await expect(upload.done).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('rejects with an AbortError when cancelled', async () => {
    const { upload, xhr } = start();
    upload.abort();
    expect(xhr.aborted).toBe(true);
    await expect(upload.done).rejects.toMatchObject({ name: 'AbortError' });
  });
});
