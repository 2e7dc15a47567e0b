// `npm run schema` prints the schema to schema.graphql; `npm run schema:check` fails when that file is stale.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from './project-root.js';
import { createSchema } from './graphql/schema.js';
import { createPubSub } from './pubsub/pubsub.js';

export async function printedSchema(): Promise<string> {
  const schema = await createSchema(createPubSub());
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const file = join(projectRoot, 'schema.graphql');
  const printed = await printedSchema();
  if (process.argv[2] === 'check') {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (current !== printed) {
      console.error('schema.graphql is out of step with the code: run npm run schema');
      process.exit(1);
    }
    console.log('schema.graphql is in step with the code');
    return;
  }
  writeFileSync(file, printed);
  console.log('wrote schema.graphql');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
