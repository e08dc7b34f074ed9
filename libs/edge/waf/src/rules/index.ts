import type { WafRule } from '../waf.types';
import { COMMAND_INJECTION_RULES } from './command-injection.rules';
import { LOG4SHELL_RULES } from './log4shell.rules';
import { NOSQL_INJECTION_RULES } from './nosql-injection.rules';
import { PATH_TRAVERSAL_RULES } from './path-traversal.rules';
import { PROTOTYPE_POLLUTION_RULES } from './prototype-pollution.rules';
import { SCANNER_RULES } from './scanner.rules';
import { SQLI_RULES } from './sqli.rules';
import { SSRF_RULES } from './ssrf.rules';
import { XSS_RULES } from './xss.rules';

/** Every built-in rule, in CRS file order. */
export const ALL_RULES: readonly WafRule[] = [
  ...SCANNER_RULES,
  ...PATH_TRAVERSAL_RULES,
  ...COMMAND_INJECTION_RULES,
  ...SSRF_RULES,
  ...PROTOTYPE_POLLUTION_RULES,
  ...XSS_RULES,
  ...SQLI_RULES,
  ...NOSQL_INJECTION_RULES,
  ...LOG4SHELL_RULES,
];
