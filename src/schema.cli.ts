// `npm run schema` prints the schema to schema.graphql; `npm run schema:check` fails when that file is stale;
// `node dist/src/schema.cli.js descriptions [file]` fails when a part of the printed schema has no description.
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from './project-root.js';
import { createSchema } from './graphql/schema.js';
import { createPubSub } from './pubsub/pubsub.js';
import { undescribedCoordinates } from './graphql/schema-descriptions.js';

export async function printedSchema(): Promise<string> {
  const schema = await createSchema(createPubSub());
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** Exits non-zero, naming each coordinate, when anything in the schema file lacks a description. */
function checkDescriptions(file: string): void {
  const missing = undescribedCoordinates(readFileSync(file, 'utf8'));
  if (missing.length > 0) {
    console.error(`${missing.length} part(s) of ${file} have no description:`);
    for (const coordinate of missing) console.error(`  ${coordinate}`);
    process.exit(1);
  }
  console.log(`every part of ${file} has a description`);
}

async function main(): Promise<void> {
  const file = join(projectRoot, 'schema.graphql');
  if (process.argv[2] === 'descriptions') {
    checkDescriptions(process.argv[3] ?? file);
    return;
  }
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
