'use strict';
// 2b. Skill cost: what each skill (prompts/<name>/SKILL.md) costs the model — its procedure as
// prompts/get serves it, its entry in prompts/list (paid on every listing), and its body against
// the lint's 1,500-token budget (cl100k, as `npm run lint:skills` counts).
const { countTokens: cl100k } = require('gpt-tokenizer');
const { DEFAULT_SKILL_DIR, readSkillDir, SKILL_TOKEN_BUDGET } = require('@atlassian-mcp/core/host');
const { startSite, startInProcess } = require('../lib/site.js');
const { measureText } = require('../lib/tokens.js');
const { round } = require('../lib/stats.js');

const PLUGINS = ['jira', 'confluence', 'service-desk'];
/** A value for every argument, so prompts/get renders each skill with all its optional parts. */
const SAMPLE = { issue: 'NOVA-9', project: 'NOVA', epic: 'NOVA-1', time: '1h 30m', days: '1', space: 'ENG' };
const sample = (name) => SAMPLE[name] ?? `sample ${name}`;

async function run() {
  const skills = readSkillDir(DEFAULT_SKILL_DIR);
  if (skills.length === 0) throw new Error(`no skills under ${DEFAULT_SKILL_DIR}`);
  const site = await startSite();
  const mcp = await startInProcess(site.sandbox, { toolsets: ['all'] }, PLUGINS);
  try {
    const client = mcp.harness.client;
    const { prompts } = await client.listPrompts();
    const measured = [];
    for (const skill of skills) {
      const listed = prompts.find((p) => p.name === skill.name);
      if (!listed) throw new Error(`skill ${skill.name} is not served by prompts/list (plugins ${skill.plugins})`);
      const args = Object.fromEntries(skill.arguments.map((a) => [a.name, sample(a.name)]));
      const got = await client.getPrompt({ name: skill.name, arguments: args });
      measured.push({
        name: skill.name,
        get: measureText(got.messages.map((m) => m.content.text).join('\n')).tokens,
        list: measureText(listed).tokens,
        body: cl100k(skill.body),
      });
    }
    measured.sort((a, b) => b.get - a.get);
    const listTotal = measureText({ prompts: prompts.filter((p) => skills.some((s) => s.name === p.name)) }).tokens;
    const over = measured.filter((m) => m.body > SKILL_TOKEN_BUDGET);
    const rows = [
      ['skills', `${measured.length}`, '', ''],
      ['prompts/list entries of every skill', `${listTotal} tokens`, '', ''],
      ...measured.map((m) => [
        `  ${m.name}`,
        `${m.get} tokens prompts/get, ${m.list} listed`,
        `body ${m.body} / ${SKILL_TOKEN_BUDGET} budget`,
        `${round((100 * m.body) / SKILL_TOKEN_BUDGET, 0)} %`,
      ]),
    ];
    const largest = measured[0];
    return {
      rows,
      targets: [
        {
          target: `every skill body ≤ ${SKILL_TOKEN_BUDGET.toLocaleString('en')} tokens (cl100k, the lint's budget)`,
          actual: over.length
            ? `${over.map((m) => `${m.name} ${m.body}`).join(', ')} over`
            : `largest ${largest.name} ${Math.max(...measured.map((m) => m.body))} tokens`,
          met: over.length === 0,
        },
      ],
      data: { skills: measured, listTotal },
    };
  } finally {
    await mcp.close();
    await site.close();
  }
}

module.exports = { id: 'skills', title: '2b. Skill cost (prompts/get and prompts/list, o200k)', run };
