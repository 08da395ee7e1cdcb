/** Test helper: fails with axe-core's own report when an element has accessibility violations. */
import axe from 'axe-core';

export async function expectAccessible(element: Element): Promise<void> {
  // WCAG 2.2 AA is the bar Rally commits to; best-practice rules catch the rest axe knows.
  const results = await axe.run(element, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
  });
  const report = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  if (report.length > 0) throw new Error(`Accessibility violations:\n${report.join('\n')}`);
}
