// The repository's root, where schema.graphql, migrations/ and dist/ live, from sources (src/) or compiled (dist/src/).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = here.includes(join('dist', 'src')) ? resolve(here, '../..') : resolve(here, '..');
