// Mentions follow new internal notes: each active agent a note names gets a mention, in the note's transaction.
import { Agent } from '../auth/agent.entity.js';
import type { SupportEventHandlers } from '../support/support.context.js';
import { Mention } from './mention.entity.js';
import { findMentions } from './mention-names.js';

export function followForMentions(handlers: SupportEventHandlers): void {
  handlers.onInTransaction('MessageAdded', async (event, { em }) => {
    if (event.kind !== 'note' || !event.message.body.includes('@')) return;
    const agents = await em.find(Agent, { active: true }, { fields: ['id', 'name'] });
    const authorId = event.actor?.adminId ?? null;
    // Naming yourself tells nobody anything.
    const mentioned = findMentions(event.message.body, agents).filter((id) => id !== authorId);
    for (const agentId of mentioned) {
      em.create(Mention, {
        message: event.message,
        ticket: event.ticket,
        agent: em.getReference(Agent, agentId),
        author: authorId === null ? null : em.getReference(Agent, authorId),
        createdAt: event.message.createdAt,
      });
    }
    if (mentioned.length) await em.flush();
  });
}
