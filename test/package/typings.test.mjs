// The generated framework typings (dist/frameworks/*.d.ts), each checked by the framework's own
// checker compiling a small consumer under strict TypeScript against the package installed from
// its npm tarball: tsc for React and Preact JSX, vue-tsc for a Vue template, svelte-check for
// Svelte markup. What must compile does, and each line marked `// error: TEXT` (`<!-- error: TEXT
// -->` in markup) fails with a message containing TEXT, so a typing too loose (nothing fails) or
// too strict (a good line fails) fails the test. Plus the editors' data against the manifest.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';
import { installPackedApp, repo } from './helpers.mjs';

let app;
let typings;
before(() => {
  app = installPackedApp();
  typings = join(app, 'typings');
  rmSync(typings, { recursive: true, force: true });
  cpSync(new URL('./typings', import.meta.url).pathname, typings, { recursive: true });
  // A Preact app writes the same JSX as a React one, but for `class` and the typings it imports.
  const react = readFileSync(join(typings, 'react.tsx'), 'utf8');
  const preact = react.replace('A React 19 app', 'A Preact app').replace("'article-widgets/react'", "'article-widgets/preact'").replace('className="rating"', 'class="rating"');
  assert.notEqual(preact, react);
  writeFileSync(join(typings, 'preact.tsx'), preact);
});

/** A checker's complaint: the file's name, the 0-based line, the message. */
const diagnostic = (file, line, message) => ({ file: basename(file), line, message });

/** tsc (the compiler API) on one JSX file: the package's declarations are checked too. */
function tsc(file, jsxImportSource) {
  const program = ts.createProgram([join(typings, file)], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: [],
    jsx: ts.JsxEmit.ReactJSX,
    jsxImportSource,
  });
  return ts.getPreEmitDiagnostics(program).map((d) =>
    diagnostic(d.file?.fileName ?? '', d.file ? d.file.getLineAndCharacterOfPosition(d.start).line : -1, ts.flattenDiagnosticMessageText(d.messageText, ' ')),
  );
}

/** Runs a checker's CLI from the repository's node_modules; what it printed, whatever its exit code. */
function runChecker(bin, args, cwd) {
  try {
    return execFileSync(process.execPath, [join(repo, 'node_modules', bin), ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

/** vue-tsc on a folder with a tsconfig: `App.vue(20,5): error TS2322: ...`, messages possibly over several lines. */
function vueTsc(folder) {
  const out = runChecker('vue-tsc/bin/vue-tsc.js', ['--noEmit', '-p', '.'], join(typings, folder));
  const found = [];
  for (const line of out.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error TS\d+: (.*)$/.exec(line);
    if (m) found.push(diagnostic(m[1], Number(m[2]) - 1, m[3]));
    else if (line.trim() && found.length) found.at(-1).message += ` ${line.trim()}`;
  }
  return found;
}

/** svelte-check on a folder with a tsconfig, machine output: `<time> ERROR "App.svelte" 21:17 "message"`. */
function svelteCheck(folder) {
  const dir = join(typings, folder);
  const out = runChecker('svelte-check/bin/svelte-check', ['--workspace', dir, '--tsconfig', join(dir, 'tsconfig.json'), '--output', 'machine', '--threshold', 'error'], dir);
  assert.match(out, /COMPLETED/, `svelte-check ran: ${out}`);
  return [...out.matchAll(/ ERROR "(.+?)" (\d+):\d+ "(.*)"$/gm)].map((m) => diagnostic(m[1], Number(m[2]) - 1, JSON.parse(`"${m[3]}"`)));
}

/** Asserts that exactly the marked lines of `file` fail, each with its expected message, and nothing else does. */
function assertOnlyMarkedLinesFail(file, diagnostics) {
  const name = basename(file);
  assert.deepEqual(diagnostics.filter((d) => d.file !== name).map((d) => `${d.file}: ${d.message}`), [], 'no errors elsewhere (the package declarations compile)');
  const source = readFileSync(join(typings, file), 'utf8').split('\n');
  const marked = source.map((text, line) => [line, /^\s*[^\s/].*(?:\/\/|<!--) error: (.+?)(?: -->)?$/.exec(text)?.[1]]).filter(([, expected]) => expected);
  assert.ok(marked.length >= 5, 'the consumer has negative checks');
  const messagesAt = (line) => diagnostics.filter((d) => d.line === line).map((d) => d.message);
  for (const [line, expected] of marked) {
    const messages = messagesAt(line);
    assert.ok(messages.some((m) => m.includes(expected)), `line ${line + 1} (${source[line].trim()}) fails with "${expected}"; it gave: ${messages.join(' | ') || 'no error'}`);
  }
  const unexpected = diagnostics.filter((d) => !marked.some(([line]) => line === d.line)).map((d) => `line ${d.line + 1}: ${d.message}`);
  assert.deepEqual(unexpected, [], 'every other line compiles');
}

describe('framework typings, checked by each framework\'s checker under strict TypeScript', () => {
  it('React 19 JSX (article-widgets/react), by tsc', () => {
    assertOnlyMarkedLinesFail('react.tsx', tsc('react.tsx', 'react'));
  });

  it('Preact JSX (article-widgets/preact), by tsc', () => {
    assertOnlyMarkedLinesFail('preact.tsx', tsc('preact.tsx', 'preact'));
  });

  it('a Vue template (article-widgets/vue, GlobalComponents), by vue-tsc with strict templates', () => {
    assertOnlyMarkedLinesFail('vue/App.vue', vueTsc('vue'));
  });

  it('Svelte 5 markup (article-widgets/svelte, SvelteHTMLElements), by svelte-check', () => {
    assertOnlyMarkedLinesFail('svelte/App.svelte', svelteCheck('svelte'));
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
