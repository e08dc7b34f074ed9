/**
 * The card number goes in once, at tokenization, and never comes back out:
 * not in the tokenize answer, not in an error about it, not in any order or
 * any other response this run has seen so far (the runner keeps a transcript
 * of every response body).
 */
const PAN = '4242424242424242';
const BAD_PAN = '4242424242424241'; // fails Luhn: the refusal must not quote it either
const SEARCHES = [PAN, '4242 4242 4242 4242', '4242-4242-4242-4242', BAD_PAN];

export default {
  id: 'card-number-echo',
  title: 'Card number never echoed (tokenize, errors, orders, every response of the run)',
  layer: { number: 4, name: 'Encryption' },
  stoppedMeans: 'no response of the run contains the number (plain, spaced or dashed)',
  order: 70,
  async run(ctx) {
    const a = await ctx.customerA();
    const evidence = [];
    const token = await ctx.tokenizeCard(a, PAN);
    evidence.push(`tokenize ${PAN.slice(0, 4)}…${PAN.slice(-4)} → ${token.status}, fields: ${Object.keys(token.body ?? {}).join(', ')}`);
    if (token.status !== 201) throw new ctx.SetupError(`tokenize failed: ${token.status}`);
    const bad = await ctx.tokenizeCard(a, BAD_PAN);
    evidence.push(`tokenize a Luhn-invalid number → ${bad.status} ${bad.body?.error?.code ?? ''}`.trim());
    const order = await ctx.placeOrder(a);
    await ctx.client.call('GET', `/api/orders/${order.id}`, { token: a.token });
    await ctx.client.call('GET', '/api/orders', { token: a.token });
    await ctx.client.call('GET', '/api/me', { token: a.token });

    const hits = ctx.client.transcript.filter((r) => SEARCHES.some((s) => r.text.includes(s)));
    evidence.push(`scanned ${ctx.client.transcript.length} response bodies of this run for the number (plain, spaced, dashed): ${hits.length} contain it`);
    return {
      stopped: hits.length === 0,
      evidence: evidence.join('\n'),
      attackerGot: hits.map((h) => `${h.method} ${h.path} (${h.status})`).join('\n'),
    };
  },
};
