/**
 * Whether a story written in the browser can be published: it must compile as the sites compile
 * MDX (satteri, through @astrojs/mdx), and it must be words, not code. MDX runs what is in a story
 * when the sites are built — `import` and `export` lines, `{…}` expressions, `{…}` in a tag's
 * attributes — so a story from the console holds none of them, only Markdown, plain HTML tags and
 * comments in braces (the placeholder `pnpm new` writes). Nor tags that would put a script, a frame
 * or a form on every page that shows it. Files written by hand in the repository are the
 * developers' and are not held to this.
 */
import { type Locale } from '@rally/core';
import { mdxToJs, mdxToMdast } from 'satteri';
import { problemWords, type ProblemWords } from './problem-words/index.ts';

/** Tags a story may not hold: they would load or run something on the sites' pages. */
const refusedTags = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'link',
  'meta',
  'base',
  'svg',
  'math',
]);

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

/** Braces holding one comment and nothing else, which compile to nothing. */
const onlyComment = (code: string) => /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(code);

/** The attributes a plain tag in a story may have: text, and addresses checked as links are. */
const allowedAttributes = new Set([
  'href',
  'src',
  'alt',
  'title',
  'lang',
  'dir',
  'width',
  'height',
]);

/**
 * Whether an address may be a link on the sites: http(s), mail, a phone, or a page of the site —
 * read as a browser reads it, without the spaces, tabs and control characters it ignores, so that
 * `java&#9;script:` is seen for what it is.
 */
export function safeAddress(url: string): boolean {
  const read = [...url]
    .filter((character) => character > ' ' && character !== '\u007f')
    .join('')
    .toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(read)?.[1];
  return scheme === undefined || ['http', 'https', 'mailto', 'tel'].includes(scheme);
}

/** Pictures in a story come from the web: a path would be imported, and run, by the build. */
const webImage = (url: string) => /^https?:\/\//i.test(url.trim());

/**
 * What keeps the story from being published, in the words of those who write it, in `lang`
 * (English unless told); none: [].
 */
export function storyProblems(body: string, lang: Locale = 'en'): string[] {
  const w = problemWords[lang].story;
  try {
    mdxToJs(body);
  } catch (error) {
    // The compiler's own words, in English: where it stopped and why.
    const detail = (error as Error).message.replace(/\s*\([\w:-]+\)\s*$/, '');
    return [w.notCompiled(detail)];
  }
  const problems = new Set<string>();
  const walk = (node: Node) => {
    for (const problem of nodeProblems(node, w)) problems.add(problem);
    for (const child of node.children ?? []) walk(child);
  };
  const parsed = mdxToMdast(body) as unknown as { tree?: Node } & Node;
  walk(parsed.tree ?? parsed);
  return [...problems];
}

type StoryWords = ProblemWords['story'];

function nodeProblems(node: Node, w: StoryWords): string[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [w.importExport];
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return onlyComment(String(node.value ?? '')) ? [] : [w.braces];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return tagProblems(node, w);
    case 'link':
    case 'definition':
      return safeAddress(node.url ?? '') ? [] : [w.link(node.url ?? '')];
    case 'image':
      return webImage(node.url ?? '') ? [] : [w.picture(node.url ?? '')];
    default:
      return [];
  }
}

/** A plain HTML tag, with plain-text attributes of a few kinds, and addresses that are links. */
function tagProblems(node: Node, w: StoryWords): string[] {
  const name = node.name ?? '';
  if (!/^[a-z][a-z0-9]*$/.test(name) || refusedTags.has(name)) return [w.tag(name)];
  const refused = (node.attributes ?? []).find((attribute) => {
    const value = attribute.value;
    if (attribute.type !== 'mdxJsxAttribute' || (value != null && typeof value !== 'string'))
      return true;
    const attributeName = attribute.name ?? '';
    if (!allowedAttributes.has(attributeName)) return true;
    const text = String(value ?? '');
    if (attributeName === 'href') return !safeAddress(text);
    if (attributeName === 'src') return !webImage(text);
    return false;
  });
  return refused ? [w.attribute(name, refused.name)] : [];
}
