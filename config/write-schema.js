// Regenerates schema.json from the zod schema (run after `tsc -b`; a test checks it is current).
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { configJsonSchema } = require('./dist/json-schema.js');
writeFileSync(join(__dirname, 'schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
