// Baselines, each in its own process: a bare node:http JSON handler; the dashboard query written by
// hand (the same SQL on the same database, the same JSON); a bare Apollo Server on Fastify; and a plain
// `ws` server that broadcasts what it is given (on the IPC channel) to every socket.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const [kind, port, databaseUrl] = process.argv.slice(2);
const readBody = (request) =>
  new Promise((resolve) => {
    let body = '';
    request.on('data', (c) => (body += c));
    request.on('end', () => resolve(body));
  });
const listen = (handler) => createServer(handler).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));

if (kind === 'json') {
  listen(async (request, response) => {
    await readBody(request);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"data":{"__typename":"Query"}}');
  });
} else if (kind === 'apollo') {
  const { ApolloServer } = await import('@apollo/server');
  const fastifyApollo = (await import('@as-integrations/fastify')).default;
  const Fastify = (await import('fastify')).default;
  const apollo = new ApolloServer({ typeDefs: 'type Query { _empty: Boolean }', resolvers: {} });
  await apollo.start();
  const app = Fastify();
  await app.register(fastifyApollo(apollo), { path: '/graphql' });
  await app.listen({ port: Number(port), host: '127.0.0.1' });
  process.send?.('ready');
} else if (kind === 'ws') {
  const { WebSocketServer } = await import('ws');
  const server = createServer();
  const sockets = new WebSocketServer({ server });
  process.on('message', (message) => {
    if (message === 'memory') {
      globalThis.gc?.();
      const { heapUsed, external } = process.memoryUsage();
      process.send({ memory: heapUsed + external });
      return;
    }
    // Each message goes to every socket as a text frame, as a graphql-ws server sends each event.
    for (const text of message.broadcast ?? []) for (const socket of sockets.clients) socket.send(text);
  });
  server.listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
} else if (kind === 'sql') {
  let query;
  if (databaseUrl.startsWith('sqlite:')) {
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
    query = async (sql, params) => db.prepare(sql).all(...params.map((p) => (p instanceof Date ? p.getTime() : p)));
  } else {
    const mysql = await import('mysql2/promise');
    const pool = mysql.createPool({ uri: databaseUrl.replace(/^mariadb:/, 'mysql:'), connectionLimit: 10 });
    query = async (sql, params) => (await pool.query(sql, params))[0];
  }
  const marks = (list) => list.map(() => '?').join(', ');
  listen(async (request, response) => {
    await readBody(request);
    const token = String(request.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    const hash = createHash('sha256').update(token).digest('hex');
    const [session] = await query(
      'select s.admin_id from auth_sessions s join admins a on a.id = s.admin_id where s.token_hash = ? and s.revoked_at is null and a.active = 1',
      [hash],
    );
    if (!session) {
      response.writeHead(401).end();
      return;
    }
    const tickets = await query(
      "select * from support_tickets where status in ('OPEN', 'IN_PROGRESS') order by updated_at desc, id desc limit 51",
      [],
    );
    const page = tickets.slice(0, 50);
    const ids = page.map((t) => t.id);
    const stats = await query(
      `select m.ticket_id, count(*) as c, max(m.id) as last_id, sum(case when m.sender_type = 'USER' and m.id > coalesce(r.last_read_message_id, 0) then 1 else 0 end) as unread
         from support_messages m left join support_ticket_reads r on r.ticket_id = m.ticket_id and r.admin_id = ?
        where m.ticket_id in (${marks(ids)}) group by m.ticket_id`,
      [session.admin_id, ...ids],
    );
    const byTicket = new Map(stats.map((s) => [Number(s.ticket_id), s]));
    const adminIds = [...new Set(page.map((t) => t.assigned_admin_id).filter(Boolean))];
    const admins = adminIds.length
      ? await query(`select id, name from admins where id in (${marks(adminIds)})`, adminIds)
      : [];
    const lastIds = stats.map((s) => Number(s.last_id));
    const lasts = lastIds.length
      ? await query(`select id, message from support_messages where id in (${marks(lastIds)})`, lastIds)
      : [];
    const adminName = new Map(admins.map((a) => [a.id, a.name]));
    const lastBody = new Map(lasts.map((m) => [m.id, m.message]));
    const edges = page.map((t) => {
      const s = byTicket.get(t.id);
      return {
        node: {
          id: String(t.id),
          senderName: t.sender_name,
          status: t.status,
          priority: t.priority,
          assignee: t.assigned_admin_id ? { name: adminName.get(t.assigned_admin_id) } : null,
          lastMessage: s ? { body: lastBody.get(Number(s.last_id)) } : null,
          messageCount: Number(s?.c ?? 0),
          unreadCount: Number(s?.unread ?? 0),
        },
      };
    });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ data: { tickets: { edges } } }));
  });
}
