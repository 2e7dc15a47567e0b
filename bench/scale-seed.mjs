// Seeds a desk of a given size for `npm run bench -- --scale`: N tickets of 10 messages each, spread over ten years,
// with a fixed backlog of active tickets (a desk grows by its history, not by its open work). The rows are made by
// the database itself (INSERT … SELECT over a table of numbers, many thousand rows per statement), so 10 million
// messages take minutes. The full-text index is set aside while the messages go in and built once at the end,
// from the migrations' own definitions (SQLite's FTS5 triggers, MariaDB's FULLTEXT index), then checked.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { Agent } from '../dist/src/auth/agent.entity.js';
import { hashPassword, scryptParams } from '../dist/src/auth/password.js';
import { parseDatabaseUrl } from '../dist/src/config.js';
import { createOrm, migrateUp } from '../dist/src/db/orm.js';
import { removeSqliteDatabase } from '../dist/src/db/sqlite-tuning.js';
import { BENCH_PASSWORD } from './seed.mjs';

export const MESSAGES_PER_TICKET = 10;
/** Open and in-progress tickets at every size: the newest ones. */
export const ACTIVE_TICKETS = 1000;
export const AGENTS = 20;
/** A word in exactly five messages at every size, and one in about 10 % of them. */
export const RARE_WORD = 'zanzibar';
export const COMMON_WORD = 'payment';
export const phoneOf = (ticket) => `44770${String(ticket).padStart(7, '0')}`;
const DAY = 86_400_000;
const NUMBERS = 100_000;

/** The few SQL expressions that differ between SQLite and MariaDB/MySQL. Dates: SQLite keeps epoch milliseconds. */
const sqlOf = (sqlite) => ({
  date: (ms) => (sqlite ? `(${ms})` : `timestampadd(microsecond, (${ms}) * 1000, '1970-01-01 00:00:00')`),
  plusMinutes: (column, minutes) =>
    sqlite ? `(${column} + (${minutes}) * 60000)` : `timestampadd(minute, ${minutes}, ${column})`,
  concat: (...parts) => (sqlite ? `(${parts.map((part) => `(${part})`).join(' || ')})` : `concat(${parts.join(', ')})`),
  pad7: (value) => (sqlite ? `printf('%07d', ${value})` : `lpad(${value}, 7, '0')`),
});

/** Runs statements on one connection: better-sqlite3's, or a mysql2 connection with bulk-load settings. */
async function rawConnection(orm, database) {
  if (database.dialect === 'sqlite') {
    const native = await orm.em.getConnection().getNativeClient();
    return {
      run: async (sql, params = []) => native.prepare(sql).run(...params),
      all: async (sql) => native.prepare(sql).all(),
      close: async () => {},
    };
  }
  const connection = await mysql.createConnection({ uri: database.url.replace(/^mariadb:/, 'mysql:') });
  await connection.query('set session unique_checks = 0, foreign_key_checks = 0');
  return {
    run: (sql, params = []) => connection.query(sql, params),
    all: async (sql) => (await connection.query(sql))[0],
    close: () => connection.end(),
  };
}

async function insertAgents(orm) {
  const hash = await hashPassword(BENCH_PASSWORD, scryptParams());
  await orm.em.fork().insertMany(
    Agent,
    Array.from({ length: AGENTS }, (_, i) => ({
      id: i + 1,
      email: `agent${i}@bench.test`,
      name: `Agent ${i}`,
      role: i === 0 ? 'ADMIN' : 'AGENT',
      passwordHash: hash,
      active: true,
      createdAt: new Date(),
    })),
  );
}

