// Framework typings and editor data, generated from custom-elements.json (`npm run build` runs
// this after the type declarations): JSX types for React 19 and Preact, Vue's GlobalComponents,
// Svelte's element types, VS Code's HTML custom data and JetBrains web-types. Each is published
// in dist/ and named in package.json's exports; test/package/typings.test.mjs compiles consumers.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const { name: packageName, version, homepage } = JSON.parse(readFileSync('package.json', 'utf8'));
const HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.\n';

/**
 * Each element's public API as the manifest gives it: its properties (public instance fields, with
 * the attribute each reflects, if any), the attributes that have no property (documented `data-*`
 * ones), and its events.
 */
function readElements() {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement)
    .map((declaration) => {
      const properties = declaration.members
        .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
        .map((member) => ({ ...member, attribute: declaration.attributes?.find((a) => a.fieldName === member.name) }));
      return {
        tag: declaration.tagName,
        className: declaration.name,
        summary: declaration.summary ?? '',
        description: declaration.description ?? '',
        properties,
        plainAttributes: (declaration.attributes ?? []).filter((attribute) => !attribute.fieldName),
        events: declaration.events ?? [],
        cssParts: declaration.cssParts ?? [],
        cssProperties: declaration.cssProperties ?? [],
      };
    })
    .sort((a, b) => a.tag.localeCompare(b.tag));
}

const elements = readElements();
const isBoolean = (type) => type?.text === 'boolean';
/** The literal values of a union such as `'full' | 'count'`, or none. */
const literals = (type) => {
  const parts = (type?.text ?? '').split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
};
const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * The props a framework passes to `element`, as TypeScript members. Every framework here sets a
 * property when the element has one by that name and an attribute otherwise, so: each property by
 * its own name and type; each attribute spelt apart from its property (`article-id`) as a string;
 * and `data-*` attributes by their documented type. A boolean set as an attribute can only be
 * `true` (present): React, Preact, Vue and Svelte all write `false` into some attributes as the
 * text "false", which the element would read as present, so a changing boolean binds the property.
 * Vue's template checker reads every attribute under its camelCase name (`article-id` as
 * `articleId`, `data-closed` as `dataClosed`), so for Vue attributes are given that way.
 */
function propMembers(element, { eventProps, camelCaseAttributes = false }) {
  const members = [];
  for (const property of element.properties) {
    members.push(doc(property.description, '  ') + `  ${key(property.name)}?: ${element.className}['${property.name}'];\n`);
    const attribute = property.attribute;
    if (attribute && attribute.name !== property.name && !camelCaseAttributes) {
      const type = isBoolean(attribute.type) ? 'true' : `${element.className}['${property.name}']`;
      members.push(doc(`${attribute.description ?? property.description} (The \`${property.name}\` property, as an attribute.)`, '  ') + `  ${key(attribute.name)}?: ${type};\n`);
    }
  }
  for (const attribute of element.plainAttributes) {
    const type = isBoolean(attribute.type) ? 'true' : attribute.type?.text ?? 'string';
    const name = camelCaseAttributes ? camelCase(attribute.name) : attribute.name;
    members.push(doc(attribute.description, '  ') + `  ${key(name)}?: ${type};\n`);
  }
  for (const event of element.events) {
    for (const prop of eventProps(event.name)) {
      members.push(doc(event.description, '  ') + `  ${key(prop)}?: (event: GlobalEventHandlersEventMap['${event.name}']) => void;\n`);
    }
  }
  return members.join('');
}

const propsInterface = (element, options) =>
  doc(`The props of \`<${element.tag}>\`: ${element.summary}`, '') + `export interface ${element.className}Props {\n${propMembers(element, options)}}\n`;
const camelCase = (name) => name.replace(/-(\w)/g, (_, letter) => letter.toUpperCase());

const classImport = `import type { ${elements.map((e) => e.className).join(', ')} } from '../types/index.js';\n`;
/** React 19 and Preact listen for `on` + the event's own name (`onaw-rating-vote`). */
const onEventName = (name) => [`on${name}`];

/**
 * JSX types for React 19 or Preact: both set a custom element's properties and listen for its
 * events by `on` + the event's name, and differ only in their module and attribute types.
 */
const jsxTypings = (framework, module, attributesImport, elementProps) => `${HEADER}/**
 * JSX types for ${framework}, which sets a custom element's properties and listens for its events
 * (\`onaw-rating-vote\`). Bring them in once: \`import type {} from '${packageName}/${module}';\`
 */
${attributesImport}
${classImport}
type ElementProps<E extends HTMLElement, Own> = ${elementProps};

${elements.map((element) => propsInterface(element, { eventProps: onEventName })).join('\n')}
declare module '${module}' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => doc(e.summary, '      ') + `      '${e.tag}': ElementProps<${e.className}, ${e.className}Props>;\n`).join('')}    }
  }
}
`;

