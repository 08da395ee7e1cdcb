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
    // Two comments around code are code.
    expect(storyProblems('{/* */ process.exit(1) /* */}')[0]).toMatch(/Curly braces would run/);
    // A path to a picture would be imported by the build.
    expect(storyProblems('![x](../../scripts/start.ts)')[0]).toMatch(/The picture .* cannot be/);
  });

  it('links only to the web, mail and phones, however the address is written', () => {
    for (const story of [
      '[x](javascript:alert(1))',
      '[x][1]\n\n[1]: javascript:alert(2)',
      '<a href="java&#9;script:alert(1)">x</a>',
      '<a href="JAVASCRIPT:alert(1)">x</a>',
      '<p set:html="<img src=x onerror=alert(1)>"></p>',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x"/>',
    ])
      expect(storyProblems(story), story).not.toEqual([]);
    expect(
      storyProblems('[site](https://example.org) [mail](mailto:a@example.org) [join](/join/)'),
    ).toEqual([]);
  });

  it('may not put a script, a frame or a form on the pages, nor a component', () => {
    for (const tag of [
      '<script>alert(1)</script>',
      '<iframe src="https://x.example"></iframe>',
      '<Widget />',
    ])
      expect(storyProblems(tag)[0], tag).toMatch(/cannot be in a story/);
    expect(storyProblems('<a href="javascript:alert(1)">x</a>')[0]).toMatch(/attribute/);
    expect(storyProblems('<img src="https://x.example/a.jpg" onerror="alert(1)"/>')[0]).toMatch(
      /\(onerror\)/,
    );
  });

  it('names where it cannot be compiled', () => {
    expect(storyProblems('Ganamos {todo')[0]).toMatch(
      /^The story cannot be published as written \(1:\d+: .*\)\. A < or \{/,
    );
  });
});
