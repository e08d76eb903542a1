import { InputError } from '@atlassian-mcp/core';
import { formatDuration, parseDuration } from '../../src/fields/duration.js';
import { compact, displayValue, shortTime } from '../../src/view/display.js';

describe('durations', () => {
  it.each([
    ['2h 30m', 9000],
    ['1h30m', 5400],
    ['1d', 28800],
    ['1w 2d', 201600],
    ['90m', 5400],
    ['1.5h', 5400],
    [' 45M ', 2700],
  ])('parses %p as %p seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', 'soon', '2 hours', '2h and 3m', '30s'])('rejects %p', (text) =>
    expect(() => parseDuration(text)).toThrow(InputError),
  );

  it('formats seconds the way Jira shows them', () => {
    expect(formatDuration(9000)).toBe('2h 30m');
    expect(formatDuration(201600)).toBe('1w 2d');
    expect(formatDuration(0)).toBe('0m');
  });
});

describe('display helpers', () => {
  it('shows users, options, cascades, sprints and lists as short text', () => {
    expect(displayValue({ displayName: 'Jane Doe', avatarUrls: {} })).toBe('Jane Doe');
    expect(displayValue({ value: 'Backend', child: { value: 'API' } })).toBe('Backend > API');
    expect(displayValue([{ id: 1, name: 'Sprint 12', state: 'ACTIVE' }])).toBe('Sprint 12 (active)');
    expect(displayValue([])).toBeUndefined();
    expect(displayValue({ self: 'https://x' })).toBeUndefined();
  });

  it('drops empties and shortens timestamps', () => {
    expect(compact({ a: 1, b: undefined, c: null, d: '', e: [], f: {}, g: 'x' })).toEqual({ a: 1, g: 'x' });
    expect(shortTime('2026-11-25T08:10:51.123+0100')).toBe('2026-11-25 07:10Z');
    expect(shortTime('2026-11-25')).toBe('2026-11-25');
  });
});
