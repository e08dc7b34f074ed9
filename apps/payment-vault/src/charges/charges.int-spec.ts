import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi, type MockInstance } from 'vitest';
import { loadTlsIdentity, type ServiceClient } from '@storefront/platform/mtls';
import { decryptWithDataKey } from '@storefront/vault/crypto';
import { CardProcessor } from '../processor/card-processor';
import { gatewayAssertionHeaders } from '../testing/gateway-assertion';
import { startVaultStack, type VaultStack } from '../testing/start-vault-stack';

const APPROVE = '4242424242424242';
const DECLINE = '4000000000000002';
const INSUFFICIENT_FUNDS = '4000000000009995';
const NEXT_YEAR = new Date().getUTCFullYear() + 1;

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };

describe('POST /internal/charges (charging a token)', () => {
  let stack: VaultStack;
  let gateway: ServiceClient;
  let order: ServiceClient;
  let processorCalls: MockInstance<CardProcessor['authorize']>;

  async function tokenize(pan: string, userId: string): Promise<string> {
    const body = { number: pan, expMonth: 1, expYear: NEXT_YEAR, cvc: '123', holder: 'Test Holder' };
    const response = await gateway.request({ method: 'POST', path: '/payments/cards', body, headers: await gatewayAssertionHeaders(stack.tlsDir, userId) });
    expect(response.status).toBe(201);
    return (JSON.parse(response.body.toString()) as { cardToken: string }).cardToken;
  }

  async function charge(body: Record<string, unknown>, client = order): Promise<{ status: number; json: Json; text: string }> {
    const response = await client.request({ method: 'POST', path: '/internal/charges', body });
    const text = response.body.toString('utf8');
    return { status: response.status, json: JSON.parse(text) as Json, text };
  }

  const chargeFor = (cardToken: string, userId: string, overrides: Record<string, unknown> = {}) => ({
    cardToken,
    userId,
    orderId: randomUUID(),
    amountCents: 2599,
    currency: 'USD',
    ...overrides,
  });

  async function chargeRows(orderId: string) {
    const db = await stack.sql();
    try {
      return (await db.query<{ id: string; status: string; amount_cents: number }>('SELECT id, status, amount_cents FROM charges WHERE order_id = $1', [orderId])).rows;
    } finally {
      await db.end();
    }
  }

  beforeAll(async () => {
    stack = await startVaultStack(inject('postgresAdminUrl'), { redisUrl: inject('redisUrl') });
    gateway = stack.client('gateway');
    order = stack.client('order');
    processorCalls = vi.spyOn(stack.vault.get(CardProcessor), 'authorize');
  });
  beforeEach(() => {
    processorCalls.mockClear();
  });
  afterAll(async () => stack?.stop());

  it('approves a charge of 4242… with 201 {chargeId, status, brand, last4} and records it', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(APPROVE, user), user);
    const response = await charge(request);
    expect(response.status).toBe(201);
    expect(response.json).toEqual({ chargeId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'approved', brand: 'visa', last4: '4242' });
    expect(response.text).not.toContain(APPROVE);
    expect(await chargeRows(request.orderId)).toEqual([{ id: response.json.chargeId, status: 'approved', amount_cents: 2599 }]);
    // The processor saw the real card number (decrypted inside the vault) and our order reference.
    expect(processorCalls).toHaveBeenCalledTimes(1);
    expect(processorCalls.mock.calls[0][0]).toMatchObject({ amountCents: 2599, currency: 'USD', reference: request.orderId });
  });

  it('wipes the decrypted card number once the processor has answered', async () => {
    const user = randomUUID();
    let seen: Buffer | undefined;
    processorCalls.mockImplementationOnce(async (request) => {
      seen = request.pan;
      expect(request.pan.toString('ascii')).toBe(APPROVE);
      return { outcome: 'approved' };
    });
    await charge(chargeFor(await tokenize(APPROVE, user), user));
    expect(seen?.every((byte) => byte === 0)).toBe(true);
  });

  it('declines 4000 0000 0000 0002 with 402 CARD_DECLINED, and a retry answers 402 again without calling the processor', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(DECLINE, user), user);
    const first = await charge(request);
    expect(first.status).toBe(402);
    expect(first.json.error).toMatchObject({ code: 'CARD_DECLINED', details: { declineCode: 'card_declined' } });
    const retry = await charge(request);
    expect(retry.status).toBe(402);
    expect(retry.json.error).toMatchObject({ code: 'CARD_DECLINED', details: { chargeId: first.json.error?.details?.chargeId } });
    expect(processorCalls).toHaveBeenCalledTimes(1);
    expect(await chargeRows(request.orderId)).toHaveLength(1);
  });

  it('declines 4000 0000 0000 9995 for insufficient funds with 402', async () => {
    const user = randomUUID();
    const response = await charge(chargeFor(await tokenize(INSUFFICIENT_FUNDS, user), user));
    expect(response.status).toBe(402);
    expect(response.json.error).toMatchObject({ code: 'CARD_DECLINED', details: { declineCode: 'insufficient_funds' } });
  });

  it('charges an order once: the same orderId twice returns the first charge', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(APPROVE, user), user);
    const first = await charge(request);
    const second = await charge(request);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(processorCalls).toHaveBeenCalledTimes(1);
    expect(await chargeRows(request.orderId)).toHaveLength(1);
  });

  it('charges an order once even when retries arrive concurrently', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(APPROVE, user), user);
    const responses = await Promise.all(Array.from({ length: 6 }, () => charge(request)));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(responses.map((r) => r.json.chargeId)).size).toBe(1);
    expect(processorCalls).toHaveBeenCalledTimes(1);
    expect(await chargeRows(request.orderId)).toHaveLength(1);
  });

  it('refuses to reuse an orderId with another amount with 409 IDEMPOTENCY_CONFLICT', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(APPROVE, user), user);
    await charge(request);
    const conflicting = await charge({ ...request, amountCents: 1 });
    expect(conflicting.status).toBe(409);
    expect(conflicting.json.error?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await chargeRows(request.orderId)).toEqual([expect.objectContaining({ amount_cents: 2599 })]);
  });

  it("answers 404 CARD_NOT_FOUND for another user's token and for an unknown token, without charging", async () => {
    const owner = randomUUID();
    const token = await tokenize(APPROVE, owner);
    const stranger = await charge(chargeFor(token, randomUUID()));
    expect(stranger.status).toBe(404);
    expect(stranger.json.error?.code).toBe('CARD_NOT_FOUND');
    const unknown = await charge(chargeFor('tok_000000000000000000000000', owner));
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.code).toBe('CARD_NOT_FOUND');
    expect(processorCalls).not.toHaveBeenCalled();
  });

  it('refuses the gateway identity (and any identity but order) with 403', async () => {
    const user = randomUUID();
    const request = chargeFor(await tokenize(APPROVE, user), user);
    for (const identity of ['gateway', 'ops']) {
      const response = await charge(request, stack.client(identity));
      expect(response.status).toBe(403);
      expect(response.json.error?.code).toBe('CLIENT_NOT_ALLOWED');
    }
    expect(processorCalls).not.toHaveBeenCalled();
  });

  it.each([
    ['an amount of 0', { amountCents: 0 }],
    ['an amount over 10,000,000 cents', { amountCents: 10_000_001 }],
    ['a fractional amount', { amountCents: 10.5 }],
    ['another currency', { currency: 'EUR' }],
    ['a non-UUID orderId', { orderId: 'order-1' }],
    ['a malformed token', { cardToken: 'tok_short' }],
    ['an unknown field', { status: 'approved' }],
  ])('rejects %s with 400 VALIDATION_FAILED', async (_case, overrides) => {
    const user = randomUUID();
    const response = await charge(chargeFor('tok_000000000000000000000000', user, overrides));
    expect(response.status).toBe(400);
    expect(response.json.error?.code).toBe('VALIDATION_FAILED');
  });

  describe('ciphertext is bound to its token (AAD and KMS encryption context)', () => {
    const columns = ['pan_ciphertext', 'pan_iv', 'pan_tag', 'wrapped_data_key'] as const;

    async function copyColumns(from: string, to: string, which: readonly string[]) {
      const db = await stack.sql();
      const assignments = which.map((column) => `${column} = src.${column}`).join(', ');
      await db.query(`UPDATE cards SET ${assignments} FROM cards src WHERE src.token = $1 AND cards.token = $2`, [from, to]);
      await db.end();
    }

    it("refuses to charge a card whose ciphertext was swapped with another card's (500 CARD_UNREADABLE, processor never called)", async () => {
      const user = randomUUID();
      const [a, b] = [await tokenize(DECLINE, user), await tokenize(APPROVE, user)];
      await copyColumns(a, b, columns);
      const request = chargeFor(b, user);
      const response = await charge(request);
      expect(response.status).toBe(500);
      expect(response.json.error?.code).toBe('CARD_UNREADABLE');
      expect(response.text).not.toMatch(/4000000000000002|4242424242424242/);
      expect(processorCalls).not.toHaveBeenCalled();
      expect(await chargeRows(request.orderId)).toEqual([]);
    });

    it('refuses to charge when only the PAN ciphertext, IV and tag were swapped (the data key no longer matches)', async () => {
      const user = randomUUID();
      const [a, b] = [await tokenize(DECLINE, user), await tokenize(APPROVE, user)];
      await copyColumns(a, b, ['pan_ciphertext', 'pan_iv', 'pan_tag']);
      const response = await charge(chargeFor(b, user));
      expect(response.json.error?.code).toBe('CARD_UNREADABLE');
      expect(processorCalls).not.toHaveBeenCalled();
    });

    it("does not decrypt one card's ciphertext under another token id even with the right data key (AAD)", async () => {
      const user = randomUUID();
      const [a, b] = [await tokenize(APPROVE, user), await tokenize(APPROVE, user)];
      const db = await stack.sql();
      const { rows } = await db.query<{ pan_ciphertext: Buffer; pan_iv: Buffer; pan_tag: Buffer; wrapped_data_key: Buffer }>('SELECT * FROM cards WHERE token = $1', [a]);
      await db.end();
      const tls = loadTlsIdentity(stack.tlsDir, 'payment-vault');
      const kms = new KMSClient({
        region: 'us-east-1',
        endpoint: stack.kms.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        requestHandler: new NodeHttpHandler({ httpsAgent: new https.Agent({ key: tls.key, cert: tls.cert, ca: tls.ca }) }),
      });
      const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: rows[0].wrapped_data_key, EncryptionContext: { purpose: 'card-pan', cardToken: a } }));
      // The KMS itself refuses the wrapped key under the other token's context.
      await expect(kms.send(new DecryptCommand({ CiphertextBlob: rows[0].wrapped_data_key, EncryptionContext: { purpose: 'card-pan', cardToken: b } }))).rejects.toMatchObject({
        name: 'InvalidCiphertextException',
      });
      kms.destroy();
      const sealed = { ciphertext: rows[0].pan_ciphertext, iv: rows[0].pan_iv, tag: rows[0].pan_tag };
      expect(() => decryptWithDataKey(Buffer.from(Plaintext!), sealed, Buffer.from(b))).toThrow();
      expect(decryptWithDataKey(Buffer.from(Plaintext!), sealed, Buffer.from(a)).toString('ascii')).toBe(APPROVE);
    });
  });
});
