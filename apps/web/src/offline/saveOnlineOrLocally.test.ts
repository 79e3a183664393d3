// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api';
import { saveOnlineOrLocally } from './saveOnlineOrLocally';

describe('saveOnlineOrLocally', () => {
  it('uses the online answer when the server answers', async () => {
    const local = vi.fn(async () => undefined);
    expect(await saveOnlineOrLocally(async () => 'saved', local)).toBe('saved');
    expect(local).not.toHaveBeenCalled();
  });

  it('keeps the change on the phone when the request never reaches the server', async () => {
    const local = vi.fn(async () => undefined);
    const result = await saveOnlineOrLocally(async () => {
      throw new ApiError(0, 'NETWORK_ERROR', 'Network error');
    }, local);
    expect(result).toBeUndefined();
    expect(local).toHaveBeenCalledOnce();
  });

  it('passes a server refusal on instead of queueing a change that would fail again', async () => {
    const local = vi.fn(async () => undefined);
    await expect(
      saveOnlineOrLocally(async () => {
        throw new ApiError(400, 'VALIDATION_FAILED', 'Data tidak valid');
      }, local),
    ).rejects.toThrow('Data tidak valid');
    expect(local).not.toHaveBeenCalled();
  });

  it('goes straight to the phone when the browser knows it is offline', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      const online = vi.fn(async () => 'saved');
      expect(await saveOnlineOrLocally(online, async () => undefined)).toBeUndefined();
      expect(online).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
