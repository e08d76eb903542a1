import { join } from 'node:path';
import ts from 'typescript';
import * as pluginApi from '../../src/index.js';

const ENTRY = join(__dirname, '../../src/index.ts');

/** Every name the plugin entry exports, types included, as the TypeScript checker sees them. */
function exportedNames(file: string): string[] {
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const module = checker.getSymbolAtLocation(source)!;
  return checker
    .getExportsOfModule(module)
    .map((s) => s.getName())
    .sort();
}

describe('the plugin API entry (@atlassian-mcp/core)', () => {
  const names = exportedNames(ENTRY);

  it('exports a small, explicit surface (snapshot: a change here is an API change)', () => {
    expect(names).toMatchSnapshot();
    expect(names.length).toBeLessThanOrEqual(59);
  });

  it('exports no host, HTTP-internal or auth class', () => {
    const internals = [
      'AtlassianMcpHost',
      'createMcpServer',
      'AtlassianHttp',
      'registerHttpAndAuth',
      'backoffDelay',
      'AuthService',
      'KeychainCredentialStore',
      'MemoryCredentialStore',
      'OAUTH_SESSION_KEY',
      'RichText',
      'currentCall',
      'StartupError',
    ];
    expect(names.filter((n) => internals.includes(n))).toEqual([]);
    expect(Object.keys(pluginApi).filter((n) => internals.includes(n))).toEqual([]);
  });

  it('has no `export *` (every symbol is named on purpose)', () => {
    expect(ts.sys.readFile(ENTRY)).not.toMatch(/export \*/);
  });
});
