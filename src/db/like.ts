// LIKE conditions from what a person typed: their %, _ and \ are text, not wildcards, on SQLite and MariaDB alike.
import { raw, type EntityKey, type FilterObject } from '@mikro-orm/core';

// SQLite has no default escape character for LIKE, so every LIKE names one. Not the backslash: in MariaDB's
// string literals it escapes the next character (unless NO_BACKSLASH_ESCAPES), so '\' would need different
// SQL text per dialect; '!' reads the same in both, and a backslash the person typed is then plain text.
const ESCAPE = '!';
/** The escape character every LIKE here names: write `like ? escape '!'` beside a containsPattern. */
export const LIKE_ESCAPE = `escape '${ESCAPE}'`;

// A NUL cannot be stored (SQLite cannot even read it inside a statement's text, where the ORM writes values), so it
// can only match nothing: it is dropped from the pattern rather than failing the search.
const escapeLike = (text: string) => text.replace(/\0/g, '').replace(/[!%_]/g, (c) => `${ESCAPE}${c}`);

/** A LIKE pattern (see LIKE_ESCAPE) for a column containing the text, for statements written by hand. */
export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
/** A LIKE pattern (see LIKE_ESCAPE) for a column starting with the text, for statements written by hand. */
export const startsWithPattern = (text: string) => `${escapeLike(text)}%`;

/**
 * A condition for `where` or `$or`: the property's column contains the text. The ORM still names the column (and
 * its alias) from the property; only the right-hand side is raw, to add the escape clause. The text is always a
 * bound parameter: raw SQL with the text written into it would have the ORM read a `?` in it as a placeholder.
 * Case-insensitive as the database's LIKE is: ASCII letters on SQLite, the column's collation on MariaDB.
 */
export function likeContains<T>(property: EntityKey<T>, text: string): FilterObject<T> {
  return { [property]: { $like: raw(`? escape '${ESCAPE}'`, [containsPattern(text)]) } } as FilterObject<T>;
}

/** Like likeContains, for a column that starts with the text. */
export function likeStartsWith<T>(property: EntityKey<T>, text: string): FilterObject<T> {
  return { [property]: { $like: raw(`? escape '${ESCAPE}'`, [startsWithPattern(text)]) } } as FilterObject<T>;
}
