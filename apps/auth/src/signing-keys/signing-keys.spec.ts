import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SigningKeys } from './signing-keys';

const ACTIVATION_MS = 90_000;
const RETENTION_MS = 660_000;

function ring() {
  const dir = mkdtempSync(path.join(tmpdir(), 'signing-keys-'));
  const initialKeyFile = path.join(dir, 'jwt-signing-key.pem');
  writeFileSync(initialKeyFile, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
  let now = 1_700_000_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const options = { initialKeyFile, directory: path.join(dir, 'rotated'), activationMs: ACTIVATION_MS, retentionMs: RETENTION_MS, now: () => now };
  return { options, clock };
}

const kids = (keys: SigningKeys) => keys.publicJwks().keys.map((key) => key.kid);

describe('SigningKeys (the signing keyring)', () => {
  it('publishes a rotated key at once but signs with it only after the activation delay', async () => {
    const { options, clock } = ring();
    const keys = await SigningKeys.load(options);
    const first = keys.current().kid;

    const next = await keys.rotate();
    expect(kids(keys)).toEqual([first, next.kid]);
    expect(keys.current().kid).toBe(first);

    clock.advance(ACTIVATION_MS);
    expect(keys.current().kid).toBe(next.kid);
    // The old key still verifies the tokens it signed until they have all expired.
    expect(kids(keys)).toEqual([first, next.kid]);
    expect(keys.describe().map((key) => key.state)).toEqual(['previous', 'active']);

    clock.advance(RETENTION_MS);
    expect(kids(keys)).toEqual([next.kid]);
    expect(keys.describe().map((key) => key.state)).toEqual(['retired', 'active']);
  });

  it('stores the new key owner-only on disk, so another replica loads the same ring', async () => {
    const { options, clock } = ring();
    const keys = await SigningKeys.load(options);
    const next = await keys.rotate();
    const [file] = readdirSync(options.directory);
    expect(file).toMatch(new RegExp(`-${next.kid}\\.pem$`));
    expect(statSync(path.join(options.directory, file)).mode & 0o777).toBe(0o600);

    clock.advance(ACTIVATION_MS);
    const replica = await SigningKeys.load(options);
    expect(replica.current().kid).toBe(next.kid);
    expect(kids(replica)).toEqual(kids(keys));
  });

  it('never publishes private key material', async () => {
    const { options } = ring();
    const keys = await SigningKeys.load(options);
    await keys.rotate();
    for (const jwk of keys.publicJwks().keys) expect(jwk).not.toHaveProperty('d');
  });

  it('fails to start with a clear message when the initial key is missing', async () => {
    const { options } = ring();
    await expect(SigningKeys.load({ ...options, initialKeyFile: '/nonexistent/key.pem' })).rejects.toThrow(/JWT_SIGNING_KEY_FILE.*ENOENT/);
  });
});
