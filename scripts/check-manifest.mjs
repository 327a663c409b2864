// Fails when the committed custom-elements.json is not what the analyzer makes of src/ now:
// the manifest is generated from JSDoc, and editors and docs read the committed copy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer takes --outdir relative to the working directory.
const out = mkdtempSync('.tmp-cem-');
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], { stdio: 'pipe' });
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  const manifest = JSON.parse(fresh);
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => `<${d.tagName}>`);
  console.log(`custom-elements.json is fresh (${tags.join(', ')})`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
