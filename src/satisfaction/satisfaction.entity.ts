// A person's rating of a resolved ticket (the satisfaction survey), at most one per ticket, with an optional comment.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Ticket } from '../support/ticket.entity.js';

export enum SatisfactionRating {
  GOOD = 'GOOD',
  OKAY = 'OKAY',
  BAD = 'BAD',
}
registerEnumType(SatisfactionRating, {
  name: 'SatisfactionRating',
  description: 'The three buttons of the satisfaction survey.',
  valuesConfig: {
    GOOD: { description: 'The person tapped the good button.' },
    OKAY: { description: 'The person tapped the okay button.' },
    BAD: { description: 'The person tapped the bad button.' },
  },
});

@ObjectType('Satisfaction', {
  simpleResolvers: true,
  description: 'How the person rated the ticket after it was resolved (the satisfaction survey on WhatsApp).',
})
@Entity({ tableName: 'ticket_satisfaction' })
@Index({ properties: ['ratedAt'] })
@Index({ properties: ['phoneNumber', 'commentUntil'] })
export class TicketSatisfaction {
  [OptionalProps]?: 'comment' | 'ratedAt' | 'commentUntil';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** One rating per ticket: the unique key makes a repeated tap, or a duplicate delivery, change nothing. */
  @OneToOne({ entity: () => Ticket, owner: true, deleteRule: 'cascade', unique: true })
  ticket!: Ticket;

  /** Who rated (the ticket's number), to find the rating their next message comments on. */
  @Property({ type: 'string', length: 140 })
  phoneNumber!: string;

  @Field(() => SatisfactionRating, { description: 'GOOD, OKAY or BAD.' })
  @Enum({ items: () => SatisfactionRating, type: 'string', length: 8 })
  rating!: SatisfactionRating;

  @Field(() => String, { nullable: true, description: 'What the person wrote after rating, if anything.' })
  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Field(() => Date, { description: 'When the person rated.' })
  @Property({ type: 'datetime', length: 3 })
  ratedAt: Date = new Date();

  /** Until when the person's next text is taken as the comment; null once commented, or once they wrote something else. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  commentUntil: Date | null = null;
}
