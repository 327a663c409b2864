// A build plugin that minifies the static text of Lit's css``, html`` and svg`` templates.
// Vite minifies the JavaScript around them but keeps template text as written (indentation and
// comments), which costs bytes on every page; this parses each module, finds the tagged templates
// and collapses their whitespace, keeping a source map.
import { RolldownMagicString } from 'rolldown';
import { Visitor, parseSync } from 'rolldown/utils';

function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    // "prop: value" to "prop:value"; a selector never has a space after its colon.
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .trim();
}

// In HTML, a run of white space with a line break renders as one space: keep one.
const minifyHtml = (text) => text.replace(/\s*\n\s*/g, ' ');

export function minifyTemplates() {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!/\/src\/.*\.[jt]s$/.test(id) || !/(css|html|svg)`/.test(code)) return null;
      const { program } = parseSync(id, code, { lang: 'ts' });
      const out = new RolldownMagicString(code);
      let changed = false;
      new Visitor({
        TaggedTemplateExpression(node) {
          const tag = node.tag.type === 'Identifier' ? node.tag.name : '';
          if (tag !== 'css' && tag !== 'html' && tag !== 'svg') return;
          for (const quasi of node.quasi.quasis) {
            const raw = quasi.value.raw;
            const start = quasi.start + 1; // after ` or }
            if (code.slice(start, start + raw.length) !== raw) continue;
            const min = tag === 'css' ? minifyCss(raw) : minifyHtml(raw);
            if (min !== raw) {
              out.overwrite(start, start + raw.length, min || ' ');
              changed = true;
            }
          }
        },
      }).visit(program);
      if (!changed) return null;
      const map = out.generateMap({ hires: true, source: id });
      return { code: out.toString(), map: { version: 3, sources: [id], names: map.names, mappings: map.mappings } };
    },
  };
}
