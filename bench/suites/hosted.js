'use strict';
// 8. Hosted mode: throughput and p50/p95 latency of jira_get_issue over streamable HTTP (a
// `serve --http` replica, each user a different person signed in through its OAuth) vs stdio (one
// server process taking the same number of concurrent calls) at 1, 10 and 50 concurrent users. With --hosted, also two replicas sharing Redis behind nginx
// (Debian's redis-server and nginx on loopback) at the same loads.
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join, resolve } = require('node:path');
const { startSite } = require('../lib/site.js');
const { spawnServer } = require('../lib/stdio.js');
const { summarize, round } = require('../lib/stats.js');
const { freePort, startRedis, startNginx, startReplica, signIn } = require('../lib/hosted.js');

const LEVELS = [1, 10, 50];
const REPO = resolve(__dirname, '../..');

/**
 * The issue's load run at full scale: core/test/hosted/load.test.ts (nginx, two replicas, Redis,
 * 429 on every third request, tokens expiring, a replica killed) with 50 users × 20 calls.
 */
function fullLoadRun(ctx) {
  const clients = ctx.quick ? 20 : 50;
  const calls = ctx.quick ? 8 : 20;
  return new Promise((ok) => {
    const child = spawn(
      process.execPath,
      [join(REPO, 'node_modules/.bin/jest'), '--ci', 'core/test/hosted/load.test.ts'],
      {
        cwd: REPO,
        env: { ...process.env, HOSTED_LOAD_CLIENTS: String(clients), HOSTED_LOAD_CALLS: String(calls) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', (code) =>
      ok({ clients, calls, passed: code === 0, line: /load run: [^\n]*/.exec(out)?.[0], tail: out.slice(-1500) }),
    );
  });
}

/** Each caller makes `perUser` sequential calls, all callers at once; latencies and wall time. */
async function load(callers, perUser, keys) {
  const latencies = [];
  let failed = 0;
  let firstError;
  const started = performance.now();
  await Promise.all(
    callers.map(async (call, u) => {
      for (let i = 0; i < perUser; i++) {
        const t = performance.now();
        const r = await call('jira_get_issue', { issueKey: keys[(u + i) % keys.length], comments: 0 }).catch((e) => ({
          isError: true,
          content: [{ text: String(e) }],
        }));
        if (r.isError) {
          failed++;
          firstError ??= JSON.stringify(r.content).slice(0, 300);
        } else latencies.push(performance.now() - t);
      }
    }),
  );
  const wallMs = performance.now() - started;
  if (latencies.length === 0) throw new Error(`every jira_get_issue call failed: ${firstError}`);
  return {
    calls: callers.length * perUser,
    failed,
    throughput: (latencies.length * 1000) / wallMs,
    ...summarize(latencies),
  };
}

const callerOf = (client) => (name, args) => client.callTool({ name, arguments: args });

async function signInMany(mcpUrl, accounts, n) {
  const clients = [];
  for (let i = 0; i < n; i++) clients.push(await signIn(mcpUrl, accounts[i % accounts.length]));
  return clients;
}

function rowsFor(label, ours, base, baseLabel) {
  return [
    [
      `${label}: throughput`,
      `${round(ours.throughput, 1)} calls/s`,
      `${baseLabel} ${round(base.throughput, 1)} calls/s`,
      `${round(ours.throughput / base.throughput, 2)}×`,
    ],
    [
      `${label}: p50 / p95`,
      `${round(ours.median, 1)} / ${round(ours.p95, 1)} ms`,
      `${baseLabel} ${round(base.median, 1)} / ${round(base.p95, 1)} ms`,
      `${round(ours.median / base.median, 2)}× p50`,
    ],
  ];
}

async function run(ctx) {
  const perUser = (users) => Math.max(ctx.quick ? 2 : 4, Math.round((ctx.quick ? 40 : 200) / users));
  // Each concurrent user is a different person (staff accounts generated beyond the seeded ones).
  const site = await startSite({ staffAccounts: Math.max(...LEVELS) });
  const { sandbox } = site;
  const accounts = sandbox.credentials.users
    .filter((u) => u.active && u.email.endsWith('@nimbus-works.example'))
    .map((u) => u.email);
  const keys = (
    await site.rest(
      `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=20&fields=summary`,
    )
  ).issues.map((i) => i.key);
  const closers = [];
  const rows = [];
  const data = { levels: {} };
  let failed = 0;
  try {
    const stdio = await spawnServer('ours', sandbox, { toolsets: ['all'] });
    closers.push(() => stdio.close());
    const single = await startReplica(sandbox, {});
    closers.push(() => single.stop());
    ctx.log(`hosted: signing ${Math.max(...LEVELS)} clients in`);
    const httpClients = await signInMany(`${single.url}/mcp`, accounts, Math.max(...LEVELS));
    closers.push(() => Promise.all(httpClients.map((c) => c.close().catch(() => {}))));
    let cluster;
    if (ctx.hosted) {
      const redis = await startRedis();
      closers.push(() => redis.stop());
      const port = await freePort();
      const common = {
        publicUrl: `http://127.0.0.1:${port}`,
        redisUrl: redis.url,
        vaultKeys: `k1:${randomBytes(32).toString('base64')}`,
      };
      const replicas = [await startReplica(sandbox, common), await startReplica(sandbox, common)];
      for (const r of replicas) closers.push(() => r.stop());
      const nginx = await startNginx(
        port,
        replicas.map((r) => r.address),
      );
      closers.push(() => nginx.stop());
      cluster = await signInMany(`${nginx.url}/mcp`, accounts, Math.max(...LEVELS));
      closers.push(() => Promise.all(cluster.map((c) => c.close().catch(() => {}))));
    }
    // Warm-up: every client's first call (token, caches, JIT) stays out of the figures.
    await load(httpClients.map(callerOf), 1, keys);
    await load([callerOf(stdio.client)], 5, keys);
    if (cluster) await load(cluster.map(callerOf), 1, keys);
    for (const users of LEVELS) {
      const n = perUser(users);
      ctx.log(`hosted: ${users} users × ${n} calls`);
      const http = await load(httpClients.slice(0, users).map(callerOf), n, keys);
      // stdio serves one user per process: the same number of concurrent calls through one process.
      const overStdio = await load(
        Array.from({ length: users }, () => callerOf(stdio.client)),
        n,
        keys,
      );
      failed += http.failed + overStdio.failed;
      rows.push(
        ...rowsFor(`${users} user${users > 1 ? 's' : ''}, HTTP (1 replica) vs stdio`, http, overStdio, 'stdio'),
      );
      data.levels[users] = { perUser: n, http, stdio: overStdio };
      if (cluster) {
        const two = await load(cluster.slice(0, users).map(callerOf), n, keys);
        failed += two.failed;
        rows.push(
          ...rowsFor(
            `${users} user${users > 1 ? 's' : ''}, 2 replicas + Redis + nginx vs 1 replica`,
            two,
            http,
            '1 replica',
          ),
        );
        data.levels[users].cluster = two;
      }
    }
  } finally {
    for (const close of closers.reverse()) await close().catch(() => {});
    await site.close();
  }
  let loadRun;
  if (ctx.hosted) {
    ctx.log('hosted: the full load run (core/test/hosted/load.test.ts at full scale)');
    loadRun = await fullLoadRun(ctx);
    data.loadRun = loadRun;
    rows.push([
      `${loadRun.clients} users × ${loadRun.calls} mixed calls via nginx, 2 replicas: 429 every 3rd, tokens expire, a replica killed`,
      loadRun.passed ? 'passed' : 'FAILED',
      loadRun.line ?? '',
      '',
    ]);
  }
  const targets = [
    {
      target: 'every hosted-mode bench call completes (HTTP and stdio, 1/10/50 users)',
      actual: failed === 0 ? 'all completed' : `${failed} failed`,
      met: failed === 0,
    },
    ...(loadRun
      ? [
          {
            target:
              'load run: every read completes, every write once, in flight ≤ limit across replicas, one refresh per user',
            actual: loadRun.passed ? (loadRun.line ?? 'passed') : `failed: ${loadRun.tail.slice(-300)}`,
            met: loadRun.passed,
          },
        ]
      : []),
  ];
  return { rows, targets, data };
}

module.exports = { id: 'hosted', title: '8. Hosted mode: HTTP vs stdio (throughput, p50/p95)', run };
