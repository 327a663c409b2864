// `npm run build:wordpress`: the WordPress plugin as an installable zip,
// dist/wordpress/article-widgets.zip, with the script-tag bundle (dist/article-widgets.js, so
// `npm run build` first) and the chunks it loads on first use (dist/article-widgets/, beside it as
// it imports them), the share networks' table and the fallback's sizing inside.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { cmsAssets } from './cms-assets.mjs';

const repo = new URL('..', import.meta.url).pathname;
const plugin = join(repo, 'cms/wordpress/article-widgets');
const bundle = join(repo, 'dist/article-widgets.js');
const chunks = join(repo, 'dist/article-widgets');
const out = join(repo, 'dist/wordpress/article-widgets.zip');

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export async function buildWordpressPlugin() {
  if (!existsSync(bundle)) throw new Error('dist/article-widgets.js is missing: run `npm run build` first');
  /** @type {Record<string, Uint8Array>} */
  const entries = {};
  for (const path of filesUnder(plugin)) entries[`article-widgets/${relative(plugin, path)}`] = readFileSync(path);
  entries['article-widgets/assets/article-widgets.js'] = readFileSync(bundle);
  for (const path of filesUnder(chunks).filter((file) => file.endsWith('.js'))) entries[`article-widgets/assets/article-widgets/${relative(chunks, path)}`] = readFileSync(path);
  for (const [name, text] of Object.entries(await cmsAssets())) entries[`article-widgets/assets/${name}`] = strToU8(text);
  mkdirSync(join(repo, 'dist/wordpress'), { recursive: true });
  writeFileSync(out, zipSync(entries, { level: 9 }));
  return { path: out, files: Object.keys(entries).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { path, files } = await buildWordpressPlugin();
  console.log(`${relative(repo, path)}: ${files} files, ${(statSync(path).size / 1024).toFixed(1)} KB`);
}
