// The manifest is generated from the elements' JSDoc (`npm run analyze`); package.json's
// customElements field is set by hand, so the analyzer must not rewrite it (the freshness check
// runs it with another --outdir).

/** The names in a Lit `static properties = { ... }` whose options say `state: true`. */
function statePropertyNames(ts, classNode) {
  const properties = classNode.members?.find(
    (member) => member.name?.getText() === 'properties' && member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword),
  );
  const object = properties?.initializer;
  if (!object || !ts.isObjectLiteralExpression(object)) return [];
  return object.properties
    .filter((entry) => ts.isPropertyAssignment(entry) && ts.isObjectLiteralExpression(entry.initializer))
    .filter((entry) =>
      entry.initializer.properties.some(
        (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state' && option.initializer.kind === ts.SyntaxKind.TrueKeyword,
      ),
    )
    .map((entry) => entry.name.getText());
}

export default {
  globs: ['src/**/*.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // Lit's internal reactive state (`{ state: true }`) has no attribute, but the analyzer's Lit
      // plugin reads `static properties` as if every entry without `attribute: false` had one, and
      // lists the state as public attributes. Drop those, and the member's `attribute` link.
      name: 'lit-state-is-not-an-attribute',
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const states = new Set(statePropertyNames(ts, node));
        const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
        if (!declaration || !states.size) return;
        declaration.attributes = declaration.attributes?.filter((attribute) => !states.has(attribute.fieldName));
        for (const member of declaration.members ?? []) if (states.has(member.name)) delete member.attribute;
      },
    },
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