function ticketsSelect(sql, tickets, from, count, start, step) {
  const created = `(${start} + (i - 1) * ${step})`;
  const inner = `select ${from} + n + 1 as i from bench_numbers where n < ${count}`;
  const shaped = `select i, ${created} as c,
      case when i > ${tickets - ACTIVE_TICKETS} then (case when i % 2 = 0 then 'OPEN' else 'IN_PROGRESS' end)
           when i % 5 < 2 then 'RESOLVED' else 'CLOSED' end as status,
      (i * 7) % 5 as p
    from (${inner}) numbers`;
  const timed = `select i, c, status, p,
      case when status = 'OPEN' then null else 60 + (i * 37) % 3600 end as fr,
      case when status in ('RESOLVED', 'CLOSED') then 1800 + (i * 131) % 86400 else null end as res
    from (${shaped}) shaped`;
  return `select i, ${sql.concat("'44770'", sql.pad7('i'))}, ${sql.concat("'Person '", 'i')},
      ${sql.concat("'Issue '", 'i', "': the portal shows an error when I open my results page'")}, status,
      case p when 0 then 'LOW' when 3 then 'HIGH' when 4 then 'URGENT' else 'MEDIUM' end,
      case p when 0 then 1 when 3 then 3 when 4 then 4 else 2 end,
      case when i % 3 = 0 then null else 1 + i % ${AGENTS} end,
      ${sql.date('c')}, ${sql.date(`c + ${(MESSAGES_PER_TICKET - 1) * 60_000}`)},
      case when res is null then null else ${sql.date('c + res * 1000')} end,
      case when fr is null then null else ${sql.date('c + fr * 1000')} end,
      ${sql.date(`c + ${(MESSAGES_PER_TICKET - 1) * 60_000}`)}, ${sql.date(`c + ${(MESSAGES_PER_TICKET - 2) * 60_000}`)},
      (i - 1) * ${MESSAGES_PER_TICKET} + ${MESSAGES_PER_TICKET - 1}, fr, fr, res, res, 1
    from (${timed}) timed`;
}
const TICKET_COLUMNS = `id, phone_number, sender_name, issue_description, status, priority, priority_rank, assigned_admin_id,
  created_at, updated_at, resolved_at, first_response_at, last_message_at, last_user_message_at, last_user_message_id,
  first_response_seconds, first_response_business_seconds, resolution_seconds, resolution_business_seconds, version`;

function messagesSelect(sql, tickets, first, last) {
  const id = `((t.id - 1) * ${MESSAGES_PER_TICKET} + m.n + 1)`;
  const fromPerson = 'm.n % 2 = 0';
  // A multiplicative hash spreads the common word over tickets (about 65 % of them have it at least once).
  const body = sql.concat(
    `case when ${fromPerson} then 'Hello, my order ' else 'Thank you, we are looking into order ' end`,
    `(${id} * 7919) % 100003`,
    `case when ${fromPerson} then ' has not arrived and the tracking page shows nothing' else ' and will write again soon' end`,
    `case when (${id} * 2654435761) % 1000 < 100 then ' since the ${COMMON_WORD} went through' else '' end`,
    `case when ${id} % ${2 * tickets} = 7 then ' ${RARE_WORD}' else '' end`,
  );
  return `select ${id}, t.id, case when ${fromPerson} then 'USER' else 'ADMIN' end,
      case when ${fromPerson} then t.sender_name else 'Agent' end, ${body}, ${sql.plusMinutes('t.created_at', 'm.n')},
      case when ${fromPerson} then null else 'READ' end, 0, case when ${fromPerson} then null else t.assigned_admin_id end
    from support_tickets t cross join bench_numbers m
    where m.n < ${MESSAGES_PER_TICKET} and t.id between ${first} and ${last}`;
}
const MESSAGE_COLUMNS =
  'id, ticket_id, sender_type, sender_name, message, created_at, delivery_status, internal, author_id';

/**
 * SQLite: the FTS5 triggers are set aside while the messages go in, and the index is rebuilt once at the end
 * (the migration's own 'rebuild'), then the triggers are put back as the migration wrote them. MariaDB keeps its
 * FULLTEXT index through the load: dropping it and adding it back after the load was no faster at 100,000 messages
 * (6.4 s against 5.2 s) and, on MariaDB 10.11, left an index that found nothing until it was rebuilt once more.
 */
async function setIndexAside(db, sqlite) {
  if (!sqlite) return async () => {};
  const triggers = await db.all(
    "select name, sql from sqlite_master where type = 'trigger' and name like 'support_messages_fts_%'",
  );
  if (triggers.length !== 3) throw new Error(`expected the 3 FTS5 triggers, found ${triggers.length}`);
  for (const trigger of triggers) await db.run(`drop trigger \`${trigger.name}\``);
  return async () => {
    await db.run("insert into support_messages_fts (support_messages_fts) values ('rebuild')");
    for (const trigger of triggers) await db.run(trigger.sql);
  };
}

