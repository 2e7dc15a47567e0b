// Ticket search before and after the full-text index, on a seeded corpus, on SQLite and MariaDB:
// `npm run build && node bench/search.mjs [--messages 100000 --tickets 10000 --db sqlite,mariadb --runs 9]`.
// "Before" is the LIKE scan the ticket list ran until the index came (the same statement without the index
// condition); "after" is that statement with it, and the ticket list itself (listTickets) for the whole read, by
// newest activity and by RELEVANCE (best match), with their ratio.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parseDatabaseUrl } from '../dist/src/config.js';
import { createOrm } from '../dist/src/db/orm.js';
import { messageIndexCondition } from '../dist/src/db/full-text.js';
import { removeSqliteDatabase } from '../dist/src/db/sqlite-tuning.js';
import { Message } from '../dist/src/support/message.entity.js';
import { listTickets } from '../dist/src/support/ticket.query.js';
import { seed } from './seed.mjs';

const { values: options } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    tickets: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'sqlite,mariadb' },
    runs: { type: 'string', default: '9' },
  },
});
const MESSAGES = Number(options.messages);
const TICKETS = Number(options.tickets);
const RUNS = Number(options.runs);
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306/';

// A vocabulary of made-up words with a few real ones at known frequencies, so that searches find few or many.
let state = 42;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const syllables = ['ka', 'lo', 'mi', 'ra', 'te', 'su', 'no', 'vi', 'de', 'pa', 'ro', 'zu'];
const word = () =>
  Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * 12)]).join('');
function body(i) {
  const words = Array.from({ length: 8 + Math.floor(random() * 12) }, word);
  if (i % 10 === 0) words.splice(3, 0, 'payment');
  if (i % 200 === 0) words.splice(2, 0, 'refund request');
  if (i % 20_000 === 7) words.push('zanzibar');
  if (i % 5_000 === 3) words.push('我的订单没有到达');
  if (i % 7 === 0) words[0] = `${words[0][0].toUpperCase()}${words[0].slice(1)},`;
  return words.join(' ');
}

const SEARCHES = [
  ['rare word (≈5 messages)', 'zanzibar'],
  ['common word (10 % of messages)', 'payment'],
  ['phrase (0.5 %)', 'refund request'],
  ['Chinese, 3 characters (0.02 %)', '没有到'],
  ['Chinese, 2 characters (scan on both)', '订单'],
  ['nothing matches', 'quetzalcoatl'],
  ['two letters (scan on both)', 'xq'],
];

function database(kind) {
  const name = `bench_search_${process.pid}`;
  return kind === 'sqlite'
    ? { dialect: 'sqlite', path: join(tmpdir(), `${name}.sqlite`) }
    : parseDatabaseUrl(`${MYSQL.replace(/\/?$/, '/')}${name}`);
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function time(work) {
  await work();
  const ms = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

function statement(em, search, withIndex) {
  const pattern = `%${search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  const indexed = withIndex ? messageIndexCondition(em, 'sm', search) : null;
  const sql = `select t.id from support_tickets t where (t.issue_description like ? escape '!'
      or t.sender_name like ? escape '!' or t.phone_number like ? escape '!'
      or t.id in (select sm.ticket_id from support_messages sm where sm.message like ? escape '!'${indexed ? ` and ${indexed.sql}` : ''}))
    order by t.last_message_at desc, t.id desc`;
  return { sql, params: [pattern, pattern, pattern, pattern, ...(indexed?.params ?? [])], indexed: indexed !== null };
}

async function bench(kind) {
  const db = database(kind);
  const seedStart = performance.now();
  await seed(db, { tickets: TICKETS, messages: TICKETS, agents: 2 });
  const orm = await createOrm(db);
  const em = orm.em.fork();
  for (let offset = 0; offset < MESSAGES - TICKETS; offset += 2000) {
    const rows = [];
    for (let i = offset; i < Math.min(MESSAGES - TICKETS, offset + 2000); i++) {
      rows.push({
        ticket: 1 + (i % TICKETS),
        senderType: 'USER',
        body: body(i),
        createdAt: new Date(Date.now() - (MESSAGES - i) * 1000),
        internal: false,
      });
    }
    await em.insertMany(Message, rows);
  }
  if (kind !== 'sqlite') await em.getConnection().execute('analyze table support_messages, support_tickets');
  console.log(
    `\n## ${kind}: ${TICKETS} tickets, ${MESSAGES} messages, seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
  );
  console.log(
    '| search | tickets found | before: LIKE scan | after: index + LIKE | ratio | ticket list (first 50 + count) | by RELEVANCE | RELEVANCE ÷ list |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const connection = em.getConnection();
  for (const [what, search] of SEARCHES) {
    const before = statement(em, search, false);
    const after = statement(em, search, true);
    const beforeRows = await connection.execute(before.sql, before.params);
    const afterRows = await connection.execute(after.sql, after.params);
    if (beforeRows.length !== afterRows.length)
      throw new Error(`${kind} "${search}": ${beforeRows.length} before, ${afterRows.length} after`);
    const beforeMs = await time(() => connection.execute(before.sql, before.params));
    const afterMs = await time(() => connection.execute(after.sql, after.params));
    const listIn = (field) => async () => {
      const page = await listTickets(orm.em.fork(), { search }, { field, direction: 'DESC' }, { first: 50 });
      await page.countTotal();
    };
    const listMs = await time(listIn('LAST_MESSAGE_AT'));
    const rankedMs = await time(listIn('RELEVANCE'));
    console.log(
      `| ${what}: \`${search}\` | ${afterRows.length} | ${beforeMs.toFixed(1)} ms | ${afterMs.toFixed(1)} ms${after.indexed ? '' : ' (no index: scan)'} | ${(beforeMs / afterMs).toFixed(1)}× | ${listMs.toFixed(1)} ms | ${rankedMs.toFixed(1)} ms | ${(rankedMs / listMs).toFixed(1)}× |`,
    );
  }
  for (const [label, withIndex] of [
    ['before', false],
    ['after', true],
  ]) {
    const { sql, params } = statement(em, 'zanzibar', withIndex);
    const plan = await connection.execute(`${kind === 'sqlite' ? 'explain query plan' : 'explain'} ${sql}`, params);
    console.log(`\nEXPLAIN ${label} ("zanzibar"):`);
    for (const row of plan)
      console.log(
        kind === 'sqlite'
          ? `  ${row.detail}`
          : `  ${row.table} type=${row.type} key=${row.key ?? '-'} rows=${row.rows} ${row.Extra ?? ''}`,
      );
  }
  await orm.close(true);
  if (db.dialect === 'sqlite') removeSqliteDatabase(db.path);
  else {
    const admin = await createOrm(parseDatabaseUrl(`${MYSQL.replace(/\/?$/, '/')}mysql`));
    await admin.em.getConnection().execute(`drop database if exists \`${db.dbName}\``);
    await admin.close(true);
  }
}

for (const kind of options.db.split(',')) await bench(kind);