const typings = {
  react: jsxTypings('React 19', 'react', `import type { ClassAttributes, HTMLAttributes } from 'react';`, 'Own & ClassAttributes<E> & Omit<HTMLAttributes<E>, keyof Own>'),
  preact: jsxTypings('Preact', 'preact', `import type { HTMLAttributes } from 'preact';`, 'Own & Omit<HTMLAttributes<E>, keyof Own>'),
  vue: `${HEADER}/**
 * Template types for Vue (Volar, vue-tsc): each element in GlobalComponents, its properties as
 * props and its events for \`@aw-rating-vote\`. Bring them in once: \`import type {} from '${packageName}/vue';\`
 * Vue must also be told the tags are custom elements (compilerOptions.isCustomElement).
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${classImport}
/** Vue reads a component's props from \`$props\` and its events from \`$emit\` (Vue's guide, "Web Components"). */
type DefineCustomElement<E extends HTMLElement, Own, Events extends object> = new () => E & {
  /** @deprecated For template type checking only: the element has no such property. */
  $props: Own & HTMLAttributes & PublicProps;
  /** @deprecated For template type checking only: the element has no such method. */
  $emit: EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;
};

${elements.map((element) => propsInterface(element, { eventProps: () => [], camelCaseAttributes: true })).join('\n')}
${elements
  .map((e) => `export interface ${e.className}Events {\n${e.events.map((event) => doc(event.description, '  ') + `  '${event.name}': GlobalEventHandlersEventMap['${event.name}'];\n`).join('')}}\n`)
  .join('\n')}
declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => doc(e.summary, '    ') + `    '${e.tag}': DefineCustomElement<${e.className}, ${e.className}Props, ${e.className}Events>;\n`).join('')}  }
}
`,
  svelte: `${HEADER}/**
 * Element types for Svelte (svelte-check, the Svelte language tools): properties, attributes and
 * event attributes (\`onaw-rating-vote\` in Svelte 5, \`on:aw-rating-vote\` in Svelte 4). Bring
 * them in once: \`import type {} from '${packageName}/svelte';\`
 */
import type { HTMLAttributes } from 'svelte/elements';
${classImport}
type ElementProps<E extends HTMLElement, Own> = Own & Omit<HTMLAttributes<E>, keyof Own>;

${elements.map((element) => propsInterface(element, { eventProps: (name) => [`on${name}`, `on:${name}`] })).join('\n')}
declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
${elements.map((e) => doc(e.summary, '    ') + `    '${e.tag}': ElementProps<${e.className}, ${e.className}Props>;\n`).join('')}  }
}
`,
};

/** The attributes a page author writes in HTML, for the editors' data: reflected properties and data-* attributes. */
const htmlAttributes = (element) => [
  ...element.properties.filter((p) => p.attribute).map((p) => ({ ...p.attribute, description: p.attribute.description ?? p.description })),
  ...element.plainAttributes,
];
const readmeUrl = (element) => `${homepage.replace(/#.*$/, '')}#${element.tag}`;

// VS Code: "html.customData": ["./node_modules/article-widgets/dist/vscode.html-custom-data.json"]
const vscode = {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tag,
    description: { kind: 'markdown', value: `${element.summary}\n\n${element.description}` },
    attributes: htmlAttributes(element).map((attribute) => ({
      name: attribute.name,
      description: attribute.description,
      ...(isBoolean(attribute.type) ? { valueSet: 'v' } : {}),
      ...(literals(attribute.type).length ? { values: literals(attribute.type).map((name) => ({ name })) } : {}),
    })),
    references: [{ name: 'README', url: readmeUrl(element) }],
  })),
};

// JetBrains IDEs read package.json's "web-types" field.
const webTypes = {
  $schema: 'https://json.schemastore.org/web-types',
  name: packageName,
  version,
  'description-markup': 'markdown',
  'js-types-syntax': 'typescript',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tag,
        description: `${element.summary}\n\n${element.description}`,
        'doc-url': readmeUrl(element),
        attributes: htmlAttributes(element).map((attribute) => ({
          name: attribute.name,
          description: attribute.description,
          value: isBoolean(attribute.type) ? { kind: 'no-value' } : { kind: 'plain', type: attribute.type?.text ?? 'string' },
        })),
        js: {
          properties: element.properties.map((p) => ({ name: p.name, description: p.description, type: p.type?.text })),
          events: element.events.map((e) => ({ name: e.name, description: e.description, type: e.type?.text })),
        },
        css: {
          parts: element.cssParts.map((p) => ({ name: p.name, description: p.description })),
          properties: element.cssProperties.map((p) => ({ name: p.name, description: p.description, default: p.default })),
        },
      })),
    },
  },
};

mkdirSync('dist/frameworks', { recursive: true });
for (const [framework, source] of Object.entries(typings)) writeFileSync(`dist/frameworks/${framework}.d.ts`, source);
writeFileSync('dist/vscode.html-custom-data.json', JSON.stringify(vscode, null, 2) + '\n');
writeFileSync('dist/web-types.json', JSON.stringify(webTypes, null, 2) + '\n');
console.log(`framework typings and editor data for ${elements.map((e) => `<${e.tag}>`).join(', ')} in dist/`);
