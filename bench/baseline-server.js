#!/usr/bin/env node
'use strict';
// The baseline for cold start and memory: a one-tool MCP server on the same SDK
// (@modelcontextprotocol/server, serveStdio, zod schema) that does what a naive server does —
// GET the issue and hand the raw REST JSON to the model. Site and auth come from the environment.
const { McpServer } = require('@modelcontextprotocol/server');
const { serveStdio } = require('@modelcontextprotocol/server/stdio');
const z = require('zod');

const site = process.env.BASELINE_SITE_URL;
const authorization = `Basic ${Buffer.from(`${process.env.BASELINE_EMAIL}:${process.env.BASELINE_API_TOKEN}`).toString('base64')}`;

serveStdio(() => {
  const server = new McpServer({ name: 'baseline', version: '1.0.0' });
  server.registerTool(
    'get_issue',
    { description: 'Get a Jira issue as REST JSON.', inputSchema: z.object({ issueKey: z.string() }) },
    async ({ issueKey }) => {
      const res = await fetch(`${site}/rest/api/3/issue/${encodeURIComponent(issueKey)}`, {
        headers: { authorization, accept: 'application/json' },
      });
      return { content: [{ type: 'text', text: await res.text() }], isError: !res.ok };
    },
  );
  return server;
});
