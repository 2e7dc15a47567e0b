// Reads for what is only shown, never changed: rows as plain objects. A page of 50 tickets costs more to
// turn into managed entities (identity map, a property trap per column, change tracking) than to query.
import { ReferenceKind, type EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';

/** A many-to-one reference as a plain read gives it: the id alone, as an entity's unloaded reference has. */
export interface IdRef {
  id: number;
}

/**
 * Runs the query and returns its rows by property name (with the ORM's type conversions: dates, booleans),
 * each many-to-one reference as `{ id }` or null. `Row` names the shape the caller reads; it is the
 * entity's with its references as IdRef (see TicketRecord, MessageRecord).
 */
/** A built select: what readPlain needs of the ORM's QueryBuilder. */
interface SelectQuery {
  execute(method: 'all', mapResults: true): Promise<unknown>;
}

export async function readPlain<Row>(em: SqlEntityManager, entity: EntityName, query: SelectQuery): Promise<Row[]> {
  const references = em
    .getMetadata(entity)
    .relations.filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE)
    .map((prop) => prop.name);
  const rows = (await query.execute('all', true)) as Record<string, unknown>[];
  for (const row of rows) {
    for (const name of references) {
      const id = row[name];
      row[name] = id == null ? null : { id: Number(id) };
    }
  }
  return rows as Row[];
}
