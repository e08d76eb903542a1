import { constants, realpathSync } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { AtlassianMcpConfig } from '@atlassian-mcp/config';
import { inject, Service } from '../plugin-api/decorators.js';
import { coreServices } from '../plugin-api/tokens.js';
import type { FileConsent, FileUpload, LocalFile, LocalFilesService, UploadSource } from '../plugin-api/services.js';
import { InputError, NotAllowedError } from '../plugin-api/errors.js';
import { defaultConfigDir } from '../auth/file-credential-store.js';
import { defaultAuditFile } from '../audit/audit-log.js';
import { absolutePath, forbiddenTrees, homeDir, refusal, type FileRules } from './path-rules.js';
import { fileSize as size } from '../render/display.js';
import { fileUpload, inlineUpload, uploadKind } from './uploads.js';

function realOrGiven(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/**
 * The one way a tool reads or writes a local file. Off unless the configuration names allowed
 * directories; paths are resolved (symlinks followed) and must stay inside them; the credential
 * store, the audit log, `/proc`, `/sys`, `/dev` and hidden files are never reachable; the user
 * confirms each access with the resolved path and size where the client can ask.
 */
@Service()
export class LocalFiles implements LocalFilesService {
  readonly enabled: boolean;
  private readonly rules: FileRules;
  private readonly maxBytes: number;

  constructor(@inject(coreServices.rootConfig) config: Readonly<AtlassianMcpConfig>) {
    const files = config.files ?? { enabled: true, allowedDirs: [], maxBytes: 10 * 1024 * 1024 };
    const home = homeDir();
    const given = files.allowedDirs.map((d) => absolutePath(d, { allowed: [], forbidden: [], home }));
    this.rules = {
      allowed: given.map((d) => ({ given: d, real: realOrGiven(d) })),
      forbidden: forbiddenTrees([
        config.auth.storeDir ?? defaultConfigDir(),
        config.audit.file ?? defaultAuditFile(),
      ]).flatMap((p) => [p, realOrGiven(p)]),
      home,
    };
    this.enabled = files.enabled && this.rules.allowed.length > 0;
    this.maxBytes = files.maxBytes;
  }

  async read(path: string, consent: FileConsent, options: { purpose?: string } = {}): Promise<LocalFile> {
    const real = await this.resolveExisting(path);
    const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW).catch(() => {
      throw new InputError(`Cannot open ${path}.`);
    });
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new InputError(`${path} is not a regular file.`);
      // The file opened must be the one checked: a path swapped for a symlink meanwhile is refused.
      const again = await realpath(real);
      const checked = await stat(again);
      if (again !== real || checked.ino !== info.ino || checked.dev !== info.dev)
        throw new NotAllowedError(`${path} changed while it was being opened.`);
      if (info.size > this.maxBytes)
        throw new InputError(`${real} is ${size(info.size)}; the limit is ${size(this.maxBytes)}.`);
      const what = options.purpose ? ` to ${options.purpose}` : '';
      if (!(await consent.confirm(`Read the local file ${real} (${size(info.size)})${what}?`)))
        throw new NotAllowedError(`The user declined reading ${real}.`, { hint: 'Ask the user which file to use.' });
      const bytes = new Uint8Array(await handle.readFile());
      return { bytes, path: real, name: basename(real), size: bytes.length };
    } finally {
      await handle.close();
    }
  }

  async readUpload(source: UploadSource, consent: FileConsent, options: { purpose: string }): Promise<FileUpload> {
    if (uploadKind(source) === 'base64') return inlineUpload(source);
    const file = await this.read(source.path!, consent, options);
    return fileUpload(file.bytes, source.filename ?? file.name);
  }

  async write(
    path: string,
    bytes: Uint8Array,
    consent: FileConsent,
    options: { purpose?: string } = {},
  ): Promise<{ path: string; size: number }> {
    const target = this.check(path);
    if (bytes.length > this.maxBytes)
      throw new InputError(`The content is ${size(bytes.length)}; the limit is ${size(this.maxBytes)}.`);
    const dir = await realpath(dirname(target)).catch(() => {
      throw new InputError(`There is no directory ${dirname(path)} inside the allowed directories.`);
    });
    const real = join(dir, basename(target));
    this.refuse(path, refusal(real, this.rules, 'real'));
    const what = options.purpose ? ` (${options.purpose})` : '';
    if (!(await consent.confirm(`Save ${size(bytes.length)} to the local file ${real}${what}?`)))
      throw new NotAllowedError(`The user declined saving ${real}.`, { hint: 'Ask the user where to save it.' });
    // O_EXCL + O_NOFOLLOW: never overwrite a file, never write through a symlink planted at the name.
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
    const handle = await open(real, flags, 0o600).catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'EEXIST'
        ? new InputError(`${real} already exists.`, { hint: 'Choose a new file name.' })
        : new InputError(`Cannot create ${real}.`);
    });
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
    return { path: real, size: bytes.length };
  }

  /** The path as written must be allowed before anything touches the file system. */
  private check(path: string): string {
    if (!this.enabled) {
      throw new NotAllowedError('Local file access is off on this server.', {
        hint:
          this.rules.allowed.length === 0
            ? 'Pass the content inline instead, or ask the operator to set files.allowedDirs (ATLASSIAN_FILES_ALLOWED_DIRS).'
            : 'Pass the content inline instead.',
      });
    }
    const absolute = absolutePath(path, this.rules);
    this.refuse(path, refusal(absolute, this.rules, 'given'));
    return absolute;
  }

  private async resolveExisting(path: string): Promise<string> {
    const absolute = this.check(path);
    const real = await realpath(absolute).catch(() => {
      throw new InputError(`No file at ${path} inside the allowed directories.`, { hint: this.where() });
    });
    this.refuse(path, refusal(real, this.rules, 'real'));
    return real;
  }

  private refuse(path: string, reason: string | undefined): void {
    if (reason) throw new NotAllowedError(`${path} ${reason}.`, { hint: this.where() });
  }

  private where(): string {
    return `Allowed directories: ${this.rules.allowed.map((d) => d.given).join(', ')} (no hidden files).`;
  }
}
