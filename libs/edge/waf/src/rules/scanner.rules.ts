import type { WafRule } from '../waf.types';

/**
 * Security scanners and probes (CRS 913xxx). Scanners announce themselves in the
 * User-Agent or in custom headers, and probe paths a Node shop never serves.
 * A real attacker changes the User-Agent: this rule set is about noise, not defence.
 */
export const SCANNER_USER_AGENTS = [
  'sqlmap', 'nikto', 'nmap', 'acunetix', 'masscan', 'nessus', 'openvas', 'w3af', 'wpscan', 'dirbuster', 'gobuster',
  'dirb/', 'ffuf', 'nuclei', 'zgrab', 'havij', 'netsparker', 'arachni', 'whatweb', 'zmeu', 'jorgee', 'fimap',
  'hydra', 'morfeus', 'nstealth', 'paros', 'webinspect', 'appscan', 'qualys', 'burpcollaborator', 'commix',
  'xsser', 'jaeles', 'wfuzz', 'feroxbuster', 'skipfish', 'grabber', 'bsqlbf', 'sf-scanner', 'zap/',
] as const;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SCANNER_UA = new RegExp(`(?:${SCANNER_USER_AGENTS.map(escapeRegExp).join('|')})`);

export const SCANNER_RULES: readonly WafRule[] = [
  {
    id: 913100,
    attackClass: 'scanner',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'User-Agent of a known security scanner',
    targets: ['userAgent'],
    variant: 'text',
    patterns: [SCANNER_UA],
    positives: ['sqlmap/1.7.2#stable (https://sqlmap.org)', 'Mozilla/5.00 (Nikto/2.1.6)', 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)', 'masscan/1.3', 'Acunetix-WVS'],
    negatives: ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36', 'curl/8.4.0'],
  },
  {
    id: 913110,
    attackClass: 'scanner',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Header names that scanners add (Acunetix-Product, X-Scanner, X-Wipp ...)',
    targets: ['headerName'],
    variant: 'text',
    patterns: [/^(?:acunetix-[\w-]+|x-scanner|x-wipp|x-request-memo|x-request-manager-memo|bggp|x-ratproxy-loop)$/],
    positives: ['acunetix-product', 'x-scanner'],
    negatives: ['x-request-id', 'accept'],
  },
  {
    id: 913120,
    attackClass: 'scanner',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Probe for secrets, VCS metadata, admin panels and stacks this shop does not run',
    targets: ['path'],
    variant: 'path',
    patterns: [
      /(?:^|\/)\.(?:env(?:\.[\w-]+)?|git|svn|hg|bzr|ds_store|aws|ssh|docker|npmrc|htaccess|htpasswd|idea|vscode)(?:\/|$)/,
      /(?:^|\/)(?:wp-admin|wp-login\.php|wp-content|wp-includes|xmlrpc\.php|phpmyadmin|pma|myadmin|adminer(?:\.php)?|server-status|server-info|cgi-bin|vendor\/phpunit|solr\/admin|hnap1|boaform|actuator(?:\/\w+)?|console|manager\/html|jmx-console|web-inf|telescope|_profiler|elmah\.axd|trace\.axd)(?:\/|$)/,
      /\.(?:php\d?|asp|aspx|jsp|cgi|pl|bak|old|orig|swp|sql|tar\.gz|tgz|zip|7z|rar)$/,
      /(?:^|\/)(?:config|backup|dump|db|database|credentials|secrets?)\.(?:json|ya?ml|ini|xml|txt|js)$/,
    ],
    positives: ['/.env', '/.git/config', '/wp-admin/', '/wp-login.php', '/phpmyadmin/index.php', '/static/..//.env', '/.aws/credentials', '/actuator/env', '/backup.sql', '//.git/HEAD', '/server-status'],
    negatives: ['/api/catalog/products', '/api/orders/42', '/assets/app.js', '/environment-friendly-bags', '/api/catalog/search'],
  },
];
