// The manifest is generated from the elements' JSDoc (`npm run analyze`); package.json's
// customElements field is set by hand, so the analyzer must not rewrite it (the freshness check
// runs it with another --outdir).
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  packagejson: false,
};
