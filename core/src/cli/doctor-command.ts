import type { LoadedConfig } from '@atlassian-mcp/config';
import type { AtlassianMcpHost } from '../host/host.js';
import { internalServices } from '../host/internal-services.js';
import { printOut } from './output.js';

/** A section of the doctor report: a title and `label: value` lines. */
export interface DoctorSection {
  title: string;
  ok: boolean;
  lines: [string, string][];
}

/** What the auth service can add to the report (live check), when it supports it. */
interface AuthDoctor {
  doctor?(requiredScopes: string[]): Promise<DoctorSection>;
}

/** The documentation's example sites: a server pointed at one of them is not configured yet. */
export function isPlaceholderSite(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    /^(your-domain|your-site|yoursite|your-company|example)\./.test(host) || /(^|\.)example\.(com|net|org)$/.test(host)
  );
}

export async function doctorSections(loaded: LoadedConfig, host: AtlassianMcpHost | Error): Promise<DoctorSection[]> {
  const c = loaded.config;
  const placeholder = c.site.url !== undefined && isPlaceholderSite(c.site.url);
  const sections: DoctorSection[] = [
    {
      title: 'Configuration',
      ok: !placeholder,
      lines: [
        ['file', loaded.filepath ?? '(none found; using environment and defaults)'],
        [
          'site',
          c.site.url === undefined
            ? '(not set: set ATLASSIAN_SITE_URL)'
            : placeholder
              ? `${c.site.url} is the example from the documentation: set ATLASSIAN_SITE_URL to your site, e.g. https://acme.atlassian.net`
              : c.site.url,
        ],
        ['auth', c.auth.type],
        ['credential store', c.auth.store],
      ],
    },
  ];
  if (host instanceof Error) {
    sections.push({ title: 'Plugins', ok: false, lines: [['start-up', host.message]] });
    return sections;
  }
  const enabled = await host.offeredTools();
  sections.push({
    title: 'Plugins',
    ok: true,
    lines: [
      ...host.registry.plugins
        .filter((p) => p.plugin.id !== 'core')
        .map((p): [string, string] => [
          p.plugin.id,
          `${p.specifier} — ${enabled.filter((t) => t.pluginId === p.plugin.id).length} of ${host.registry.tools.filter((t) => t.pluginId === p.plugin.id).length} tools on`,
        ]),
      ...host.skipped.map((s): [string, string] => [s, 'not installed (skipped)']),
    ],
  });
  sections.push({
    title: 'Policy',
    ok: enabled.length > 0,
    lines: [
      ['read-only', String(c.readOnly)],
      ['toolsets', (c.toolsets ?? ['default']).join(', ')],
      ['destructive tools', c.allowDestructive ? 'allowed in enabled toolsets' : 'off unless listed in enabledTools'],
      [
        'enabled tools',
        enabled.length > 0
          ? String(enabled.length)
          : '0: no tool is offered; check toolsets, enabledTools, disabledTools and readOnly (or sign in)',
      ],
      ['audit log', c.audit.enabled ? (host.audit.file ?? '') : 'off'],
    ],
  });
  const auth = host.root.resolve(internalServices.auth) as AuthDoctor;
  if (typeof auth.doctor === 'function') {
    const scopes = [...new Set(enabled.flatMap((t) => t.meta.scopes))].sort();
    sections.push(
      await auth
        .doctor(scopes)
        .catch((e: Error): DoctorSection => ({ title: 'Atlassian', ok: false, lines: [['check', e.message]] })),
    );
  }
  return sections;
}

export async function runDoctor(loaded: LoadedConfig, host: AtlassianMcpHost | Error, json: boolean): Promise<number> {
  const sections = await doctorSections(loaded, host);
  if (json) printOut(JSON.stringify(sections));
  else {
    for (const s of sections) {
      printOut(`${s.ok ? '✓' : '✗'} ${s.title}`);
      for (const [k, v] of s.lines) printOut(`    ${k}: ${v}`);
    }
  }
  return sections.every((s) => s.ok) ? 0 : 1;
}
