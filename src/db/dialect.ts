// What differs between SQLite and MySQL/MariaDB in the few statements written as SQL by hand.
import type { EntityManager } from '@mikro-orm/core';

export const isSqlite = (em: EntityManager): boolean =>
  em.getPlatform().constructor.name.toLowerCase().includes('sqlite');

export interface SqlDialect {
  /** Whole seconds since the epoch of a datetime column (SQLite keeps epoch ms; MariaDB a UTC DATETIME). */
  epochSeconds(column: string): string;
  /** Whole milliseconds since the epoch of a datetime expression: exact, so that it can be compared and kept in a cursor. */
  epochMillis(expression: string): string;
  /** Integer division of non-negative integers. */
  divide(dividend: string, divisor: number): string;
  /** A datetime as a statement parameter, in the form its columns keep. */
  param(at: Date): number | string;
  /** A number rounded to the nearest whole number, as an integer. */
  roundToInteger(expression: string): string;
}

const sqlite: SqlDialect = {
  epochSeconds: (column) => `(${column} / 1000)`,
  epochMillis: (expression) => `(${expression})`,
  divide: (dividend, divisor) => `((${dividend}) / ${divisor})`,
  param: (at) => at.getTime(),
  roundToInteger: (expression) => `cast(round(${expression}) as integer)`,
};

const mysql: SqlDialect = {
  epochSeconds: (column) => `timestampdiff(second, '1970-01-01 00:00:00', ${column})`,
  epochMillis: (expression) => `(timestampdiff(microsecond, '1970-01-01 00:00:00', ${expression}) div 1000)`,
  divide: (dividend, divisor) => `((${dividend}) div ${divisor})`,
  param: (at) => at.toISOString().replace('T', ' ').replace('Z', ''),
  roundToInteger: (expression) => `cast(round(${expression}) as signed)`,
};

export const dialectFor = (em: EntityManager): SqlDialect => (isSqlite(em) ? sqlite : mysql);
