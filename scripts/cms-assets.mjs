// The files the non-JavaScript templates need, made from the elements' own sources so no template
// keeps a copy by hand: cms/share-networks.json (the share networks' names, in Russian too where
// the element says them otherwise, and share-page templates, for the WordPress plugin's PHP and the Hugo and Jekyll partials) and
// cms/article-widgets.css (the fallback's sizing, src/render/fallback-styles.ts).
// `node scripts/cms-assets.mjs` writes them; the static-site test checks they are fresh.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const repo = new URL('..', import.meta.url).pathname;

/** Imports a TypeScript module of src/ in Node, bundled with what it imports. */
async function importSource(entry) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [join(repo, `src/${entry}.ts`)], bundle: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false, logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
}

/** The contents of each file, by name. */
export async function cmsAssets() {
  const { knownNetworks, networkAliases, defaultNetworks } = await importSource('share-bar/networks');
  const { fallbackStyles } = await importSource('render/fallback-styles');
  const { default: russian } = await importSource('share-bar/share-bar.messages.ru');
  // A network's name in another language, where the element says it differently (ВКонтакте for VK).
  const labelsOf = (name) => (russian.shareNames[name] ? { labels: { ru: russian.shareNames[name] } } : {});
  const networks = {
    networks: Object.fromEntries(knownNetworks().map(({ name, label, url }) => [name, { label, ...labelsOf(name), url }])),
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
