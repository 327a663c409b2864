// Writes server/openapi.json from the route table: `npm run openapi -w server`.
import { writeFileSync } from 'node:fs';
import { openapiDocument } from '../src/openapi.js';

const file = new URL('../openapi.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(openapiDocument(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
