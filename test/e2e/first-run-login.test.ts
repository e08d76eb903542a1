import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listenForCallback } from '../../core/src/auth/oauth-callback-server';

const bin = join(resolve(__dirname, '../..'), 'bin/atlassian-mcp.js');

/** A new user's environment: no Atlassian variables, no desktop, a browser command that does nothing. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(ATLASSIAN_|DISPLAY$|WAYLAND_DISPLAY$|XDG_CURRENT_DESKTOP$|DESKTOP_SESSION$)/.test(k)) env[k] = v;
  return { ...env, HOME: mkdtempSync(join(tmpdir(), 'amcp-login-')), BROWSER: 'true' };
}

describe('`atlassian-mcp --sandbox login`: OAuth against the embedded sandbox, as a user signs in', () => {
  it('prints the sign-in URL and where it waits; the browser coming back signs the user in', async () => {
    const child = spawn(process.execPath, [bin, '--sandbox', 'login'], { env: userEnv(), stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    const url = await new Promise<string>((res, rej) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /open this URL in a browser:\n {2}(\S+)\n/.exec(stderr);
        if (m && /Waiting for the browser/.test(stderr)) res(m[1]!);
      });
      void exited.then(() => rej(new Error(`login exited early:\n${stderr}`)));
    });
    expect(stderr).not.toMatch(/API token is configured/);
    expect(stderr).toMatch(
      /Waiting for the browser to come back to http:\/\/127\.0\.0\.1:\d+\/callback \(up to 5 min; Ctrl-C cancels\)/,
    );
    // The user's browser: the sandbox approves at once and redirects to the CLI's callback.
    const page = await fetch(url);
    expect(page.ok).toBe(true);
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^Signed in as Maya Chen/m);
  });

  it('a sign-in the browser never finishes ends with a message saying so', async () => {
    const listener = await listenForCallback('http://127.0.0.1:0/callback', { timeoutMs: 50 });
    await expect(listener.callback).rejects.toThrow(/No answer from the Atlassian sign-in page within \d+ s/);
    await listener.close();
  });
});
