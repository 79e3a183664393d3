// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { enTranslation, idTranslation } from './bundles';
import id from './id.json';

const slices = import.meta.glob<Record<string, unknown>>('./slices/*.id.json', { eager: true, import: 'default' });

/** Dotted keys of a resource tree, with i18next plural suffixes folded into the base key. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'object' && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe('translations', () => {
  it('keeps each feature slice to its own top-level keys (a slice never hides another text)', () => {
    const trees = [id, ...Object.values(slices)];
    const seen = new Map<string, number>();
    trees.forEach((tree, index) => {
      for (const top of Object.keys(tree)) {
        expect(seen.has(top), `top-level key "${top}" appears twice`).toBe(false);
        seen.set(top, index);
      }
    });
  });

  it('has an English text for every Indonesian one, and no extra', () => {
    const indonesian = new Set(keys(idTranslation));
    const english = new Set(keys(enTranslation));
    expect([...english].filter((key) => !indonesian.has(key))).toEqual([]);
    expect([...indonesian].filter((key) => !english.has(key))).toEqual([]);
  });
});
