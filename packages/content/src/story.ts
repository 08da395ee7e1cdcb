/**
 * Whether a story written in the browser can be published: it must compile as the sites compile
 * MDX (satteri, through @astrojs/mdx), and it must be words, not code. MDX runs what is in a story
 * when the sites are built — `import` and `export` lines, `{…}` expressions, `{…}` in a tag's
 * attributes — so a story from the console holds none of them, only Markdown, plain HTML tags and
 * comments in braces (the placeholder `pnpm new` writes). Nor tags that would put a script, a frame
 * or a form on every page that shows it. Files written by hand in the repository are the
 * developers' and are not held to this.
 */
import { mdxToJs, mdxToMdast } from 'satteri';

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
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

const onlyComment = (code: string) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(code);

/** What keeps the story from being published, in the words of those who write it; none: []. */
export function storyProblems(body: string): string[] {
  try {
    mdxToJs(body);
  } catch (error) {
    const detail = (error as Error).message.replace(/\s*\([\w:-]+\)\s*$/, '');
    return [
      `The story cannot be published as written (${detail}). A < or { that is not a tag or a placeholder must be written \\< or \\{.`,
    ];
  }
  const problems = new Set<string>();
  const walk = (node: Node) => {
    if (node.type === 'mdxjsEsm')
      problems.add(
        'A story cannot import or export anything: remove the lines starting with import or export.',
      );
    if (
      (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
      !onlyComment(String(node.value ?? ''))
    )
      problems.add(
        'Curly braces would run as code when the sites are built: write \\{ for a brace, or keep only {/* comments */}.',
      );
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (!/^[a-z][a-z0-9]*$/.test(name) || refusedTags.has(name))
        problems.add(
          `<${name || '>'} cannot be in a story: use Markdown, or plain tags such as <b>, <br> or <a href="…">.`,
        );
      for (const attribute of node.attributes ?? []) {
        const value = attribute.value as { type?: string } | string | null | undefined;
        const code =
          attribute.type !== 'mdxJsxAttribute' || (typeof value === 'object' && value !== null);
        const name = attribute.name ?? '';
        if (
          code ||
          /^on/i.test(name) ||
          (typeof value === 'string' && /^\s*javascript:/i.test(value))
        )
          problems.add(
            `<${node.name}> has an attribute the sites cannot take (${name || 'code'}): give it plain text, like href="https://…".`,
          );
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  const parsed = mdxToMdast(body) as unknown as { tree?: Node } & Node;
  walk(parsed.tree ?? parsed);
  return [...problems];
}
