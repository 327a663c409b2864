// Writes server/openapi.json from the route table: `npm run openapi -w server`.
import { writeFileSync } from 'node:fs';
import { openapiDocument } from '../src/openapi.js';
import { packagePath } from '../src/package-root.js';

const file = packagePath('openapi.json');
writeFileSync(file, `${JSON.stringify(openapiDocument(), null, 2)}\n`);
console.log(`wrote ${file}`);
