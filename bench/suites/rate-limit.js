'use strict';
// 5. Behaviour under a 429 storm: 40 parallel reads while the sandbox answers every 3rd request
// with 429 Retry-After: 1. The same 40 reads without the storm, in the same run, give the floor.
const { startSite, startInProcess } = require('../lib/site.js');
const { timeMs, round, ratio } = require('../lib/stats.js');

const RETRY_AFTER_S = 1;
// Slow answers make concurrency visible in the request log (a 1 ms answer rarely overlaps).
const LATENCY = { type: 'latency', ms: 40, match: { path: '/rest/api/3/issue/' } };

async function burst(mcp, keys) {
  const outcomes = await Promise.all(
    keys.map((k) =>
      mcp.harness.call('jira_get_issue', { issueKey: k, comments: 0 }).then(
        (r) => (r.isError ? r.text : null),
        (e) => String(e),
      ),
    ),
  );
  const errors = outcomes.filter((o) => o !== null);
  return { completed: outcomes.length - errors.length, failed: errors.length, errors: errors.slice(0, 3) };
}

function logStats(sandbox) {
  const log = sandbox.requests.filter((r) => r.via === 'site');
  return {
    requests: log.length,
    status429: log.filter((r) => r.status === 429).length,
    maxInFlight: Math.max(0, ...log.map((r) => r.inFlight)),
    maxInFlightCounter: sandbox.requests.maxInFlight,
  };
}

async function run(ctx) {
  // --quick keeps the run under 30 s: fewer reads, so fewer 1-second waits; the full run does 40.
  const PARALLEL = ctx.quick ? 9 : 40;
  const site = await startSite();
  const keys = (
    await site.rest(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=${PARALLEL}&fields=summary`,
    )
  ).issues.map((i) => i.key);
  if (keys.length !== PARALLEL) throw new Error(`need ${PARALLEL} issues, the seed has ${keys.length}`);
  const mcp = await startInProcess(site.sandbox, {});
  try {
    const limit = mcp.harness.host.config.rateLimit.concurrency;
    await burst(mcp, keys.slice(0, 4)); // warm-up: connection pool, field catalog
    site.sandbox.faults.set(LATENCY);
    site.sandbox.requests.clear();
    const calm = await timeMs(() => burst(mcp, keys));
    const calmLog = logStats(site.sandbox);
    site.sandbox.faults.set({
      type: 'rateLimit',
      every: 3,
      retryAfter: RETRY_AFTER_S,
      match: { path: '/rest/api/3/issue/' },
    });
    site.sandbox.requests.clear();
    const storm = await timeMs(() => burst(mcp, keys));
    const stormLog = logStats(site.sandbox);
    site.sandbox.faults.clear();
    if (calmLog.requests < PARALLEL)
      throw new Error(`the sandbox logged ${calmLog.requests} requests for ${PARALLEL} reads`);
    if (stormLog.status429 === 0) throw new Error('the storm never fired a 429: the measurement would be meaningless');
    // The floor: the calm run plus one Retry-After — no client can finish sooner than waiting once.
    const floorMs = calm.ms + RETRY_AFTER_S * 1000;
    const rows = [
      [
        `${PARALLEL} parallel jira_get_issue, calm`,
        `${calm.value.completed} ok, ${calm.value.failed} failed`,
        `${round(calm.ms, 0)} ms`,
        `max in-flight ${calmLog.maxInFlight}/${limit}`,
      ],
      [
        `${PARALLEL} parallel jira_get_issue, 429 on every 3rd`,
        `${storm.value.completed} ok, ${storm.value.failed} failed`,
        `${round(storm.ms, 0)} ms (floor = calm + ${RETRY_AFTER_S} s = ${round(floorMs, 0)} ms)`,
        `${round(ratio(storm.ms, floorMs), 2)}× floor`,
      ],
      [
        '  requests / 429 answers during the storm',
        `${stormLog.requests} / ${stormLog.status429}`,
        '',
        `max in-flight ${stormLog.maxInFlight}/${limit}`,
      ],
    ];
    const targets = [
      {
        target: `${PARALLEL} of ${PARALLEL} calls complete under the 429 storm`,
        actual: `${storm.value.completed} of ${PARALLEL}${storm.value.errors.length ? ` (${storm.value.errors[0].slice(0, 120)})` : ''}`,
        met: storm.value.completed === PARALLEL,
      },
      {
        target: 'max in-flight per site never above the configured limit',
        actual: `${Math.max(calmLog.maxInFlight, stormLog.maxInFlight)} (limit ${limit})`,
        met: Math.max(calmLog.maxInFlight, stormLog.maxInFlight) <= limit,
      },
    ];
    const headlines = [
      {
        measure: `429 storm: ${PARALLEL} parallel reads, total time vs floor (calm run + one Retry-After)`,
        actual: `${round(storm.ms / 1000, 1)} s vs ${round(floorMs / 1000, 1)} s (${round(ratio(storm.ms, floorMs), 1)}×), ${stormLog.status429} × 429`,
      },
    ];
    return {
      rows,
      targets,
      headlines,
      data: {
        parallel: PARALLEL,
        limit,
        retryAfterS: RETRY_AFTER_S,
        latencyMs: LATENCY.ms,
        calm: { ms: calm.ms, ...calm.value, ...calmLog },
        storm: { ms: storm.ms, ...storm.value, ...stormLog },
        floorMs,
      },
    };
  } finally {
    await mcp.close();
    await site.close();
  }
}

module.exports = { id: 'rate-limit', title: '5. Rate-limit behaviour (429 storm, Retry-After: 1)', run };
