#!/usr/bin/env node
// Measures the sandbox in-process (no socket): GET /issue/{key} and a 50-issue JQL page.
// Targets (issue 4): issue median well under 1 ms, JQL page under 5 ms.
//   npm run build && node test/sandbox/scripts/bench.mjs [--json]
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { startSandbox } = require('../dist/index.js');

export async function benchSandbox({ iterations = 2000 } = {}) {
  const sb = await startSandbox({ listen: false });
  const headers = { authorization: sb.basicAuth() };
  const keys = [...sb.site.jira.issues.values()].map((i) => i.key);
  const time = async (fn, n) => {
    for (let i = 0; i < 200; i++) await fn(i); // warm-up (JIT, validator compilation)
    const samples = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn(i);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
    return { median: q(0.5), p95: q(0.95), p99: q(0.99) };
  };
  const getIssue = await time(async (i) => {
    const r = await sb.fetch(`/rest/api/3/issue/${keys[i % keys.length]}`, { headers });
    if (r.status !== 200) throw new Error(`getIssue ${r.status}`);
    await r.arrayBuffer();
  }, iterations);
  const jql = encodeURIComponent(
    'project in (NOVA, OPS) AND statusCategory != Done ORDER BY priority DESC, updated DESC',
  );
  const jqlAll = encodeURIComponent('project in (NOVA, OPS, MKT) ORDER BY created DESC');
  const searchPage = await time(
    async () => {
      const r = await sb.fetch(
        `/rest/api/3/search/jql?jql=${jqlAll}&maxResults=50&fields=summary,status,assignee,priority,issuetype,updated,labels`,
        { headers },
      );
      const b = await r.json();
      if (b.issues.length !== 50) throw new Error(`search returned ${b.issues.length}`);
    },
    Math.floor(iterations / 4),
  );
  const searchFiltered = await time(
    async () => {
      const r = await sb.fetch(`/rest/api/3/search/jql?jql=${jql}&maxResults=50&fields=*navigable`, { headers });
      await r.arrayBuffer();
    },
    Math.floor(iterations / 4),
  );
  await sb.close();
  return { getIssue, searchPage50: searchPage, searchFilteredNavigable: searchFiltered };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSandbox();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    const f = (x) => `${x.median.toFixed(3)} ms median, p95 ${x.p95.toFixed(3)} ms`;
    console.log(`GET /issue/{key} (in-process, all fields):     ${f(r.getIssue)}   target < 1 ms`);
    console.log(`50-issue JQL page (7 fields):                  ${f(r.searchPage50)}   target < 5 ms`);
    console.log(`JQL page, filtered + *navigable:               ${f(r.searchFilteredNavigable)}`);
  }
}
