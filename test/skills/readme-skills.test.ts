// The README's Skills section lists every skill with a command a user can type: the arguments it
// shows are the skill's own, and every required one is there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SKILL_DIR, readSkillDir } from '@atlassian-mcp/core/host';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('\n## Skills\n'),
  readme.indexOf('\n## ', readme.indexOf('\n## Skills\n') + 1),
);

describe('README › Skills', () => {
  it('links the authoring kit', () => {
    expect(section).toContain('[prompts/README.md](prompts/README.md)');
  });

  it.each(readSkillDir(DEFAULT_SKILL_DIR).map((s) => [s.name, s] as const))(
    '%s: a row with a command using only its arguments, the required ones included',
    (name, skill) => {
      const row = new RegExp(`^\\| \`${name}\` \\| \`/${name}( [^\`]*)?\` \\|`, 'm').exec(section);
      expect(row).not.toBeNull();
      const typed = [...(row![1] ?? '').matchAll(/(\w+)=/g)].map((m) => m[1]!);
      const declared = skill.arguments.map((a) => a.name);
      for (const arg of typed) expect(declared).toContain(arg);
      for (const a of skill.arguments.filter((x) => x.required)) expect(typed).toContain(a.name);
    },
  );
});
