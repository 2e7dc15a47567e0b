// A person who wrote to the bot, with where their conversation with the bot stands.
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum ConversationState {
  MENU = 'MENU',
  AWAITING_ISSUE = 'AWAITING_ISSUE',
  IN_SUPPORT = 'IN_SUPPORT',
}

@Entity({ tableName: 'contacts' })
export class Contact {
  [OptionalProps]?: 'name' | 'studentId' | 'conversationState' | 'openTicketId' | 'lastInboundAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 32, unique: true })
  phoneNumber!: string;

  @Property({ type: 'string', length: 255, nullable: true })
  name: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  studentId: string | null = null;

  @Enum({ items: () => ConversationState, type: 'string', length: 32 })
  conversationState: ConversationState = ConversationState.MENU;

  /** The ticket the conversation is attached to while in support. */
  @Property({ type: 'integer', nullable: true })
  openTicketId: number | null = null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastInboundAt: Date | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
