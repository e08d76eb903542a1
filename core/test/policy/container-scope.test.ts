// The allowlist's resolutions (which project an issue key, a board, a page lives in) are cached in
// the metadata cache: keyed by site (the same key on another site is another issue), shared by the
// site's users and by a hosted server's replicas, and only answers inside the allowlist are kept.
import { ContainerScope } from '../../src/policy/container-scope';
import { MemoryStateStore } from '../../src/state/memory-state-store';
import { StateMetadataCache } from '../../src/state/metadata-cache';
import type { ContainerResolver } from '../../src/plugin-api/services';

function setUp(store = new MemoryStateStore()) {
  const site = { key: 'cloud-a', cacheKey: async () => site.key };
  const answers: Record<string, Record<string, string>> = {
    'cloud-a': { 'NOVA-1': 'NOVA', 'OPS-1': 'OPS' },
    'cloud-b': { 'NOVA-1': 'OPS' }, // another site: the same key is another issue, in another project
  };
  const containerOf = jest.fn<
    ReturnType<ContainerResolver['containerOf']>,
    Parameters<ContainerResolver['containerOf']>
  >(async (_kind, value) => answers[site.key]![value]);
  const cache = new StateMetadataCache(store, site);
  const scope = new ContainerScope('projects', ['nova'], () => ({ containerOf }), {
    service: () => cache,
    name: 'jira',
  });
  return { site, scope, containerOf, store };
}

describe('ContainerScope resolutions', () => {
  it('asks the resolver once per reference and site, and again on another site', async () => {
    const { site, scope, containerOf } = setUp();
    expect(await scope.allows('issue', 'NOVA-1')).toBe(true);
    expect(await scope.allows('issue', 'NOVA-1')).toBe(true);
    expect(containerOf).toHaveBeenCalledTimes(1);
    site.key = 'cloud-b';
    expect(await scope.allows('issue', 'NOVA-1')).toBe(false);
    expect(containerOf).toHaveBeenCalledTimes(2);
    await expect(scope.check('issue', 'NOVA-1')).rejects.toThrow(/outside the configured allowlist/);
  });

  it('keeps no answer outside the allowlist (asked again each time)', async () => {
    const { scope, containerOf } = setUp();
    expect(await scope.allows('issue', 'OPS-1')).toBe(false);
    expect(await scope.allows('issue', 'OPS-1')).toBe(false);
    expect(containerOf).toHaveBeenCalledTimes(2);
  });

  it('shares an answer between two replicas on one store', async () => {
    const store = new MemoryStateStore();
    const first = setUp(store);
    const second = setUp(store);
    expect(await first.scope.allows('issue', 'NOVA-1')).toBe(true);
    expect(await second.scope.allows('issue', 'NOVA-1')).toBe(true);
    expect(second.containerOf).not.toHaveBeenCalled();
  });
});
