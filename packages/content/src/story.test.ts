import { describe, expect, it } from 'vitest';
import { storyProblems } from './story.ts';

describe('a story written in the browser', () => {
  it('may hold Markdown, plain tags and comments in braces', () => {
    expect(
      storyProblems(
        '{/* Write their story here. */}\n\nRosa **organized** her shift.<br/>\n\n<a href="https://example.org">More</a> and \\{ a brace \\}.',
      ),
    ).toEqual([]);
  });

  it('may not hold anything that would run when the sites are built, and says what to do', () => {
    expect(storyProblems("import fs from 'node:fs'\n\nHello")).toEqual([
      'A story cannot import or export anything: remove the lines starting with import or export.',
    ]);
    expect(storyProblems('Ganamos {process.exit(1)}')).toEqual([
      'Curly braces would run as code when the sites are built: write \\{ for a brace, or keep only {/* comments */}.',
    ]);
    expect(storyProblems('<b title={globalThis.x}>hi</b>')[0]).toMatch(
      /<b> has an attribute the sites cannot take \(title\)/,
    );
    expect(storyProblems('<b {...props}>hi</b>')[0]).toMatch(/<b> has an attribute/);
  });

  it('may not put a script, a frame or a form on the pages, nor a component', () => {
    for (const tag of [
      '<script>alert(1)</script>',
      '<iframe src="https://x.example"></iframe>',
      '<Widget />',
    ])
      expect(storyProblems(tag)[0], tag).toMatch(/cannot be in a story/);
    expect(storyProblems('<a href="javascript:alert(1)">x</a>')[0]).toMatch(/attribute/);
    expect(storyProblems('<img src="x.jpg" onerror="alert(1)"/>')[0]).toMatch(/\(onerror\)/);
  });

  it('names where it cannot be compiled', () => {
    expect(storyProblems('Ganamos {todo')[0]).toMatch(
      /^The story cannot be published as written \(1:\d+: .*\)\. A < or \{/,
    );
  });
});
