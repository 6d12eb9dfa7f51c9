import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDateTime, formatFileSize } from './format';

describe('formatCountdown', () => {
  it('shows minutes and seconds left, rounding up so it never shows 0:00 early', () => {
    expect(formatCountdown(30_000)).toBe('0:30');
    expect(formatCountdown(29_001)).toBe('0:30');
    expect(formatCountdown(61_000)).toBe('1:01');
  });

  it('never goes below zero', () => {
    expect(formatCountdown(-5_000)).toBe('0:00');
  });
});

describe('formatDateTime', () => {
  it('writes the moment in the reader\'s locale', () => {
    const iso = '2026-03-04T05:06:00.000Z';
    expect(formatDateTime(iso, 'en')).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)));
    expect(formatDateTime(iso, 'zh-CN')).toContain('2026年3月');
  });

  it('leaves text that is no date as it is', () => {
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('formatFileSize', () => {
  it('uses SI units, as Intl names them', () => {
    expect(formatFileSize(512, 'en')).toBe('512 bytes');
    expect(formatFileSize(1, 'en')).toBe('1 byte');
    expect(formatFileSize(512, 'zh-CN')).toBe('512字节');
    expect(formatFileSize(201_900, 'en')).toBe('201.9 kB');
    expect(formatFileSize(3_500_000, 'en')).toBe('3.5 MB');
  });
});
