import https from 'node:https';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTlsIdentity, type ServiceClient } from '@storefront/platform/mtls';
import { decryptWithDataKey } from '@storefront/vault/crypto';
import { gatewayAssertionHeaders, signedAssertion } from '../testing/gateway-assertion';
import { startVaultStack, type VaultStack } from '../testing/start-vault-stack';

const PAN = '4242424242424242';
const PAN_HEX = Buffer.from(PAN, 'ascii').toString('hex');
const USER = randomUUID();
const THIS_YEAR = new Date().getUTCFullYear();
const card = (overrides: Record<string, unknown> = {}) => ({ number: '4242 4242 4242 4242', expMonth: 12, expYear: THIS_YEAR + 3, cvc: '123', holder: 'Ada Lovelace', ...overrides });

interface CardRow {
  token: string;
  user_id: string;
  pan_ciphertext: Buffer;
  pan_iv: Buffer;
  pan_tag: Buffer;
  wrapped_data_key: Buffer;
  kms_key_id: string;
  fingerprint: string;
}

describe('POST /payments/cards (tokenization)', () => {
  let stack: VaultStack;
  let gateway: ServiceClient;

  /** headers: what the caller sends instead of a fresh gateway assertion for USER. */
  async function tokenize(body: unknown, options: { client?: ServiceClient; headers?: Record<string, string> } = {}) {
    const headers = options.headers ?? (await gatewayAssertionHeaders(stack.tlsDir, USER));
    const response = await (options.client ?? gateway).request({ method: 'POST', path: '/payments/cards', body: body as object, headers });
    const text = response.body.toString('utf8');
    return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string } } };
  }

  async function cardCount(): Promise<number> {
    const db = await stack.sql();
    try {
      return Number((await db.query<{ count: string }>('SELECT count(*) FROM cards')).rows[0].count);
    } finally {
      await db.end();
    }
  }

  async function cardRow(token: string): Promise<{ row: CardRow; asText: string }> {
    const db = await stack.sql();
    try {
      const { rows } = await db.query<CardRow>('SELECT * FROM cards WHERE token = $1', [token]);
      const text = await db.query<{ row: string }>('SELECT c::text AS row FROM cards c WHERE token = $1', [token]);
      return { row: rows[0], asText: text.rows[0].row };
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
    gateway = stack.client('gateway');
  });
  afterAll(async () => stack?.stop());

  it('tokenizes 4242 4242 4242 4242 and answers 201 with token, brand, last4 and expiry', async () => {
    const response = await tokenize(card());
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ cardToken: expect.stringMatching(/^tok_[A-Za-z0-9]{24}$/), brand: 'visa', last4: '4242', expMonth: 12, expYear: THIS_YEAR + 3 });
    expect(response.text).not.toContain(PAN);
  });

  it('stores no card number in clear anywhere in the row, in text or as hex bytes, and no CVC column', async () => {
    const { json } = await tokenize(card());
    const { row, asText } = await cardRow(json.cardToken as string);
    expect(row.user_id).toBe(USER);
    expect(asText).not.toContain(PAN);
    expect(asText.toLowerCase()).not.toContain(PAN_HEX);
    expect(asText).not.toContain('4242 4242');
    const db = await stack.sql();
    const { rows } = await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public'");
    await db.end();
    expect(rows.map((r) => r.column_name).filter((name) => /cvc|cvv|pan$|number/i.test(name))).toEqual([]);
  });

  it('keeps a ciphertext that only the KMS can open: the vault identity unwraps it, the row alone does not', async () => {
    const { json } = await tokenize(card());
    const token = json.cardToken as string;
    const { row, asText } = await cardRow(token);
    const kmsClient = (identity: string) => {
      const tls = loadTlsIdentity(stack.tlsDir, identity);
      return new KMSClient({
        region: 'us-east-1',
        endpoint: stack.kms.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
        maxAttempts: 1,
      });
    };
    const request = new DecryptCommand({ CiphertextBlob: row.wrapped_data_key, KeyId: row.kms_key_id, EncryptionContext: { purpose: 'card-pan', cardToken: token } });

    const vaultKms = kmsClient('payment-vault');
    const { Plaintext } = await vaultKms.send(request);
    vaultKms.destroy();
    const dataKey = Buffer.from(Plaintext!);
    // The plaintext data key is nowhere in the stored row.
    expect(asText.toLowerCase()).not.toContain(dataKey.toString('hex'));
    const sealed = { ciphertext: row.pan_ciphertext, iv: row.pan_iv, tag: row.pan_tag };
    expect(decryptWithDataKey(Buffer.from(dataKey), sealed, Buffer.from(token)).toString('ascii')).toBe(PAN);
    // Without the KMS, no key from the row opens it.
    expect(() => decryptWithDataKey(randomBytes(32), sealed, Buffer.from(token))).toThrow();
    // And the KMS serves the vault alone.
    const orderKms = kmsClient('order');
    await expect(orderKms.send(request)).rejects.toMatchObject({ name: 'AccessDeniedException' });
    orderKms.destroy();
  });

  it('accepts a number typed with spaces or dashes', async () => {
    const response = await tokenize(card({ number: '4242-4242 4242-4242' }));
    expect(response.status).toBe(201);
    expect(response.json.last4).toBe('4242');
  });

  it('fingerprints the same card identically with a keyed HMAC, never a bare hash', async () => {
    const first = await tokenize(card());
    const second = await tokenize(card({ number: '4242-4242-4242-4242' }));
    const [a, b] = await Promise.all([cardRow(first.json.cardToken as string), cardRow(second.json.cardToken as string)]);
    expect(a.row.fingerprint).toBe(b.row.fingerprint);
    expect(a.row.fingerprint).not.toBe(createHash('sha256').update(PAN).digest('hex'));
    expect(a.row.pan_ciphertext.equals(b.row.pan_ciphertext)).toBe(false);
  });

  it('rejects a Luhn-invalid card with 400 INVALID_CARD and does not echo the number', async () => {
    const response = await tokenize(card({ number: '4242424242424241' }));
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('INVALID_CARD');
    expect(response.text).not.toContain('4242424242424241');
  });

  it('rejects a Luhn-valid number of the wrong length with 400 INVALID_CARD', async () => {
    // 12 digits (the shortest the DTO lets through) that pass Luhn.
    const response = await tokenize(card({ number: '424242424242' }));
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('INVALID_CARD');
  });

  it('rejects an expired card with 400 CARD_EXPIRED and accepts one expiring this month', async () => {
    const now = new Date();
    const lastMonth = now.getUTCMonth() === 0 ? { expMonth: 12, expYear: now.getUTCFullYear() - 1 } : { expMonth: now.getUTCMonth(), expYear: now.getUTCFullYear() };
    const expired = await tokenize(card(lastMonth));
    expect(expired.status).toBe(400);
    expect(expired.json.error?.code).toBe('CARD_EXPIRED');
    const thisMonth = await tokenize(card({ expMonth: now.getUTCMonth() + 1, expYear: now.getUTCFullYear() }));
    expect(thisMonth.status).toBe(201);
  });

  it('rejects an unknown field with 400 VALIDATION_FAILED (the owner is never taken from the body)', async () => {
    const response = await tokenize({ ...card(), userId: randomUUID() });
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['a CVC that is not 3–4 digits', { cvc: '12a' }],
    ['a month of 13', { expMonth: 13 }],
    ['a 2-digit year', { expYear: 29 }],
    ['an empty holder', { holder: '' }],
    ['a holder of blanks', { holder: '   ' }],
    ['a holder over 100 characters', { holder: 'x'.repeat(101) }],
    ['a number with letters', { number: '4242424242424242abc' }],
    ['a number too long', { number: '4'.repeat(24) }],
    ['a number that is not a string', { number: 4242424242424242 }],
  ])('rejects %s with 400 VALIDATION_FAILED without echoing the number', async (_case, overrides) => {
    const response = await tokenize(card(overrides));
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('VALIDATION_FAILED');
    expect(response.text).not.toContain(PAN);
  });

  describe('the gateway\'s signed assertion of the user', () => {
    const assertion = (token: string) => ({ 'x-storefront-assertion': token });
    async function expectUnauthenticated(headers: Record<string, string>) {
      const before = await cardCount();
      const response = await tokenize(card(), { headers });
      expect(response.status).toBe(401);
      expect(response.json.error?.code).toBe('UNAUTHENTICATED');
      expect(await cardCount()).toBe(before);
    }

    it('refuses a request with no assertion with 401 UNAUTHENTICATED', async () => {
      await expectUnauthenticated({});
    });

    it('never accepts the old x-storefront-user header, even from the gateway certificate', async () => {
      await expectUnauthenticated({ 'x-storefront-user': USER });
    });

    it('refuses an expired assertion', async () => {
      await expectUnauthenticated(assertion(await signedAssertion(stack.tlsDir, USER, { now: new Date(Date.now() - 120_000) })));
    });

    it('refuses an assertion signed with a key other than the calling gateway certificate\'s', async () => {
      // A valid key of the project PKI, just not the one of the connection.
      await expectUnauthenticated(assertion(await signedAssertion(stack.tlsDir, USER, { identity: 'order' })));
    });

    it('refuses an assertion for another audience', async () => {
      await expectUnauthenticated(assertion(await signedAssertion(stack.tlsDir, USER, { target: { audience: 'order' } })));
    });

    it('refuses an assertion issued for another route or method', async () => {
      await expectUnauthenticated(assertion(await signedAssertion(stack.tlsDir, USER, { target: { path: '/internal/charges' } })));
      await expectUnauthenticated(assertion(await signedAssertion(stack.tlsDir, USER, { target: { method: 'PUT' } })));
    });

    it('refuses an assertion whose user was tampered with, and garbage', async () => {
      const [header, payload, signature] = (await signedAssertion(stack.tlsDir, USER)).split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url');
      await expectUnauthenticated(assertion(`${header}.${forged}.${signature}`));
      await expectUnauthenticated(assertion('admin'));
    });

    it('stores the card for the asserted user', async () => {
      const other = randomUUID();
      const { json, status } = await tokenize(card(), { headers: await gatewayAssertionHeaders(stack.tlsDir, other) });
      expect(status).toBe(201);
      expect((await cardRow(json.cardToken as string)).row.user_id).toBe(other);
    });
  });

  it('refuses the order identity (and any identity but the gateway) with 403 CLIENT_NOT_ALLOWED', async () => {
    for (const identity of ['order', 'ops']) {
      const response = await tokenize(card(), { client: stack.client(identity) });
      expect(response.status).toBe(403);
      expect(response.json.error?.code).toBe('CLIENT_NOT_ALLOWED');
    }
  });

  it('offers no route that reads a card back', async () => {
    const { json } = await tokenize(card());
    for (const path of [`/payments/cards/${json.cardToken as string}`, '/payments/cards']) {
      const headers = { 'x-storefront-assertion': await signedAssertion(stack.tlsDir, USER, { target: { method: 'GET', path } }) };
      const response = await gateway.request({ method: 'GET', path, headers });
      expect(response.status).toBe(404);
      expect(response.body.toString()).not.toContain(PAN);
    }
  });

  describe('when the KMS is down', () => {
    it('answers tokenization with 503 SERVICE_UNAVAILABLE and stores nothing', async () => {
      const db = await stack.sql();
      const before = await db.query<{ count: string }>('SELECT count(*) FROM cards');
      await stack.stopKms();
      const response = await tokenize(card());
      expect(response.status).toBe(503);
      expect(response.json.error?.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.text).not.toContain(PAN);
      const after = await db.query<{ count: string }>('SELECT count(*) FROM cards');
      await db.end();
      expect(after.rows[0].count).toBe(before.rows[0].count);
    });
  });
});
