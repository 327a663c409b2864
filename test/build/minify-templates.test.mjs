// The build's template minifier (scripts/minify-templates.mjs): every css`` of src/ means the same
// after it as before (esbuild's CSS minifier, given both, prints the same style sheet), and what it
// does to HTML and to the text beside `${}` interpolations, by example.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { Visitor, parseSync } from 'rolldown/utils';
import { minifyCss, minifyHtml, minifyTemplateLiterals } from '../../scripts/minify-templates.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const sources = readdirSync(join(repo, 'src'), { recursive: true })
  .filter((file) => /\.ts$/.test(file))
  .map((file) => join(repo, 'src', file));

/** The static text of each `tag`ged template of `code`, as a list of pieces between interpolations. */
function templates(code, id, tag) {
  const found = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type === 'Identifier' && node.tag.name === tag) found.push(node.quasi.quasis.map((quasi) => quasi.value.raw));
    },
  }).visit(parseSync(id, code, { lang: 'ts' }).program);
  return found;
}

/**
 * What esbuild's own CSS minifier makes of `css`: two style sheets that mean the same print the
 * same. But for one thing: it keeps a custom property's value as written (`--_gap: var(--a, 1px)`),
 * where the browser trims the space after the colon and the property reads no space after a comma.
 */
const canonical = (css) => transformSync(css, { loader: 'css', minify: true }).code.replace(/([:,]) +/g, '$1');

describe('the template minifier', () => {
  it("leaves every css`` of src/ meaning what it says, and shorter", () => {
    let checked = 0;
    for (const file of sources) {
      for (const pieces of templates(readFileSync(file, 'utf8'), file, 'css')) {
        // Interpolations stand in as a custom property's value, where any piece of CSS may be.
        const join = (parts) => parts.join('var(--interpolated)');
        const original = join(pieces);
        const minified = join(pieces.map((piece, i) => minifyCss(piece, { first: i === 0, last: i === pieces.length - 1 })));
        assert.equal(canonical(minified), canonical(original), file);
        assert.ok(minified.length < original.length, file);
        checked++;
      }
    }
    assert.ok(checked >= 5, `only ${checked} style sheets found`);
  });

  it('keeps what makes the styles work: :host selectors, custom properties, forced colours, strings', () => {
    const css = `
      /* the host */
      :host([size='small']) .button:hover > svg {
        --_d: var(--aw-share-size, light-dark(#000, #fff));
        margin: calc((1lh - 1.25em) / 2) 0 0;
        content: 'a: b ,  c';
      }
      @media (forced-colors: active) {
        svg { fill: CanvasText; }
      }
    `;
    assert.equal(
      minifyCss(css),
      ":host([size='small']) .button:hover>svg{--_d:var(--aw-share-size,light-dark(#000,#fff));margin:calc((1lh - 1.25em) / 2) 0 0;content:'a: b ,  c'}@media (forced-colors:active){svg{fill:CanvasText}}",
    );
  });

  it('never joins the text on either side of an interpolation', () => {
    // `margin: 0 ${x}`: trimming the piece before the interpolation would make "0" and the value one word.
    assert.equal(minifyCss('  margin: 0 ', { first: true, last: false }), 'margin:0 ');
    assert.equal(minifyCss(' px;\n}\n', { first: false, last: true }), ' px}');
    const { code } = minifyTemplateLiterals('const s = css`\n  .a {\n    margin: 0 ${gap} auto;\n  }\n`;\n', 'x.ts');
    assert.equal(code, 'const s = css`.a{margin:0 ${gap} auto}`;\n');
  });

  it('collapses HTML white space with a line break to one space, and the line break before a tag closes', () => {
    assert.deepEqual(minifyHtml(['<div\n    part="base"\n    class="base"\n  >\n  <span>a</span>\n  <span>b</span>\n</div>']), [
      '<div part="base" class="base"> <span>a</span> <span>b</span> </div>',
    ]);
    // White space on one line is the author's: a space between words, kept as written.
    assert.deepEqual(minifyHtml(['<p>a  <b>b</b></p>']), ['<p>a  <b>b</b></p>']);
  });

  it('knows a tag from text across interpolations: a > in text, or in a quoted value, keeps the space before it', () => {
    // The tag opened in the first piece closes in the second, after an interpolated attribute.
    assert.deepEqual(minifyHtml(['<a\n  href=', '\n  >Home\n  > News</a', '\n>']), ['<a href=', '>Home > News</a', '>']);
    assert.deepEqual(minifyHtml(['<span title="a\n  > b"\n>', '</span>']), ['<span title="a > b">', '</span>']);
    assert.deepEqual(minifyHtml(['a < b\n  > c']), ['a < b > c']);
  });

  it('keeps the space before /> after an unquoted interpolation, and the spaces at a template’s ends', () => {
    const { code } = minifyTemplateLiterals('html`\n  <input\n    ?disabled=${off}\n  />\n  ${x}\n`', 'x.ts');
    assert.equal(code, 'html` <input ?disabled=${off} /> ${x} `');
  });

  it('touches only css``, html`` and svg`` templates, and maps the result to its source', () => {
    assert.equal(minifyTemplateLiterals('const t = `\n  a\n`; const u = other`\n  b\n`;', 'x.ts'), null);
    const result = minifyTemplateLiterals('const t = svg`\n  <path\n  ></path>\n`;', 'x.ts');
    assert.equal(result.code, 'const t = svg` <path></path> `;');
    assert.deepEqual(result.map.sources, ['x.ts']);
    assert.ok(result.map.mappings.length > 0);
  });
});
