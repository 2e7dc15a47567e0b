// Seeds a realistic data set through the ORM (bulk inserts): agents, tickets across statuses and
// priorities, and threads of messages. Sizes are options.
import { createOrm, migrateUp } from '../dist/src/db/orm.js';
import { Agent } from '../dist/src/auth/agent.entity.js';
import { hashPassword, scryptParams } from '../dist/src/auth/password.js';
import { Ticket } from '../dist/src/support/ticket.entity.js';
import { Message } from '../dist/src/support/message.entity.js';

const STATUSES = ['OPEN', 'IN_PROGRESS', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'];
const PRIORITIES = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'URGENT'];
const RANK = { LOW: 1, MEDIUM: 2, HIGH: 3, URGENT: 4 };
export const BENCH_PASSWORD = 'bench password 1';

export async function seed(database, { tickets, messages, agents }) {
  const orm = await createOrm(database);
  await migrateUp(orm);
  const em = orm.em.fork();
  const hash = await hashPassword(BENCH_PASSWORD, scryptParams());
  const agentRows = Array.from({ length: agents }, (_, i) => ({
    id: i + 1,
    email: `agent${i}@bench.test`,
    name: `Agent ${i}`,
    role: i === 0 ? 'ADMIN' : 'AGENT',
    passwordHash: hash,
    active: true,
    createdAt: new Date(),
  }));
  await em.insertMany(Agent, agentRows);
  const agentIds = agentRows.map((agent) => agent.id);
  const start = Date.now() - 30 * 86_400_000;
  const perTicket = Math.max(1, Math.floor(messages / tickets));
  for (let offset = 0; offset < tickets; offset += 1000) {
    const batch = [];
    for (let i = offset; i < Math.min(tickets, offset + 1000); i++) {
      const created = new Date(start + i * ((30 * 86_400_000) / tickets));
      const status = STATUSES[i % STATUSES.length];
      const priority = PRIORITIES[(i * 7) % PRIORITIES.length];
      // Spread durations, as the desk keeps them when the reply and the resolution happen (reports aggregate them).
      const firstResponseSeconds = status === 'OPEN' ? null : 60 + ((i * 37) % 3600);
      const resolutionSeconds = status === 'RESOLVED' || status === 'CLOSED' ? 1800 + ((i * 131) % 86_400) : null;
      batch.push({
        // Ids given, not read back: insertMany answers with one id for a whole batch on SQLite.
        id: i + 1,
        phoneNumber: `44770${String(i).padStart(7, '0')}`,
        senderName: `Person ${i}`,
        issueDescription: `Issue ${i}: the portal shows an error when I open my results page`,
        status,
        priority,
        priorityRank: RANK[priority],
        assignee: i % 3 === 0 ? null : agentIds[i % agents],
        createdAt: created,
        updatedAt: new Date(created.getTime() + perTicket * 60_000),
        lastMessageAt: new Date(created.getTime() + perTicket * 60_000),
        lastUserMessageAt: created,
        resolvedAt: resolutionSeconds === null ? null : new Date(created.getTime() + resolutionSeconds * 1000),
        firstResponseAt:
          firstResponseSeconds === null ? null : new Date(created.getTime() + firstResponseSeconds * 1000),
        firstResponseSeconds,
        firstResponseBusinessSeconds: firstResponseSeconds,
        resolutionSeconds,
        resolutionBusinessSeconds: resolutionSeconds,
        version: 1,
      });
    }
    await em.insertMany(Ticket, batch);
    const ids = batch.map((ticket) => ticket.id);
    const rows = [];
    ids.forEach((ticketId, index) => {
      const created = batch[index].createdAt.getTime();
      // The newest ticket has a long thread, for the detail view's figures.
      const count = ticketId === tickets ? Math.max(perTicket, 60) : perTicket;
      for (let m = 0; m < count; m++) {
        const fromUser = m % 2 === 0;
        rows.push({
          ticket: ticketId,
          senderType: fromUser ? 'USER' : 'ADMIN',
          senderName: fromUser ? batch[index].senderName : 'Agent',
          body: fromUser ? `Message ${m} from the person about ticket ${ticketId}` : `Reply ${m} from an agent`,
          createdAt: new Date(created + m * 60_000),
          internal: false,
          deliveryStatus: fromUser ? null : 'READ',
          author: fromUser ? null : batch[index].assignee,
        });
      }
    });
    for (let chunk = 0; chunk < rows.length; chunk += 2000)
      await em.insertMany(Message, rows.slice(chunk, chunk + 2000));
  }
  // What the server keeps as messages arrive: each ticket's newest message from the person.
  await em
    .getConnection()
    .execute(
      "update support_tickets set last_user_message_id = (select max(m.id) from support_messages m where m.ticket_id = support_tickets.id and m.sender_type = 'USER')",
    );
  await orm.close(true);
}
