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
 * One piece of an html`` or svg`` template. In HTML a run of white space with a line break renders
 * as one space: keep one (also at a template's ends, which may stand inside a line of text). A
 * line break before a tag's closing `>` (as formatters write long tags) is inside the tag, and
 * goes. Not before `/>`: right after an unquoted `${}` the slash would join the attribute's value.
 */
export function minifyHtml(text) {
  return text.replace(/\s*\n\s*>/g, '>').replace(/\s*\n\s*/g, ' ');
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
      quasis.forEach((quasi, i) => {
        const raw = quasi.value.raw;
        const start = quasi.start + 1; // after ` or }
        if (code.slice(start, start + raw.length) !== raw) return;
        const ends = { first: i === 0, last: i === quasis.length - 1 };
        const min = tag === 'css' ? minifyCss(raw, ends) : minifyHtml(raw);
        if (min !== raw) {
          // An empty replacement would be an insertion point MagicString cannot map.
          if (min) out.overwrite(start, start + raw.length, min);
          else out.remove(start, start + raw.length);
          changed = true;
        }
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
