// The package's own files (package.json, openapi.json, the built console), found from this module,
// which runs from dist/server/src/ once built (see ../tsconfig.json).
import { fileURLToPath } from 'node:url';

/** The path of a file of the server package, as `package.json` or `console/`. */
export function packagePath(name: string): string {
  return fileURLToPath(new URL(`../../../${name}`, import.meta.url));
}
