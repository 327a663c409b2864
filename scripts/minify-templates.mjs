// A build plugin that minifies the static text of Lit's css``, html`` and svg`` templates.
// Vite minifies the JavaScript around them but keeps template text as written (indentation and
// comments), which costs bytes on every page; this parses each module, finds the tagged templates
// and collapses their whitespace, keeping a source map.
//
// Each piece of text between two `${}` is minified on its own, so nothing here may join what
// stands on either side of an interpolation: white space next to one is kept (one space), and only
// the template's own start and end are trimmed. test/build/minify-templates.test.mjs checks every
// css`` of src/ against esbuild's CSS minifier (the same rules) and the HTML rules by example.
import { RolldownMagicString } from 'rolldown';
import { Visitor, parseSync } from 'rolldown/utils';

// A quoted CSS string ('...' or "..."), kept exactly as written.
const CSS_STRING = /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*')/;

/** CSS outside strings: no comments, one space where white space separates, none around punctuation. */
function minifyCssCode(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/ ?([{};,>]) ?/g, '$1')
      // "prop: value" to "prop:value"; a selector never has a space after its colon.
      .replace(/: /g, ':')
      .replace(/;}/g, '}')
  );
}

/** One piece of a css`` template; `first` and `last` say whether it starts or ends the template. */
export function minifyCss(text, { first = true, last = true } = {}) {
  // split() with a capturing group: strings at the odd indexes.
  let min = text
    .split(CSS_STRING)
    .map((part, i) => (i % 2 ? part : minifyCssCode(part)))
    .join('');
  if (first) min = min.trimStart();
  if (last) min = min.trimEnd();
  return min;
}

/**
 * The pieces of one html`` or svg`` template (the text between its interpolations), minified. In
 * HTML a run of white space with a line break renders as one space: keep one (also at a template's
 * ends, which may stand inside a line of text). Inside a tag, a line break before its closing `>`
 * (as formatters write long tags) goes; not before `/>`, where after an unquoted `${}` the slash
 * would join the attribute's value. Where a tag starts and ends is followed across the pieces, so
 * a `>` in text keeps the space before it.
 */
export function minifyHtml(pieces) {
  let inTag = false;
  let quote = '';
  return pieces.map((piece) => {
    let out = '';
    for (let i = 0; i < piece.length; i++) {
      const char = piece[i];
      if (/\s/.test(char)) {
        const run = /^\s+/.exec(piece.slice(i))[0];
        i += run.length - 1;
        const closesTag = inTag && !quote && piece[i + 1] === '>';
        out += !run.includes('\n') ? run : closesTag ? '' : ' ';
        continue;
      }
      if (quote) {
        if (char === quote) quote = '';
      } else if (inTag) {
        if (char === '"' || char === "'") quote = char;
        else if (char === '>') inTag = false;
      } else if (char === '<' && /[a-z/!]/i.test(piece[i + 1] ?? '')) {
        inTag = true;
      }
      out += char;
    }
    return out;
  });
}

/** `code` with the text of its css``, html`` and svg`` templates minified, and its source map; null when nothing changed. */
export function minifyTemplateLiterals(code, id) {
  if (!/(css|html|svg)`/.test(code)) return null;
  const { program } = parseSync(id, code, { lang: 'ts' });
  const out = new RolldownMagicString(code);
  let changed = false;
  new Visitor({
    TaggedTemplateExpression(node) {
      const tag = node.tag.type === 'Identifier' ? node.tag.name : '';
      if (tag !== 'css' && tag !== 'html' && tag !== 'svg') return;
      const { quasis } = node.quasi;
      const raws = quasis.map((quasi) => quasi.value.raw);
      const minified = tag === 'css' ? raws.map((raw, i) => minifyCss(raw, { first: i === 0, last: i === raws.length - 1 })) : minifyHtml(raws);
      quasis.forEach((quasi, i) => {
        const start = quasi.start + 1; // after ` or }
        if (code.slice(start, start + raws[i].length) !== raws[i] || minified[i] === raws[i]) return;
        // An empty replacement would be an insertion point MagicString cannot map.
        if (minified[i]) out.overwrite(start, start + raws[i].length, minified[i]);
        else out.remove(start, start + raws[i].length);
        changed = true;
      });
    },
  }).visit(program);
  if (!changed) return null;
  const map = out.generateMap({ hires: true, source: id });
  return { code: out.toString(), map: { version: 3, sources: [id], names: map.names, mappings: map.mappings } };
}

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s$/.test(id)) return null;
      return minifyTemplateLiterals(code, id);
    },
  };
}
