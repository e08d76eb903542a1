import { MemoryCredentialStore } from '../../src/auth/credential-store.js';
import { CLIENT_SECRET_KEY, OAuthClientSecret } from '../../src/auth/oauth-client-secret.js';

describe('the OAuth client secret kept with the tokens', () => {
  it('is saved at login and used for the same client id only', async () => {
    const store = new MemoryCredentialStore();
    const secret = new OAuthClientSecret(store, undefined);
    expect(await secret.get('app-1')).toBeUndefined();
    await secret.save('app-1', 's3cret');
    expect(await secret.get('app-1')).toBe('s3cret');
    expect(await secret.get('app-2')).toBeUndefined();
    expect(await secret.get(undefined)).toBeUndefined();
    await secret.forget();
    expect(await store.get(CLIENT_SECRET_KEY)).toBeUndefined();
    expect(await secret.get('app-1')).toBeUndefined();
  });

  it('comes from the environment first, and a damaged stored value counts as none', async () => {
    const store = new MemoryCredentialStore();
    await store.set(CLIENT_SECRET_KEY, JSON.stringify({ clientId: 'app-1', clientSecret: 'stored' }));
    expect(await new OAuthClientSecret(store, 'from-env').get('app-1')).toBe('from-env');
    await store.set(CLIENT_SECRET_KEY, '{not json');
    expect(await new OAuthClientSecret(store, undefined).get('app-1')).toBeUndefined();
  });
});
