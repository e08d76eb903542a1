'use strict';
// Order statistics for noisy, shared machines: medians and percentiles, never means.

/** The q-quantile (0..1) of a list of numbers, by linear interpolation. */
function quantile(values, q) {
  if (values.length === 0) throw new Error('quantile of an empty sample');
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Median, p25/p75 (the spread we report), p95, min, max and n of a sample. */
function summarize(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length !== values.length) throw new Error(`sample has ${values.length - finite.length} non-finite values`);
  return {
    n: finite.length,
    median: quantile(finite, 0.5),
    p25: quantile(finite, 0.25),
    p75: quantile(finite, 0.75),
    p95: quantile(finite, 0.95),
    min: Math.min(...finite),
    max: Math.max(...finite),
  };
}

/** Rounds to `digits` significant decimals for display and JSON. */
function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** `a / b`, refusing a zero or missing baseline instead of printing Infinity. */
function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) throw new Error(`cannot form a ratio of ${a} / ${b}`);
  return a / b;
}

/** Time of an async function in milliseconds (high-resolution clock). */
async function timeMs(fn) {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** `median (p25–p75)` for the table. */
function spread(s, unit = '', digits = 2) {
  return `${round(s.median, digits)}${unit} (${round(s.p25, digits)}–${round(s.p75, digits)})`;
}

module.exports = { quantile, summarize, round, ratio, timeMs, spread };
