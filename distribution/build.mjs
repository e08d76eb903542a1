#!/usr/bin/env node
// Builds what the `atlassian-mcp` package ships, into ./dist (run by `npm run build`, after tsc):
//   dist/atlassian-mcp.js   the CLI, core, config and every first-party plugin (plugins/*), one file
//   dist/core.js, config.js the namespaces a third-party plugin's `@atlassian-mcp/core` import gets
//   dist/sandbox/           the embedded sandbox site (its bundle, specs and seed)
//   dist/config-schema.json the config file's JSON Schema, for editors
//   dist/THIRD-PARTY-NOTICES.md  the licences of the bundled packages
// Everything in package.json#dependencies stays external (installed beside the package); the rest
// is bundled. Sources are bundled from TypeScript, so ESM-only and tree-shakeable code stays small.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const requireFromRoot = createRequire(join(root, 'package.json'));

/** First-party plugins are the workspaces under plugins/: id = directory, package = @atlassian-mcp/plugin-<id>. */
export function firstPartyPluginDirs() {
  const { FIRST_PARTY_PLUGINS } = requireFromRoot('./config/dist/index.js');
  const ids = readdirSync(join(root, 'plugins')).filter((d) => existsSync(join(root, 'plugins', d, 'package.json')));
  for (const id of ids) {
    const name = JSON.parse(readFileSync(join(root, 'plugins', id, 'package.json'), 'utf8')).name;
    if (name !== `@atlassian-mcp/plugin-${id}`)
      throw new Error(`plugins/${id} must be named @atlassian-mcp/plugin-${id}`);
    if (!FIRST_PARTY_PLUGINS.includes(id))
      throw new Error(`plugins/${id} is not in FIRST_PARTY_PLUGINS (config/src/env-overlay.ts)`);
  }
  return ids.sort();
}

/** Workspace packages resolve to their TypeScript sources. */
function workspaceSources(pluginIds) {
  const map = {
    '@atlassian-mcp/core': 'core/src/index.ts',
    '@atlassian-mcp/core/cli': 'core/src/cli/main.ts',
    '@atlassian-mcp/core/host': 'core/src/host/index.ts',
    '@atlassian-mcp/config': 'config/src/index.ts',
    ...Object.fromEntries(pluginIds.map((id) => [`@atlassian-mcp/plugin-${id}`, `plugins/${id}/src/index.ts`])),
  };
  return {
    name: 'workspace-sources',
    setup(build) {
      build.onResolve({ filter: /^@atlassian-mcp\// }, (args) =>
        map[args.path] ? { path: join(root, map[args.path]) } : undefined,
      );
      build.onResolve({ filter: /^virtual:first-party-plugins$/ }, () => ({
        path: 'first-party',
        namespace: 'virtual',
      }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: `export default {\n${pluginIds
          .map((id) => `  ${JSON.stringify(id)}: () => require(${JSON.stringify(`@atlassian-mcp/plugin-${id}`)}),`)
          .join('\n')}\n};\n`,
      }));
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20.19',
  format: 'cjs',
  // Sources are ESM: pick packages' ESM builds, so unused code is shaken out.
  mainFields: ['module', 'main'],
  conditions: ['import', 'node', 'default'],
  tsconfig: join(root, 'tsconfig.base.json'),
  // Minified: a smaller source string and bytecode cache take less memory; names are kept for
  // stack traces and the class names start-up errors quote.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  logOverride: { 'require-resolve-not-external': 'silent' },
};

/** The bundled packages and their licence texts, from the metafile. */
function notices(metafiles) {
  const packages = new Map();
  for (const meta of metafiles)
    for (const input of Object.keys(meta.inputs)) {
      const m = /^(.*node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)/.exec(input);
      if (m) packages.set(join(root, m[1]), true);
    }
  const sections = [];
  for (const dir of [...packages.keys()].sort()) {
    const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${p.license ?? 'see package'}`;
    sections.push(`## ${p.name}@${p.version} (${p.license ?? 'unknown'})\n\n\`\`\`\n${text}\n\`\`\``);
  }
  return `# Third-party notices\n\n\`dist/\` bundles these packages:\n\n${sections.join('\n\n')}\n`;
}

export async function buildDistribution() {
  const pluginIds = firstPartyPluginDirs();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // cosmiconfig's own TypeScript loader is replaced by jiti in config/src/loader.ts: never loaded.
  const external = [...Object.keys(pkg.dependencies ?? {}), 'typescript'];
  const main = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'distribution/entry.js')],
    outfile: join(out, 'atlassian-mcp.js'),
    external,
    plugins: [workspaceSources(pluginIds)],
  });
  writeFileSync(join(out, 'core.js'), "'use strict';\nmodule.exports = require('./atlassian-mcp.js').core;\n");
  writeFileSync(join(out, 'config.js'), "'use strict';\nmodule.exports = require('./atlassian-mcp.js').config;\n");
  copyFileSync(join(root, 'config/schema.json'), join(out, 'config-schema.json'));

  // The sandbox keeps its own layout (dist/, specs/, seed/ side by side), so its paths hold.
  const sandboxSrc = join(root, 'test/sandbox');
  const sandbox = await esbuild.build({
    ...common,
    entryPoints: [join(sandboxSrc, 'src/index.ts')],
    outfile: join(out, 'sandbox/dist/index.js'),
    external,
  });
  for (const sub of ['specs', 'seed']) {
    mkdirSync(join(out, 'sandbox', sub), { recursive: true });
    for (const f of readdirSync(join(sandboxSrc, sub)).filter((n) => n.endsWith('.json')))
      writeFileSync(
        join(out, 'sandbox', sub, f),
        JSON.stringify(JSON.parse(readFileSync(join(sandboxSrc, sub, f), 'utf8'))),
      );
  }
  writeFileSync(join(out, 'THIRD-PARTY-NOTICES.md'), notices([main.metafile, sandbox.metafile]));
  const size = (meta) => Object.values(meta.outputs).reduce((s, o) => s + o.bytes, 0);
  return {
    plugins: pluginIds,
    bundleBytes: size(main.metafile),
    sandboxBytes: size(sandbox.metafile),
    files: relative(root, out) + sep,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await buildDistribution();
  process.stderr.write(
    `distribution: dist/atlassian-mcp.js ${(r.bundleBytes / 1024).toFixed(0)} KiB (plugins: ${r.plugins.join(', ')}), sandbox ${(r.sandboxBytes / 1024).toFixed(0)} KiB\n`,
  );
}
