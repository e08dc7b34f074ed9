import type { WafRule } from '../waf.types';
import { USER_INPUT } from './targets';

/**
 * Cross-site scripting (CRS 941xxx). Every pattern needs markup or a script sink, never
 * a bare `<` or word: "<3 gift" and "price alert (weekly)" are ordinary searches.
 * They read the `text` variant: entities and escapes decoded, so `&#x3c;script` is `<script`.
 */
const EVENT_HANDLERS =
  'on(?:error|load|click|dblclick|mouse\\w{2,5}|key\\w{2,5}|focus\\w{0,3}|blur|change|input|submit|reset|select|toggle|begin|end|animation\\w{3,9}|transition\\w{3,9}|pointer\\w{2,6}|touch\\w{3,6}|drag\\w{0,5}|drop|wheel|scroll|resize|unload|beforeunload|hashchange|message|pageshow|popstate|play|playing|pause|canplay\\w{0,7}|durationchange|loadstart|progress|readystatechange|search|show|copy|cut|paste|contextmenu|auxclick|afterprint|beforeprint|invalid)';

export const XSS_RULES: readonly WafRule[] = [
  {
    id: 941110,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Script tag',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [/<\s*\/?\s*script\b/],
    positives: ['<script>alert(1)</script>', '<ScRiPt src=//evil.example/x.js>', '%3Cscript%3Ealert(1)%3C/script%3E', '&lt;script&gt;alert(1)&lt;/script&gt;', '\\u003cscript\\u003e'],
    negatives: ['script writing course', 'manuscript <3', 'javascript for kids book'],
  },
  {
    id: 941120,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Event handler attribute (onerror=, onload= ...) inside or injected into a tag',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [new RegExp(`(?:<[a-z][^>]{0,120}?|['"\`]\\s*|[\\s/])${EVENT_HANDLERS}\\s*=`)],
    positives: ['<img src=x onerror=alert(1)>', '" onmouseover="alert(1)', "'autofocus onfocus=alert(1) x='", '<body onload=alert(1)>', '<svg/onload=alert(1)>', '<details open ontoggle=alert(1)>'],
    negatives: ['onion = tasty', 'only one left', 'turn on the error light', 'online=yes'],
  },
  {
    id: 941130,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Script URL schemes (javascript:, vbscript:, data:text/html) even with whitespace inside',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [/\bj\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:/, /\bv\s*b\s*s\s*c\s*r\s*i\s*p\s*t\s*:/, /\bdata\s*:\s*(?:text\/html|image\/svg\+xml|application\/x?html)[;,]/, /\blivescript\s*:/],
    positives: ['javascript:alert(1)', 'JaVaScRiPt:alert(document.cookie)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)'],
    negatives: ['javascript the good parts', 'data: text only please', 'java script book'],
  },
  {
    id: 941160,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Tags that run or load content: iframe, object, embed, svg, math, base, meta refresh, link, style, form action',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [
      /<\s*(?:iframe|frame|frameset|object|embed|applet|svg|math|base|meta|link|style|xml|import|isindex|marquee|template|portal)\b/,
      /<\s*[a-z][\w-]{0,20}\b[^>]{0,120}?\b(?:src|href|action|formaction|data|srcdoc|xlink:href|background|poster|dynsrc|lowsrc)\s*=\s*['"]?\s*(?:javascript|vbscript|data):/,
      /<\s*(?:img|image|video|audio|source|input|body|details|select|textarea|keygen|button|form|a|div|span|p|table|td)\b[^>]{0,120}?\bon[a-z]{3,20}\s*=/,
    ],
    positives: ['<iframe src="//evil.example">', '<svg><animate onbegin=alert(1)>', '<object data="x.swf">', '<a href="javascript:alert(1)">x</a>', '<meta http-equiv="refresh" content="0;url=//evil.example">', '<math><mtext>'],
    negatives: ['<3 gift', 'size <10 cm', 'a < b and c > d', 'svg icons pack'],
  },
  {
    id: 941180,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'DOM sinks and script calls: document.cookie, alert(1), eval(, String.fromCharCode',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [
      /\bdocument\s*\.\s*(?:cookie|domain|write(?:ln)?|location)\b/,
      /\bwindow\s*\.\s*(?:location|open|name)\b/,
      /\b(?:alert|prompt|confirm)\s*(?:\(\s*(?:\d|['"`/]|document|window|this|\))|`)/,
      /\b(?:eval|settimeout|setinterval)\s*\(\s*(?:['"`]|atob\b|unescape\b|decodeuri|string\s*\.|location\b|name\b)/,
      /\bfunction\s*\(\s*\)\s*\{/,
      /\bstring\s*\.\s*fromcharcode\s*\(/,
      /\.\s*(?:innerhtml|outerhtml)\s*=/,
      /\b(?:top|self|parent|globalthis)\s*\[\s*['"`]/,
    ],
    positives: ['alert(1)', "prompt('xss')", 'alert`1`', 'document.cookie', 'eval(atob("YWxlcnQoMSk="))', 'String.fromCharCode(88,83,83)', "top['al'+'ert'](1)"],
    negatives: ['price alert (weekly)', 'confirm my order', 'document the bug please', 'eval (review) 5 stars'],
  },
  {
    id: 941190,
    attackClass: 'xss',
    paranoiaLevel: 1,
    severity: 'critical',
    description: 'Client-side template injection and CSS expressions',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [/\{\{.{0,80}?(?:constructor|\$on|\$eval|alert|window|document).{0,80}?\}\}/, /:\s*expression\s*\(/, /-moz-binding\s*:/],
    positives: ["{{constructor.constructor('alert(1)')()}}", 'width:expression(alert(1))', "{{$on.constructor('alert(1)')()}}"],
    negatives: ['{{name}}', 'facial expression (book)'],
  },
  {
    id: 941320,
    attackClass: 'xss',
    paranoiaLevel: 2,
    severity: 'critical',
    description: 'Any HTML tag (PL2: reviews may quote markup harmlessly)',
    targets: USER_INPUT,
    variant: 'text',
    patterns: [/<\/?[a-z][a-z0-9]{0,15}(?:\s+[^>]{0,200})?\s*\/?>/],
    positives: ['<b>bold</b>', '<div class=x>'],
    negatives: ['<3 gift', 'a < b and c > d'],
  },
];
