// @vitest-environment node
import { programVillageStatusLabels, roleLabels } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import id from './id.json';

/** Dotted keys of a resource tree, with i18next plural suffixes folded into the base key. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'object' && value !== null ? keys(value, `${path}.`) : [path];
  });
}

describe('translations', () => {
  it('has an English text for every Indonesian one, and no extra', () => {
    const indonesian = new Set(keys({ ...id, role: roleLabels, villageStatus: programVillageStatusLabels }));
    const english = new Set(keys(en));
    expect([...english].filter((key) => !indonesian.has(key))).toEqual([]);
    expect([...indonesian].filter((key) => !english.has(key))).toEqual([]);
  });
});
