// Editable rows (opening hours, holidays, template parameters) need a React key that stays with a row when
// another is added or removed above it; the server's data has no id for them, so the client gives each one.
let last = 0;

export type Keyed<T> = T & { rowKey: string };

export const withRowKey = <T extends object>(row: T): Keyed<T> => ({ ...row, rowKey: `row-${++last}` });

export function withoutRowKey<T extends object>(row: Keyed<T>): T {
  const { rowKey: _, ...rest } = row;
  return rest as T;
}
