import { describe, expect, it } from 'vitest';
import { SimulatedProcessor } from './simulated-processor';

const authorize = (pan: string) => new SimulatedProcessor().authorize({ pan: Buffer.from(pan), amountCents: 1000, currency: 'USD', reference: 'order-1' });

describe('SimulatedProcessor', () => {
  it('approves 4242 4242 4242 4242 and any other card', async () => {
    await expect(authorize('4242424242424242')).resolves.toEqual({ outcome: 'approved' });
    await expect(authorize('5555555555554444')).resolves.toEqual({ outcome: 'approved' });
  });

  it('declines 4000 0000 0000 0002', async () => {
    await expect(authorize('4000000000000002')).resolves.toEqual({ outcome: 'declined', declineCode: 'card_declined' });
  });

  it('declines 4000 0000 0000 9995 for insufficient funds', async () => {
    await expect(authorize('4000000000009995')).resolves.toEqual({ outcome: 'declined', declineCode: 'insufficient_funds' });
  });
});
