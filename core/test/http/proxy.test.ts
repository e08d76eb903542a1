import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Agent, EnvHttpProxyAgent } from 'undici';
import { AtlassianHttp } from '../../src/http/atlassian-http.js';
import { createDispatcher, proxyConfigured } from '../../src/http/dispatcher.js';
import { globalFetch } from '../../src/http/tokens.js';
import { captureLogger, FakeAuthorizer, startServer, testConfig } from './helpers.js';

/** A minimal CONNECT proxy that counts tunnels. */
async function startProxy(): Promise<{ url: string; tunnels: string[]; close: () => Promise<void> }> {
  const tunnels: string[] = [];
  const server: Server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, client, head) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('proxy support', () => {
  it('uses EnvHttpProxyAgent only when proxy variables are set', () => {
    expect(proxyConfigured({})).toBe(false);
    expect(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' })).toBe(true);
    expect(proxyConfigured({ no_proxy: 'localhost' })).toBe(true);
    expect(createDispatcher({ timeoutMs: 1000, connectTimeoutMs: 1000 }, {})).toBeInstanceOf(Agent);
    expect(
      createDispatcher({ timeoutMs: 1000, connectTimeoutMs: 1000 }, { HTTPS_PROXY: 'http://proxy:3128' }),
    ).toBeInstanceOf(EnvHttpProxyAgent);
  });

  it('sends Atlassian calls through HTTP_PROXY', async () => {
    const proxy = await startProxy();
    const site = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"site"}'),
    );
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    try {
      const http = new AtlassianHttp(testConfig(), captureLogger().logger, new FakeAuthorizer(site.url), globalFetch);
      expect((await http.request({ product: 'jira', method: 'GET', path: '/rest/api/3/myself' })).data).toEqual({
        via: 'site',
      });
      expect(proxy.tunnels).toEqual([new URL(site.url).host]);
      await http.close();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await site.close();
      await proxy.close();
    }
  });
});
