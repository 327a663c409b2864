// The files the non-JavaScript templates need, made from the elements' own sources so no template
// keeps a copy by hand: cms/share-networks.json (the share networks' names and share-page
// templates, for the WordPress plugin's PHP and the Hugo and Jekyll partials) and
// cms/article-widgets.css (the fallback's sizing, src/render/fallback-styles.ts).
// `node scripts/cms-assets.mjs` writes them; the static-site test checks they are fresh.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const repo = new URL('..', import.meta.url).pathname;

/** Imports TypeScript modules of src/ (given with the local modules they import) in Node. */
async function importSources(entry, ...dependencies) {
  const dir = mkdtempSync(join(tmpdir(), 'aw-sources-'));
  try {
    for (const name of [entry, ...dependencies]) {
      const source = readFileSync(join(repo, `src/${name}.ts`), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
      writeFileSync(join(dir, `${name.split('/').pop()}.js`), outputText);
    }
    return await import(pathToFileURL(join(dir, `${entry.split('/').pop()}.js`)).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The contents of each file, by name. */
export async function cmsAssets() {
  const { knownNetworks, networkAliases, defaultNetworks } = await importSources('share-bar/networks', 'share-bar/icons');
  const { fallbackStyles } = await importSources('render/fallback-styles');
  const networks = {
    networks: Object.fromEntries(knownNetworks().map(({ name, label, url }) => [name, { label, url }])),
    aliases: networkAliases,
    defaults: { ru: defaultNetworks('ru'), other: defaultNetworks('en') },
  };
  return {
    'share-networks.json': `${JSON.stringify(networks, null, 2)}\n`,
    'article-widgets.css': `/* Made by scripts/cms-assets.mjs from src/render/fallback-styles.ts: edit that, then run it. */\n${fallbackStyles}`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, text] of Object.entries(await cmsAssets())) writeFileSync(join(repo, 'cms', name), text);
  console.log('cms/share-networks.json and cms/article-widgets.css written');
}
