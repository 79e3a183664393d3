/**
 * Client for the Desmigratif API: same-origin JSON, session cookie, CSRF header on writes, one error type.
 * `api.*` for JSON, `uploadFile` for a file with upload progress, `getCsrfToken` for anything else that writes.
 */

export interface FieldIssue {
  path: string;
  message: string;
}

/** Codes made up here, for failures that never reached the server's error shape. */
const clientErrorCodes: readonly string[] = ['NETWORK_ERROR', 'HTTP_ERROR'];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation problems keyed by form field path (`officers.0.name`). */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsFromDetails(this.details);
  }

  get isClientError(): boolean {
    return clientErrorCodes.includes(this.code);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return isRecord(value) && typeof value.path === 'string' && typeof value.message === 'string';
}

/** `body.officers[0].name`, `/officers/0/name` and `officers.0.name` all name the same form field. */
export function toFieldPath(path: string): string {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^body\./, '');
}

/** The first message per field from a validation error's `details`. */
export function fieldErrorsFromDetails(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const issue of details) {
    if (!isFieldIssue(issue)) continue;
    const path = toFieldPath(issue.path);
    if (path && !(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** Turns a failed response (status and parsed body, if any) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(status, error.code, error.message, error.details);
  }
  return new ApiError(status, 'HTTP_ERROR', `HTTP ${status}`);
}

let csrfToken: string | null = null;

/** Set from the login and `me` responses; sent with every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token as last set (null when signed out), for a write made outside this module. */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Adds the query string, leaving out empty values. */
export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  return parseJson(await response.text());
}

const networkError = () => new ApiError(0, 'NETWORK_ERROR', 'Network error');

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'include',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError();
  }

  const body = await readJson(response);
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, { body }),
};

export interface Upload<T> {
  /** The server's answer; rejects with an ApiError, or a DOMException named AbortError after `abort()`. */
  done: Promise<T>;
  abort: () => void;
}

export interface UploadOptions {
  /** Called with 0…1 as the file goes up (not called when the browser cannot tell the total). */
  onProgress?: (fraction: number) => void;
  /** The multipart field the server reads the file from. */
  field?: string;
  query?: QueryParams;
}

/**
 * POSTs one file as multipart/form-data, with the session cookie and CSRF header, reporting how much has gone up:
 * fetch cannot tell upload progress, XMLHttpRequest can. Failures are the same ApiError as every other request.
 */
export function uploadFile<T>(path: string, file: Blob, options: UploadOptions = {}): Upload<T> {
  const { onProgress, field = 'file', query } = options;
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', buildUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (onProgress && event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    if (file instanceof File) form.append(field, file, file.name);
    else form.append(field, file);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
