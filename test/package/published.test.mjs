// What `npm pack` (and so `npm publish`) ships: exactly the built package and its papers, every
// path package.json names, source maps that carry their sources, Lit's licence in the bundle.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pack, repo } from './helpers.mjs';

let files;
before(() => {
  const packed = pack();
  files = packed.files;
  rmSync(packed.dir, { recursive: true, force: true });
});
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

describe('the published package', () => {
  it('holds the build, the manifest, the typings and editor data, the Eleventy plugin, README, LICENSE and CHANGELOG, and nothing else', () => {
    const papers = ['CHANGELOG.md', 'LICENSE', 'README.md', 'custom-elements.json', 'package.json'];
    // The Eleventy plugin is plain JavaScript over dist/render.js, published as it is written.
    const unexpected = files.filter((f) => !papers.includes(f) && !f.startsWith('dist/') && f !== 'cms/eleventy/article-widgets.js');
    assert.deepEqual(unexpected, [], 'no sources, tests, scripts or server');
    for (const file of papers) assert.ok(files.includes(file), file);
    for (const file of ['dist/index.js', 'dist/define.js', 'dist/article-widgets.js', 'dist/render.js', 'cms/eleventy/article-widgets.js', 'dist/types/index.d.ts', 'dist/frameworks/react.d.ts', 'dist/web-types.json']) {
      assert.ok(files.includes(file), file);
    }
    assert.deepEqual(files.filter((f) => /\.test\.|(^|\/)test\//.test(f)), []);
  });

  it('ships every path package.json names (exports, main, module, types, sideEffects, web-types)', () => {
    const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
    const named = [pkg.main, pkg.module, pkg.types, pkg.unpkg, pkg['web-types'], ...pkg.sideEffects, ...targets(pkg.exports)];
    for (const path of named) assert.ok(files.includes(path.replace(/^\.\//, '')), path);
    assert.deepEqual(pkg.sideEffects.sort(), ['./dist/article-widgets.js', './dist/define.js']);
    assert.match(pkg.dependencies.lit, /^\^3\./, 'lit as a range, so an app shares its own Lit');
  });

  it('ships source maps that carry their sources, so none points at a file that is not published', () => {
    const maps = files.filter((f) => f.endsWith('.map'));
    assert.ok(maps.length > 0);
    for (const file of maps) {
      const map = JSON.parse(readFileSync(join(repo, file), 'utf8'));
      assert.equal(map.sourcesContent?.filter((s) => typeof s === 'string').length, map.sources.length, `${file} carries every source`);
    }
  });

  it("keeps Lit's BSD-3-Clause licence notice in the script-tag bundle, once, in the package's own banner", () => {
    const bundle = readFileSync(join(repo, 'dist/article-widgets.js'), 'utf8');
    const banner = bundle.slice(0, bundle.indexOf('*/') + 2);
    assert.ok(banner.startsWith(`/*! ${pkg.name} ${pkg.version} | MIT License`));
    const [, from, to] = banner.match(/Lit: @license Copyright (\d{4})-(\d{4}) Google LLC, SPDX-License-Identifier: BSD-3-Clause/);
    assert.equal(bundle.match(/@license/g).length, 1, 'one notice, not one per Lit module');
    // The notice covers what each of Lit's modules in the bundle says (from the bundle's source map).
    const { sources } = JSON.parse(readFileSync(join(repo, 'dist/article-widgets.js.map'), 'utf8'));
    const litModules = sources.filter((source) => /node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(source));
    assert.ok(litModules.length >= 4, litModules.join());
    for (const source of litModules) {
      const module = readFileSync(join(repo, 'dist', source), 'utf8');
      const [, year] = module.match(/@license\s+\*\s*Copyright (\d{4}) Google LLC\s+\*\s*SPDX-License-Identifier: BSD-3-Clause/);
      assert.ok(year >= from && year <= to, `${source}: ${year}`);
    }
  });

  it('has the fields a registry page shows, and the README names seed files that exist', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync(join(repo, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.equal(pkg.repository.url, 'git+https://github.com/article-widgets/article-widgets.git');
    assert.equal(pkg.bugs.url, 'https://github.com/article-widgets/article-widgets/issues');
    assert.match(pkg.homepage, /^https:\/\/github\.com\/article-widgets\/article-widgets/);
    assert.match(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}`));
    const seeds = [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/--seed (\S+)/g)].map((m) => m[1]);
    assert.ok(seeds.length > 0);
    for (const seed of seeds) assert.ok(existsSync(join(repo, seed)), `README's --seed ${seed}`);
  });
});
