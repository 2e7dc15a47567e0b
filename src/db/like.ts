// LIKE conditions from what a person typed: their %, _ and \ are text, not wildcards, on SQLite and MariaDB alike.
import { raw, type EntityKey, type FilterObject } from '@mikro-orm/core';

// SQLite has no default escape character for LIKE, so every LIKE names one. Not the backslash: in MariaDB's
// string literals it escapes the next character (unless NO_BACKSLASH_ESCAPES), so '\' would need different
// SQL text per dialect; '!' reads the same in both, and a backslash the person typed is then plain text.
const ESCAPE = '!';

const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `${ESCAPE}${c}`);

const containsPattern = (text: string) => `%${escapeLike(text)}%`;
const startsWithPattern = (text: string) => `${escapeLike(text)}%`;

/**
 * A condition for `where` or `$or`: the property's column contains the text. The ORM still names the column (and
 * its alias) from the property; only the right-hand side is raw, to add the escape clause.
 * Case-insensitive as the database's LIKE is: ASCII letters on SQLite, the column's collation on MariaDB.
 */
export function likeContains<T>(property: EntityKey<T>, text: string): FilterObject<T> {
  return { [property]: { $like: raw(`? escape '${ESCAPE}'`, [containsPattern(text)]) } } as FilterObject<T>;
}

/** To order by: 0 where the column (as SQL, e.g. `cr.shortcode`) starts with the text, else 1. */
export function startsWithFirst(column: string, text: string) {
  return raw(`case when ${column} like ? escape '${ESCAPE}' then 0 else 1 end`, [startsWithPattern(text)]);
}
