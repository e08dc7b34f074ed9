import { isSafeUrl } from './safe-url';

type AttrValue = string | number | boolean | null | undefined;
type Listener = (event: Event) => void;
/** Attributes by name; a function under an `on…` name becomes an event listener. */
export type Props = Record<string, AttrValue | Listener>;
export type Child = Node | string | number | null | undefined | false | readonly Child[];

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'data', 'xlink:href']);
// style= is blocked by the CSP anyway; srcdoc and string handlers would be script injection points.
const FORBIDDEN_ATTRIBUTES = new Set(['style', 'srcdoc']);

/**
 * Creates an element. Text is only ever set through text nodes and attributes through
 * setAttribute, so API data (product names, user names) can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) setProp(element, name, value);
  element.append(...toNodes(children));
  return element;
}

/** Replaces all children of `parent`. */
export function mount(parent: Element, ...children: Child[]): void {
  parent.replaceChildren(...toNodes(children));
}

function setProp(element: Element, name: string, value: AttrValue | Listener): void {
  const lower = name.toLowerCase();
  if (typeof value === 'function') {
    if (!lower.startsWith('on')) throw new Error(`dom: a function was given for attribute "${name}"`);
    element.addEventListener(lower.slice(2), value);
    return;
  }
  if (lower.startsWith('on') || FORBIDDEN_ATTRIBUTES.has(lower)) {
    throw new Error(`dom: refusing to set attribute "${name}"`);
  }
  if (value === null || value === undefined || value === false) return;
  const text = value === true ? '' : String(value);
  if (URL_ATTRIBUTES.has(lower)) {
    const allowDataImage = element.tagName === 'IMG' && lower === 'src';
    // Drop rather than throw: a bad URL from the API should cost an image, not the page.
    if (!isSafeUrl(text, { allowDataImage })) return;
  }
  element.setAttribute(name, text);
}

function toNodes(children: readonly Child[]): Node[] {
  const nodes: Node[] = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) nodes.push(...toNodes(child));
    else if (child instanceof Node) nodes.push(child);
    else nodes.push(document.createTextNode(String(child)));
  }
  return nodes;
}
