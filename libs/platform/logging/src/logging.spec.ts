import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, runWithContext } from './index';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ service: 'test', destination });
  return { logger, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger redaction', () => {
  it('redacts sensitive field names at any depth', () => {
    const { logger, parsed } = capture();
    logger.info({ password: 'hunter2', body: { card: { number: '1', cvc: '123' } }, headers: { authorization: 'Bearer x' } }, 'login');
    const [line] = parsed();
    expect(JSON.stringify(line)).not.toMatch(/hunter2|Bearer x|"123"/);
    expect(line.password).toBe('[REDACTED]');
    expect((line.body as { card: { cvc: string } }).card.cvc).toBe('[REDACTED]');
  });

  it('scrubs a Luhn-valid card number from the message and from any field', () => {
    const { logger, parsed } = capture();
    logger.info({ note: 'paid with 4242-4242-4242-4242', raw: 4242424242424242 }, 'customer typed 4242 4242 4242 4242 in the address');
    const [line] = parsed();
    const text = JSON.stringify(line);
    expect(text).not.toMatch(/4242.?4242.?4242.?4242/);
    expect(line.msg).toBe('customer typed [PAN] in the address');
    expect(line.raw).toBe('[PAN]');
  });

  it('keeps numbers that are not card numbers', () => {
    const { logger, parsed } = capture();
    logger.info({ orderNumber: '1234567890123' }, 'shipped');
    expect(parsed()[0].orderNumber).toBe('1234567890123');
  });

  it('stamps every line with the correlation and user id of the current request', () => {
    const { logger, parsed } = capture();
    runWithContext({ correlationId: 'corr-12345678', userId: 'user-1' }, () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ correlationId: 'corr-12345678', userId: 'user-1', service: 'test' });
    expect(outside.correlationId).toBeUndefined();
  });
});
