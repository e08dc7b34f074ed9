import { generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JSONWebKeySet } from 'jose';
import type { JwksSource } from '@storefront/identity/access';
import { signingKeyFromPem, type SigningKey } from './signing-key';

/** One key of the ring and the moment it starts signing. */
export interface KeyringEntry {
  key: SigningKey;
  /** Epoch ms; 0 for the key configured at first start. */
  activatesAt: number;
}

export type KeyState = 'pending' | 'active' | 'previous' | 'retired';

export interface KeyringOptions {
  /** The key the launcher generated (JWT_SIGNING_KEY_FILE): the ring's first entry. */
  initialKeyFile: string;
  /** Where rotated keys are written, one PEM per key, named `<activatesAt>-<kid>.pem`. */
  directory: string;
  /** How long a new key is published before it signs: longer than any verifier's JWKS cache, so no verifier meets an unknown kid. */
  activationMs: number;
  /** How long a superseded key stays published: its last tokens must outlive it (access-token lifetime plus skew). */
  retentionMs: number;
  now?: () => number;
}

const ROTATED_KEY_FILE = /^(\d{1,15})-([A-Za-z0-9_-]{43})\.pem$/;

/**
 * The keys this service signs with, as a ring: the newest key whose
 * activation time has passed signs; newer keys are already published so
 * verifiers learn them before they meet them; the key it replaced stays
 * published until every token it signed has expired. Rotation therefore
 * logs nobody out. The ring lives in files beside the initial key (same
 * protection), so every auth replica reads the same ring (`reload`).
 */
export class SigningKeys implements JwksSource {
  private constructor(
    private entries: KeyringEntry[],
    private readonly options: KeyringOptions | undefined,
    private readonly now: () => number,
  ) {}

  static async load(options: KeyringOptions): Promise<SigningKeys> {
    const keys = new SigningKeys([], options, options.now ?? Date.now);
    await keys.reload();
    return keys;
  }

  /** A fixed single key (unit tests of token issuing); cannot rotate. */
  static fromKey(key: SigningKey): SigningKeys {
    return new SigningKeys([{ key, activatesAt: 0 }], undefined, Date.now);
  }

  /** Re-reads the ring from disk (another replica may have rotated). */
  async reload(): Promise<void> {
    if (!this.options) return;
    const initialPem = await readFile(this.options.initialKeyFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(`cannot read the token signing key (JWT_SIGNING_KEY_FILE): ${error.code ?? error.message}`);
    });
    const entries: KeyringEntry[] = [{ key: await signingKeyFromPem(initialPem), activatesAt: 0 }];
    const files = await readdir(this.options.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const file of files) {
      const match = ROTATED_KEY_FILE.exec(file);
      if (!match) continue;
      const key = await signingKeyFromPem(await readFile(path.join(this.options.directory, file), 'utf8'));
      // The name is not trusted for the kid: it is recomputed from the key itself.
      entries.push({ key, activatesAt: Number(match[1]) });
    }
    this.entries = entries.sort((a, b) => a.activatesAt - b.activatesAt);
  }

  /** Creates the next key; it is published now and signs from `activatesAt` on. */
  async rotate(): Promise<{ kid: string; activatesAt: Date }> {
    if (!this.options) throw new Error('this key set was built from a single key and cannot rotate');
    const { directory, activationMs } = this.options;
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const key = await signingKeyFromPem(pem);
    const activatesAt = this.now() + activationMs;
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const file = path.join(directory, `${activatesAt}-${key.kid}.pem`);
    await writeFile(file, pem, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    await this.reload();
    return { kid: key.kid, activatesAt: new Date(activatesAt) };
  }

  /** The key that signs now. */
  current(): SigningKey {
    return this.activeEntry().key;
  }

  /** Every key with its state, oldest first (for the admin view). */
  describe(): Array<{ kid: string; activatesAt: Date; state: KeyState }> {
    return this.entries.map((entry) => ({ kid: entry.key.kid, activatesAt: new Date(entry.activatesAt), state: this.stateOf(entry) }));
  }

  publicJwks(): JSONWebKeySet {
    return { keys: this.entries.filter((entry) => this.stateOf(entry) !== 'retired').map((entry) => entry.key.publicJwk) };
  }

  /** Auth verifies its own tokens from memory: no network call to itself. */
  async getJwks(): Promise<JSONWebKeySet> {
    return this.publicJwks();
  }

  private activeEntry(): KeyringEntry {
    const now = this.now();
    const active = this.entries.filter((entry) => entry.activatesAt <= now).at(-1);
    if (!active) throw new Error('no signing key is active');
    return active;
  }

  private stateOf(entry: KeyringEntry): KeyState {
    const now = this.now();
    if (entry.activatesAt > now) return 'pending';
    const active = this.activeEntry();
    if (entry === active) return 'active';
    // Superseded: published until its successor has been signing for longer than a token lives.
    const successor = this.entries[this.entries.indexOf(entry) + 1];
    return successor.activatesAt + (this.options?.retentionMs ?? 0) > now ? 'previous' : 'retired';
  }
}
