import { describe, expect, it } from 'vitest';
import { nameGrams } from './name-grams';

describe('name grams', () => {
  it('lists every one- and two-character substring of a Chinese name once', () => {
    expect(nameGrams('张三丰').sort()).toEqual(['三', '三丰', '丰', '张', '张三'].sort());
    expect(nameGrams('王王')).toEqual(['王', '王王']);
  });

  it('folds case and leaves out grams with white space', () => {
    expect(nameGrams('Li Na').sort()).toEqual(['a', 'i', 'l', 'li', 'n', 'na'].sort());
  });

  it('counts characters, not UTF-16 units', () => {
    expect(nameGrams('𠀋一')).toEqual(['𠀋', '𠀋一', '一']);
  });
});
