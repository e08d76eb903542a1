'use strict';
// The sandbox's own speed, so the other figures can be read against it: in-process fetch (no
// socket) of one issue, and a 50-issue JQL page.
const { startSandbox } = require('@atlassian-mcp/sandbox');
const { summarize, timeMs, spread, round } = require('../lib/stats.js');

async function sample(runs, fn) {
  for (let i = 0; i < 5; i++) await fn(i);
  const ms = [];
  for (let i = 0; i < runs; i++) ms.push((await timeMs(() => fn(i))).ms);
  return summarize(ms);
}

async function run(ctx) {
  const sandbox = await startSandbox({ listen: false });
  const auth = sandbox.basicAuth();
  const get = async (path) => {
    const res = await sandbox.fetch(path, { headers: { authorization: auth, accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return res.json();
  };
  try {
    const runs = ctx.quick ? 30 : 150;
    const issue = await sample(runs, (i) => get(`/rest/api/3/issue/NOVA-${1 + (i % 40)}`));
    const page = await sample(Math.ceil(runs / 3), async () => {
      const body = await get(`/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=50&fields=*all`);
      if (body.issues.length !== 50) throw new Error(`JQL page has ${body.issues.length} issues, expected 50`);
    });
    const rows = [
      [`in-process GET /issue/{key} (n=${runs})`, spread(issue, ' ms'), '', ''],
      [`in-process 50-issue JQL page, fields=*all (n=${Math.ceil(runs / 3)})`, spread(page, ' ms'), '', ''],
    ];
    const headlines = [{ measure: 'sandbox: in-process GET /issue/{key}, 50-issue JQL page', actual: `${round(issue.median, 2)} ms, ${round(page.median, 1)} ms` }];
    return { rows, targets: [], headlines, data: { issue, page } };
  } finally {
    await sandbox.close();
  }
}

module.exports = { id: 'sandbox', title: '7. The sandbox itself (in-process fetch)', run };
