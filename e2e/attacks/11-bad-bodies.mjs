/**
 * Bodies meant to crash or exhaust a service: malformed JSON, a body far
 * over the size limit, deeply nested JSON and wrong types. Each must get a
 * clear 4xx with a code (never a 500, never a stack trace), and the store
 * must still answer normally afterwards.
 */
const ATTEMPTS = [
  ['malformed JSON', '{"email": "a@example.test", "password": ', 400, 'MALFORMED_JSON'],
  ['a 256 KiB body', JSON.stringify({ email: 'big@example.test', password: 'long enough secret', name: 'x'.repeat(256 * 1024) }), 413, 'PAYLOAD_TOO_LARGE'],
  ['JSON nested 5,000 deep', `{"email":${'['.repeat(5000)}${']'.repeat(5000)},"password":"long enough secret","name":"Deep"}`, 400],
  ['wrong types (email a number, name an object)', JSON.stringify({ email: 12345, password: 'long enough secret', name: { first: 'A' } }), 400, 'VALIDATION_FAILED'],
];

export default {
  id: 'bad-bodies',
  title: 'Oversize and malformed bodies (broken JSON, 256 KiB, deep nesting, wrong types)',
  layer: { number: 3, name: 'Service protection' },
  stoppedMeans: '400 MALFORMED_JSON / VALIDATION_FAILED, 413 PAYLOAD_TOO_LARGE, never a 500 or a stack trace; the store still answers afterwards',
  order: 33,
  async run(ctx) {
    const client = ctx.newClient();
    const evidence = [];
    const got = [];
    for (const [name, rawBody, status, code] of ATTEMPTS) {
      const res = await client.call('POST', '/api/auth/register', { rawBody });
      const answered = res.body?.error?.code;
      evidence.push(`${name} → ${res.status} ${answered ?? ''}`.trim());
      // A 403 from the edge shield is a refusal too, by an earlier layer.
      const refused = (res.status === status && (!code || answered === code)) || (res.status === 403 && answered === 'REQUEST_BLOCKED');
      if (!refused || !answered || /\bat [\w.<>]+ \(/.test(res.text)) got.push(`${name}: ${res.status} ${res.text.slice(0, 160)}`);
    }
    const after = await client.call('GET', '/healthz');
    evidence.push(`afterwards GET /healthz → ${after.status}`);
    if (after.status !== 200) got.push(`the gateway no longer answers: ${after.status}`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
