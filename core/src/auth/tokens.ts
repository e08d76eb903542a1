import { createServiceToken } from '../plugin-api/tokens.js';
import type { CredentialStore } from './credential-store.js';

/** Opens a URL in the user's browser (the `open` package by default; tests drive the consent page themselves). */
export type BrowserOpener = (url: string) => Promise<void>;

/** Writes a line for the human at the terminal: stderr, never stdout (stdout is the protocol). */
export type NoticeWriter = (message: string) => void;

/** Injectable pieces of auth beyond the core services (see `registerHttpAndAuth`). */
export const authServices = {
  credentialStore: createServiceToken<CredentialStore>('core.auth.credentialStore'),
  openBrowser: createServiceToken<BrowserOpener>('core.auth.openBrowser'),
  notice: createServiceToken<NoticeWriter>('core.auth.notice'),
  /** Environment the secrets are read from (`process.env` by default). */
  env: createServiceToken<NodeJS.ProcessEnv>('core.auth.env'),
} as const;

/** Opens the browser with `open`; a headless machine just gets the printed URL. */
export const defaultOpenBrowser: BrowserOpener = async (url) => {
  const { default: open } = await import('open');
  const child = await open(url);
  child.on('error', () => undefined);
};

/** Prints to stderr. */
export const stderrNotice: NoticeWriter = (message) => {
  process.stderr.write(`${message}\n`);
};
