import { nearest, suggestion } from '../../lib/engine/nearest';

const RULES = ['stage-waf', 'stage-throttling', 'stage-access-logging', 'http-api-waf', 'tracing'];

describe('nearest', () => {
  it.each([
    ['stage-wafs', 'stage-waf'],
    ['Stage-Waf', 'stage-waf'],
    ['tracng', 'tracing'],
    ['http-api-wav', 'http-api-waf'],
    ['stage-throttle', 'stage-throttling'],
  ])('finds %s → %s', (typed, expected) => {
    expect(nearest(typed, RULES)).toBe(expected);
  });

  it.each([
    ['something-else', 'nothing is within a third of the length'],
    ['', 'an empty string means nothing'],
    [42, 'a non-string has no nearest string'],
  ])('fails to suggest anything for %p (%s)', (typed: unknown, _why: string) => {
    expect(nearest(typed, RULES)).toBeUndefined();
  });

  it('fails to suggest anything when there are no candidates', () => {
    expect(nearest('warn', [])).toBeUndefined();
  });

  it('suggests the nearest value, or lists all of them when none is close', () => {
    expect(suggestion('warn', ['error', 'warning', 'never'])).toBe("did you mean 'warning'?");
    expect(suggestion('zzzzzz', ['error', 'never'])).toBe("valid values are 'error', 'never'.");
  });
});
