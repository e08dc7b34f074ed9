import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WafExclusion } from '@storefront/edge/waf';
import { waitForPort } from './processes';

/** The Debian layout of nginx + libnginx-mod-http-modsecurity + modsecurity-crs (bookworm: CRS 3.3.4, libmodsecurity 3.0.9). */
const NGINX = '/usr/sbin/nginx';
const MODULE = '/usr/lib/nginx/modules/ngx_http_modsecurity_module.so';
const CRS_RULES = '/usr/share/modsecurity-crs/rules';
export const APT_LINE = 'apt-get install -y nginx libnginx-mod-http-modsecurity modsecurity-crs';

export function missingModSecurityParts(): string[] {
  return [NGINX, MODULE, CRS_RULES].filter((file) => !existsSync(file));
}

/** CRS tags for the classes our exclusions name, so both engines get the same exclusions. */
const CRS_TAGS: Record<string, string> = { sqli: 'attack-sqli', xss: 'attack-xss', 'command-injection': 'attack-rce', 'path-traversal': 'attack-lfi' };

/** Our exclusions as CRS ctl:ruleRemoveTargetByTag rules (JSON body fields are ARGS:json.<field> in libmodsecurity 3). */
function crsExclusions(exclusions: readonly WafExclusion[]): string {
  return exclusions
    .map((exclusion, i) => {
      const fields = (exclusion.locations ?? []).map((l) => l.replace(/^body:(?:\$\.)?/, '')).filter((f) => /^[\w.]+$/.test(f));
      const tags = (exclusion.attackClasses ?? Object.keys(CRS_TAGS)).map((c) => CRS_TAGS[c]).filter(Boolean);
      const ctls = fields.flatMap((f) => tags.flatMap((tag) => [`ctl:ruleRemoveTargetByTag=${tag};ARGS:${f}`, `ctl:ruleRemoveTargetByTag=${tag};ARGS:json.${f}`]));
      if (ctls.length === 0) return '';
      return `SecRule REQUEST_FILENAME "@beginsWith ${exclusion.pathPrefix ?? '/'}" "id:${10_000 + i},phase:1,pass,nolog,${ctls.join(',')}"`;
    })
    .join('\n');
}

/**
 * ModSecurity's recommended base (blocking), then CRS at PL1 with the default inbound threshold 5.
 * The only other change from CRS defaults: the REST methods the shop's API uses (PUT, PATCH, DELETE) are allowed.
 */
function modsecConf(dir: string, exclusions: readonly WafExclusion[]): string {
  return `SecRuleEngine On
SecRequestBodyAccess On
SecRule REQUEST_HEADERS:Content-Type "^(?:application(?:/soap\\+|/)|text/)xml" "id:200000,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"
SecRule REQUEST_HEADERS:Content-Type "^application/json" "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
SecRequestBodyLimit 13107200
SecRequestBodyNoFilesLimit 131072
SecRequestBodyLimitAction Reject
SecRule REQBODY_ERROR "!@eq 0" "id:200002,phase:2,t:none,log,deny,status:400,msg:'Failed to parse request body'"
SecResponseBodyAccess Off
SecAuditEngine RelevantOnly
SecAuditLogRelevantStatus "^403$"
SecAuditLogParts AHZ
SecAuditLogType Serial
SecAuditLogFormat JSON
SecAuditLog ${dir}/audit.log
SecArgumentSeparator &
SecCookieFormat 0
SecStatusEngine Off
SecDefaultAction "phase:1,log,auditlog,pass"
SecDefaultAction "phase:2,log,auditlog,pass"
SecAction "id:900000,phase:1,nolog,pass,t:none,setvar:tx.paranoia_level=1"
SecAction "id:900110,phase:1,nolog,pass,t:none,setvar:tx.inbound_anomaly_score_threshold=5,setvar:tx.outbound_anomaly_score_threshold=4"
SecAction "id:900200,phase:1,nolog,pass,t:none,setvar:'tx.allowed_methods=GET HEAD POST OPTIONS PUT PATCH DELETE'"
SecAction "id:900990,phase:1,nolog,pass,t:none,setvar:tx.crs_setup_version=334"
${crsExclusions(exclusions)}
Include ${CRS_RULES}/*.conf
`;
}

function nginxConf(dir: string, port: number, upstreamPort: number): string {
  return `load_module ${MODULE};
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 100000;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 256; }
  server {
    listen 127.0.0.1:${port};
    modsecurity on;
    modsecurity_rules_file ${dir}/modsecurity.conf;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}

export interface RunningNginx {
  readonly child: ChildProcess;
  readonly errorLog: string;
  readonly dir: string;
  /** Bytes of the audit log (blocked requests only: which rules fired) so far, to read what one request added. */
  logSize(): number;
  readLogFrom(offset: number): string;
  cleanup(): void;
}

/** Writes the config into a fresh temp dir and runs nginx in the foreground on loopback. */
export async function startNginx(port: number, upstreamPort: number, exclusions: readonly WafExclusion[]): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), 'waf-bench-nginx-'));
  mkdirSync(path.join(dir, 'body'));
  writeFileSync(path.join(dir, 'modsecurity.conf'), modsecConf(dir, exclusions));
  writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, port, upstreamPort));
  const errorLog = path.join(dir, 'error.log');
  const auditLog = path.join(dir, 'audit.log');
  writeFileSync(errorLog, '');
  writeFileSync(auditLog, '');
  // The worker (user nobody when nginx starts as root) appends to it.
  if (process.getuid?.() === 0) chownSync(auditLog, 65534, 65534);
  const child = spawn(NGINX, ['-e', errorLog, '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`nginx exited with ${code}; see ${errorLog}\n${readFileSync(errorLog, 'utf8').slice(-2000)}\n`);
  });
  await waitForPort(port, 30_000);
  return {
    child,
    errorLog,
    dir,
    logSize: () => statSync(auditLog).size,
    readLogFrom: (offset) => readFileSync(auditLog).subarray(offset).toString('utf8'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Which CRS attack tags fired in a stretch of the JSON audit log, as our class names. */
export function crsClassesIn(logText: string): string[] {
  const classes = new Set<string>();
  const byTag: Record<string, string> = { 'attack-sqli': 'sqli', 'attack-xss': 'xss', 'attack-lfi': 'path-traversal', 'attack-rce': 'command-injection', 'attack-rfi': 'ssrf', 'attack-protocol': 'protocol', 'attack-reputation-scanner': 'scanner', 'attack-injection-php': 'php', 'attack-java': 'log4shell', 'attack-injection-generic': 'generic' };
  for (const match of logText.matchAll(/"(attack-[\w-]+)"/g)) classes.add(byTag[match[1]] ?? match[1]);
  classes.delete('attack-generic');
  return [...classes];
}
