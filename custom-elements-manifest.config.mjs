// Generates packages/widgets/custom-elements.json from each element's JSDoc header.
export default {
  globs: ['packages/widgets/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/internal/testing.ts', '**/internal/expect-accessible.ts'],
  outdir: 'packages/widgets',
  litelement: true,
};
