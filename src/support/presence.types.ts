// GraphQL output types of presence: who is viewing a ticket, and who is typing a reply.
import { Field, ID, ObjectType } from 'type-graphql';
import { Agent } from '../auth/agent.entity.js';
import type { PresenceAgent } from '../pubsub/pubsub.js';

@ObjectType({ simpleResolvers: true, description: 'An agent with a ticket open, in one or more tabs or tools.' })
export class TicketViewer {
  @Field(() => Agent, { description: 'The agent viewing the ticket.' })
  agent!: PresenceAgent;

  @Field(() => Date, { description: 'When the agent began viewing the ticket (their earliest view still open).' })
  since!: Date;

  @Field(() => Boolean, { description: 'Typing a reply to the person right now (in any of their views).' })
  typing!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: "While typing: when this stretch of typing began, on the server's clock. Null when not typing.",
  })
  typingSince!: Date | null;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Who is viewing a ticket and who is typing a reply, live (collision detection).',
})
export class TicketPresence {
  @Field(() => ID, { description: 'The ticket this presence is about.' })
  ticketId!: number;

  @Field(() => [TicketViewer], {
    description: 'Every agent viewing it, the caller included, earliest first; at most 50.',
  })
  viewers!: TicketViewer[];
}
