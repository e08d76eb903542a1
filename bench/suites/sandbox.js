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
    const pageOf = (fields) =>
      sample(Math.ceil(runs / 3), async () => {
        const body = await get(
          `/rest/api/3/search/jql?jql=${encodeURIComponent('project = NOVA ORDER BY key')}&maxResults=50&fields=${fields}`,
        );
        if (body.issues.length !== 50) throw new Error(`JQL page has ${body.issues.length} issues, expected 50`);
      });
    // The field set jira_search asks for, and everything (a 670 KB page, where JSON parsing dominates).
    const page = await pageOf('summary,status,assignee,priority,issuetype,updated');
    const pageAll = await pageOf('*all');
    const rows = [
      [`in-process GET /issue/{key} (n=${runs})`, spread(issue, ' ms'), '', ''],
      [`in-process 50-issue JQL page, jira_search's fields (n=${Math.ceil(runs / 3)})`, spread(page, ' ms'), '', ''],
      [`in-process 50-issue JQL page, fields=*all (n=${Math.ceil(runs / 3)})`, spread(pageAll, ' ms'), '', ''],
    ];
    const headlines = [
      {
        measure: 'sandbox: in-process GET /issue/{key}, 50-issue JQL page (search fields / *all)',
        actual: `${round(issue.median, 2)} ms, ${round(page.median, 1)} ms / ${round(pageAll.median, 1)} ms`,
      },
    ];
    const targets = [
      {
        target: 'sandbox answers GET /issue/{key} in-process in well under 1 ms median',
        met: issue.median < 1,
        actual: `${round(issue.median, 2)} ms`,
      },
      {
        target: 'sandbox answers a 50-issue JQL page in under 5 ms',
        met: page.median < 5,
        actual: `${round(page.median, 1)} ms (jira_search's fields)`,
      },
    ];
    return { rows, targets, headlines, data: { issue, page, pageAll } };
  } finally {
    await sandbox.close();
  }
}

module.exports = { id: 'sandbox', title: '7. The sandbox itself (in-process fetch)', run };
