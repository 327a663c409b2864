// ESLint over the widgets, the server, the editors' console, the tests and the scripts (`npm run
// lint`, a step of `npm test`): JavaScript's and typescript-eslint's recommended rules, and the
// type-aware ones for TypeScript (each file checked against the tsconfig that compiles it). Not a
// style guide: formatting is left alone.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'server/dist/',
      'server/console/',
      'coverage/',
      '.tmp/',
      // Framework consumers compiled by their own checkers, with lines that must fail.
      'test/package/typings/',
      // The CMS plugins and the demo are checked by their own tests in a real WordPress, Eleventy, Hugo and Jekyll.
      'cms/',
      'demo/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` says a parameter is there for its place in a signature (an override, a callback).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An async method that does not await (yet) keeps its interface's promise: the storage is
      // async for a networked database, whatever SQLite does synchronously.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Lit binds the listeners of a template (`@click=${this.retry}`) to the element itself.
    files: ['src/**/*.ts', 'admin/src/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // The catalogs' `as PluralMessage` name the type registerLocale() takes for the key; the rule
    // sees only that the object literal fits where it is passed.
    files: ['src/**/*.messages.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    files: ['test/**/*.ts', 'admin/test/**/*.ts'],
    rules: {
      // @open-wc/semantic-dom-diff types every chai `equal` as a promise (for its DOM diffs), so
      // the rule would flag each assertion; the one promise assertion the tests use is checked below.
      '@typescript-eslint/no-floating-promises': 'off',
      // chai asserts by reading properties: expect(el).to.exist.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Tests save a page's own functions (window.open) to put them back.
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name='accessible']",
          message: 'axe runs asynchronously: await expect(el).to.be.accessible(), or a failure is never seen.',
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Code that runs in the browser: the widgets, the console, their tests, and the functions the
    // Node-side tests and the bench hand to a browser page (page.evaluate).
    files: ['src/**', 'admin/**', 'test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
