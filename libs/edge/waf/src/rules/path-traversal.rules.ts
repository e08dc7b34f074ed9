import type { WafRule } from '../waf.types';

/**
 * Path traversal and local/remote file inclusion (CRS 930xxx, 931xxx). The traversal
 * rules read `text` (decoded, `%c0%ae` overlongs and `..%00/` null bytes already folded),
 * where `../` is still visible; the path normalisation would resolve it away.
 */
const TARGETS = ['path', 'argValue', 'argName', 'cookie', 'referer'] as const;

export const PATH_TRAVERSAL_RULES: readonly WafRule[] = [
  {
    id: 930100,
    attackClass: 'path-traversal',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Directory traversal: ../ or ..\\ in any encoding',
    targets: TARGETS,
    variant: 'text',
    patterns: [/(?:^|[\\/;=])\.{2,}[\\/;]/, /[\\/]\.{2,}(?:[\\/]|$)/],
    positives: ['../../etc/passwd', '..\\..\\windows\\win.ini', '%2e%2e%2f%2e%2e%2fetc', '%252e%252e%252f', '..%c0%af..%c0%afetc', '....//....//etc', 'images/..;/admin', '..%00/etc/passwd'],
    negatives: ['wait... what?', 'loading...', 'a.b.c', 'see ./readme'],
  },
  {
    id: 930120,
    attackClass: 'path-traversal',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Well-known OS files an attacker reads first (CRS lfi-os-files)',
    targets: TARGETS,
    variant: 'path',
    patterns: [
      /(?:^|[\\/])etc\/(?:passwd|shadow|group|hosts|issue|crontab|sudoers|hostname|resolv\.conf|ssh\/|mysql\/my\.cnf)/,
      /(?:^|[\\/])proc\/(?:self|\d+)\/(?:environ|cmdline|fd|maps|status|cwd|root)/,
      /(?:^|[\\/])(?:var\/log\/(?:apache2?|nginx|httpd|auth\.log)|root\/\.(?:ssh|bash_history)|home\/[\w.-]+\/\.ssh)/,
      /\b(?:win\.ini|system\.ini|boot\.ini|windows\/system32|inetpub\/wwwroot|web\.config|wp-config\.php|\.htpasswd)\b/,
      /\b[a-z]:\/(?:windows|winnt|boot\.ini|inetpub)/,
    ],
    positives: ['/etc/passwd', 'file=../../../../etc/shadow', '/proc/self/environ', 'C:\\Windows\\win.ini', '..\\..\\boot.ini', '/var/log/nginx/access.log', '/root/.ssh/id_rsa'],
    negatives: ['etc. passwords', 'proc self care', 'windows cleaner spray', 'host etc'],
  },
  {
    id: 931100,
    attackClass: 'path-traversal',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'PHP and Java stream wrappers used for file inclusion (php://filter, phar://, zip://, expect://)',
    targets: TARGETS,
    variant: 'text',
    patterns: [/\b(?:php|phar|zip|compress\.zlib|compress\.bzip2|expect|glob|ogg|rar|zlib|jar|ssh2\.\w+)\s*:\/\//, /\bdata\s*:\s*\/\//],
    positives: ['php://filter/convert.base64-encode/resource=index.php', 'phar://uploads/x.jpg', 'expect://id', 'zip://shell.jpg#x.php', 'data://text/plain;base64,PD9waHA='],
    negatives: ['php developer book', 'zip hoodie'],
  },
];
