// The share networks' table as data, for templates that are not JavaScript (the WordPress plugin's
// PHP, the static-site partials): read from the element's own src/share-bar/networks.ts, so a
// network added there reaches every template without a copy kept by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const repo = new URL('..', import.meta.url).pathname;

/** `{ networks: { name: { label, url } }, aliases, defaults: { ru, other } }` */
export async function shareNetworksTable() {
  const dir = mkdtempSync(join(tmpdir(), 'aw-networks-'));
  try {
    for (const name of ['networks', 'icons']) {
      const source = readFileSync(join(repo, `src/share-bar/${name}.ts`), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
      writeFileSync(join(dir, `${name}.js`), outputText);
    }
    const { knownNetworks, networkAliases, defaultNetworks } = await import(pathToFileURL(join(dir, 'networks.js')).href);
    return {
      networks: Object.fromEntries(knownNetworks().map(({ name, label, url }) => [name, { label, url }])),
      aliases: networkAliases,
      defaults: { ru: defaultNetworks('ru'), other: defaultNetworks('en') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await shareNetworksTable(), null, 2));
}
