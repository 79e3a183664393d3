import { ApiError } from '../lib/api';

/** The request never reached the server (no signal, server unreachable): the case offline work handles. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR';
}
