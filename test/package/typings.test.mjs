// The generated framework typings (dist/frameworks/*.d.ts), each checked by compiling a small
// consumer under strict TypeScript against the package installed from its npm tarball: what must
// compile does, and each line marked `// error: TEXT` fails with a message containing TEXT, so a
// typing too loose (nothing fails) or too strict (a good line fails) fails the test. Plus the
// editors' data (VS Code custom data, web-types) against the manifest.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { installPackedApp } from './helpers.mjs';

let app;
before(() => {
  app = installPackedApp();
  const typings = join(app, 'typings');
  rmSync(typings, { recursive: true, force: true });
  cpSync(new URL('./typings', import.meta.url).pathname, typings, { recursive: true });
  // A Preact app writes the same JSX as a React one, but for \`class\` and the typings it imports.
  const react = readFileSync(join(typings, 'react.tsx'), 'utf8');
  const preact = react.replace('A React 19 app', 'A Preact app').replace("'article-widgets/react'", "'article-widgets/preact'").replace('className="rating"', 'class="rating"');
  assert.notEqual(preact, react);
  writeFileSync(join(typings, 'preact.tsx'), preact);
});

const strict = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  // The consumer's own files and the package's declarations are checked; the frameworks' own
  // declarations are theirs to check.
  skipLibCheck: false,
};

/** Compiles `file` (in the app's typings/ folder); returns its diagnostics by line, and any elsewhere. */
function compile(file, options = {}) {
  const path = join(app, 'typings', file);
  const program = ts.createProgram([path], { ...strict, ...options });
  const byLine = new Map();
  const elsewhere = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file?.fileName !== path) {
      elsewhere.push(`${diagnostic.file?.fileName ?? ''}: ${message}`);
      continue;
    }
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line;
    byLine.set(line, [...(byLine.get(line) ?? []), message]);
  }
  const source = readFileSync(path, 'utf8').split('\n');
  return { source, byLine, elsewhere };
}

/** Asserts that exactly the marked lines fail, each with its expected message. */
function assertOnlyMarkedLinesFail({ source, byLine, elsewhere }) {
  assert.deepEqual(elsewhere, [], 'no errors outside the consumer (the package declarations compile)');
  const marked = source.map((text, line) => [line, /^\s*[^\s/].*\/\/ error: (.+)$/.exec(text)?.[1]]).filter(([, expected]) => expected);
  assert.ok(marked.length >= 5, 'the consumer has negative checks');
  for (const [line, expected] of marked) {
    const messages = byLine.get(line) ?? [];
    assert.ok(messages.some((m) => m.includes(expected)), `line ${line + 1} (${source[line].trim()}) fails with "${expected}"; it gave: ${messages.join(' | ') || 'no error'}`);
  }
  const unexpected = [...byLine].filter(([line]) => !marked.some(([m]) => m === line)).map(([line, messages]) => `line ${line + 1}: ${messages.join(' | ')}`);
  assert.deepEqual(unexpected, [], 'every other line compiles');
}

describe('framework typings, compiled under strict TypeScript', () => {
  it('React 19 JSX (article-widgets/react)', () => {
    assertOnlyMarkedLinesFail(compile('react.tsx', { jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'react' }));
  });

  it('Preact JSX (article-widgets/preact)', () => {
    assertOnlyMarkedLinesFail(compile('preact.tsx', { jsx: ts.JsxEmit.ReactJSX, jsxImportSource: 'preact' }));
  });

  it("Vue's GlobalComponents (article-widgets/vue)", () => {
    assertOnlyMarkedLinesFail(compile('vue.ts'));
  });

  it("Svelte's SvelteHTMLElements (article-widgets/svelte)", () => {
    assertOnlyMarkedLinesFail(compile('svelte.ts'));
  });
});

describe("editors' data, from the manifest", () => {
  const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  const read = (file) => JSON.parse(readFileSync(join(app, 'node_modules/article-widgets', file), 'utf8'));

  it('VS Code custom data: every tag with exactly its HTML attributes, boolean ones valueless, unions as values', () => {
    const data = read('dist/vscode.html-custom-data.json');
    assert.equal(data.version, 1.1);
    for (const element of elements) {
      const tag = data.tags.find((t) => t.name === element.tagName);
      assert.ok(tag, element.tagName);
      assert.deepEqual(tag.attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort(), `${element.tagName} attributes`);
    }
    const attribute = (tag, name) => data.tags.find((t) => t.name === tag).attributes.find((a) => a.name === name);
    assert.equal(attribute('article-rating', 'readonly').valueSet, 'v');
    assert.deepEqual(attribute('article-rating', 'summary').values, [{ name: 'full' }, { name: 'count' }]);
    assert.deepEqual(attribute('opinion-poll', 'data-results').values.map((v) => v.name), ['always', 'after-vote', 'after-close']);
    assert.equal(attribute('opinion-poll', 'selected'), undefined, 'no internal state');
  });

  it("web-types: named by package.json's web-types field, every tag's attributes, properties, events and CSS API", () => {
    const pkg = read('package.json');
    const webTypes = read(pkg['web-types']);
    assert.equal(webTypes.name, pkg.name);
    assert.equal(webTypes.version, pkg.version);
    for (const element of elements) {
      const entry = webTypes.contributions.html.elements.find((e) => e.name === element.tagName);
      assert.ok(entry, element.tagName);
      assert.deepEqual(entry.attributes.map((a) => a.name).sort(), element.attributes.map((a) => a.name).sort());
      assert.deepEqual(entry.js.events.map((e) => e.name), element.events.map((e) => e.name));
      assert.deepEqual(entry.css.parts.map((p) => p.name), element.cssParts.map((p) => p.name));
      assert.ok(entry.js.properties.some((p) => p.name === 'backend'), 'properties without an attribute too');
    }
  });
});
