/**
 * A build step for the loader: when it imports an element's module, it imports the shared chunks
 * that module needs at the same moment, instead of the browser finding them only once the module
 * has arrived and been parsed. A page then waits for two round trips before a widget's first
 * render (the loader, then everything the element needs, side by side) rather than three.
 *
 * Vite does this with `<link rel="modulepreload">` in applications but not in library builds,
 * and its helper would write links into the partner's `<head>`; plain `import()` calls need
 * nothing of the page.
 */
import type { Plugin, Rollup } from 'vite';

export function parallelElementImports(loaderFile: string): Plugin {
  return {
    name: 'rally:parallel-element-imports',
    apply: 'build',
    generateBundle(_options, bundle) {
      const loader = bundle[loaderFile];
      if (loader?.type !== 'chunk') throw new Error(`No loader chunk named ${loaderFile}.`);

      /** Every chunk `file` imports statically, followed to the end. */
      const staticImports = (file: string, found = new Set<string>()): Set<string> => {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk') return found;
        for (const imported of chunk.imports) {
          if (!found.has(imported)) staticImports(imported, found.add(imported));
        }
        return found;
      };

      let rewritten = 0;
      loader.code = loader.code.replace(
        /import\(\s*[`'"]\.\/([\w.-]+\.js)[`'"]\s*\)/g,
        (call, file: string) => {
          const shared = [...staticImports(file)];
          if (shared.length === 0) return call;
          rewritten++;
          const imports = [file, ...shared].map((name) => `import("./${name}")`).join(',');
          // The element's module is the answer; the shared chunks are only fetched early.
          return `Promise.all([${imports}]).then(m=>m[0])`;
        },
      );
      if (rewritten === 0) throw new Error(`Found no element import to rewrite in ${loaderFile}.`);
      // The rewrite moves the loader's columns, so its source map would point to the wrong places:
      // the loader ships without one (its source is thirty readable lines).
      const mapFile = `${loaderFile}.map`;
      delete bundle[mapFile];
      (loader as Rollup.OutputChunk).map = null;
      loader.code = loader.code.replace(`//# sourceMappingURL=${mapFile}`, '').trimEnd() + '\n';
    },
  };
}