/** The index finds the rare word's five messages, as a scan does, and covers every message. */
export async function checkFullTextIndex(db, sqlite, tickets) {
  const expected = MESSAGES_PER_TICKET * tickets;
  const [{ indexed, rare }] = sqlite
    ? await db.all(`select (select count(*) from support_messages_fts_docsize) as indexed,
        (select count(*) from support_messages_fts where support_messages_fts match '"${RARE_WORD}"') as rare`)
    : await db.all(`select (select count(*) from support_messages) as indexed,
        (select count(*) from support_messages where match(message) against ('+${RARE_WORD}' in boolean mode)) as rare`);
  if (Number(indexed) !== expected || Number(rare) !== 5)
    throw new Error(`full-text index: ${indexed} of ${expected} messages, ${rare} of 5 "${RARE_WORD}"`);
}

/** Seeds `tickets` tickets into an empty database; answers the seconds each phase took. */
export async function seedScale(database, tickets, log = () => {}) {
  const sqlite = database.dialect === 'sqlite';
  const sql = sqlOf(sqlite);
  const orm = await createOrm(database);
  const phases = {};
  let phaseStart = performance.now();
  const phase = (name) => {
    phases[name] = (performance.now() - phaseStart) / 1000;
    log(`  ${name}: ${phases[name].toFixed(1)} s`);
    phaseStart = performance.now();
  };
  await migrateUp(orm);
  await insertAgents(orm);
  phase('migrations and agents');
  const db = await rawConnection(orm, database);
  try {
    await db.run('create table bench_numbers (n integer not null primary key)');
    for (let from = 0; from < NUMBERS; from += 5000)
      await db.run(
        `insert into bench_numbers (n) values ${Array.from({ length: 5000 }, (_, k) => `(${from + k})`).join(', ')}`,
      );
    const step = Math.floor((3650 * DAY) / tickets);
    const start = Date.now() - 3650 * DAY;
    for (let from = 0; from < tickets; from += NUMBERS)
      await db.run(
        `insert into support_tickets (${TICKET_COLUMNS}) ${ticketsSelect(sql, tickets, from, Math.min(NUMBERS, tickets - from), start, step)}`,
      );
    phase('tickets');
    const putIndexBack = await setIndexAside(db, sqlite);
    const perStatement = 20_000;
    for (let first = 1; first <= tickets; first += perStatement)
      await db.run(
        `insert into support_messages (${MESSAGE_COLUMNS}) ${messagesSelect(sql, tickets, first, Math.min(tickets, first + perStatement - 1))}`,
      );
    phase('messages');
    await putIndexBack();
    phase('full-text index');
    await db.run('drop table bench_numbers');
    // InnoDB would refresh its statistics by itself after this much change; SQLite keeps none unless told (the
    // server never runs ANALYZE), so it is left as a real SQLite desk would be.
    if (!sqlite) await db.run('analyze table support_tickets, support_messages');
    await checkFullTextIndex(db, sqlite, tickets);
    phase('statistics and checks');
    // Kept with the data, so that a run reusing this database (--keep) still reports how long seeding took.
    await db.run('create table bench_scale_seed (phase varchar(64) not null, seconds double not null)');
    for (const [name, seconds] of Object.entries(phases))
      await db.run('insert into bench_scale_seed (phase, seconds) values (?, ?)', [name, seconds]);
  } finally {
    await db.close();
    await orm.close(true);
  }
  return phases;
}

/** Where a desk of this size lives: a file in the temporary folder, or a database on the MariaDB/MySQL server. */
export function scaleDatabase(kind, tickets, mysqlUrl) {
  if (kind === 'sqlite') {
    const path = join(tmpdir(), `bench-scale-${tickets}.sqlite`);
    return { url: `sqlite:${path}`, database: { dialect: 'sqlite', path } };
  }
  const url = `${mysqlUrl.replace(/\/?$/, '/')}bench_scale_${tickets}`;
  return { url, database: parseDatabaseUrl(url) };
}

/** How long seeding took, if this database was seeded completely by an earlier run; null otherwise. */
export async function seededBefore(database) {
  if (database.dialect === 'sqlite' && !existsSync(database.path)) return null;
  let orm;
  try {
    orm = await createOrm(database);
    const rows = await orm.em.getConnection().execute('select phase, seconds from bench_scale_seed');
    return rows.length ? Object.fromEntries(rows.map((row) => [row.phase, Number(row.seconds)])) : null;
  } catch {
    return null;
  } finally {
    await orm?.close(true);
  }
}

/** Deletes a desk's database. */
export async function dropScaleDatabase(database) {
  if (database.dialect === 'sqlite') return removeSqliteDatabase(database.path);
  const connection = await mysql.createConnection({ uri: database.url.replace(/^mariadb:/, 'mysql:') });
  await connection.query(`drop database if exists \`${database.dbName}\``);
  await connection.end();
}
