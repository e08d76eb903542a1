import { display } from '@atlassian-mcp/core';

// The display helpers every product plugin's views use (they were copied in Jira, Confluence and
// Service Management, and core's local-files prompts).
describe('display helpers', () => {
  it('shortTime: minutes in UTC, dates and unparseable text as given', () => {
    expect(display.shortTime('2026-11-25T09:10:42.123+0100')).toBe('2026-11-25 08:10Z');
    expect(display.shortTime('2026-11-25')).toBe('2026-11-25');
    expect(display.shortTime('yesterday')).toBe('yesterday');
    expect(display.shortTime(undefined)).toBeUndefined();
    expect(display.shortTime('')).toBeUndefined();
  });

  it('fileSize: bytes, rounded kilobytes, megabytes with one decimal', () => {
    expect([0, 1023, 1024, 1535, 1536, 1024 * 1024 - 1, 7 * 1024 * 1024].map((n) => display.fileSize(n))).toEqual([
      '0 B',
      '1023 B',
      '1 KB',
      '1 KB',
      '2 KB',
      '1024 KB',
      '7.0 MB',
    ]);
    expect(display.fileSize(undefined)).toBeUndefined();
  });

  it('compact: no undefined, null, empty strings, arrays or objects; zero and false stay', () => {
    expect(
      display.compact({ a: undefined, b: null, c: '', d: [], e: {}, f: 0, g: false, h: 'x', i: [1], j: { k: 1 } }),
    ).toEqual({ f: 0, g: false, h: 'x', i: [1], j: { k: 1 } });
  });

  it('lines: joined with newlines, empty and missing parts dropped', () => {
    expect(display.lines('a', undefined, '', false, null, 'b')).toBe('a\nb');
    expect(display.lines()).toBe('');
  });
});
