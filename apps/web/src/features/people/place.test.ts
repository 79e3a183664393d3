// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatPlace } from './place';

describe('formatPlace', () => {
  it('writes the dusun, then RT/RW the way addresses are written in a village', () => {
    expect(formatPlace({ dusun: 'Kenanga Lor', rt: '001', rw: '002' })).toBe('Kenanga Lor, RT 001/RW 002');
  });

  it('leaves out what is not known', () => {
    expect(formatPlace({ dusun: null, rt: '004', rw: null })).toBe('RT 004');
    expect(formatPlace({ dusun: 'Blok Mangga', rt: null, rw: null })).toBe('Blok Mangga');
    expect(formatPlace({ dusun: null, rt: null, rw: null })).toBe('');
  });
});
