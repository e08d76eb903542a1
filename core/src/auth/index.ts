export {
  AuthService,
  CLIENT_SECRET_KEY,
  type AuthChange,
  type LoginResult,
  type AuthDoctorSection,
} from './auth-service.js';
export { AuthenticationTools } from './authentication-tools.js';
export { authServices, defaultOpenBrowser, stderrNotice, type BrowserOpener, type NoticeWriter } from './tokens.js';
export { MemoryCredentialStore, type CredentialStore, type CredentialStoreKind } from './credential-store.js';
export { FileCredentialStore, defaultConfigDir } from './file-credential-store.js';
export { KeychainCredentialStore } from './keychain-credential-store.js';
export { AutoCredentialStore, createCredentialStore } from './create-credential-store.js';
export { formatAuthStatus, authStatusLines, type AuthStatus, type AtlassianIdentity } from './auth-status.js';
export { InvalidGrantError } from './oauth-client.js';
export { OAUTH_SESSION_KEY, type StoredOAuthSession } from './oauth-session.js';
export type { LoginOptions } from './oauth-login.js';
