// The manifest is generated from the elements' JSDoc (`npm run analyze`); package.json's
// customElements field is set by hand, so the analyzer must not rewrite it (the freshness check
// runs it with another --outdir).
export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer lists modules in the order its glob finds them, which varies from run to
      // run; sorted, the manifest is the same every time and the freshness check is stable.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
