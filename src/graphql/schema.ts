// Builds the executable schema from the resolvers. The printed form is schema.graphql (npm run schema).
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AccountResolver } from '../auth/account.resolver.js';
import { AgentResolver } from '../auth/agent.resolver.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { CannedResponseResolver } from '../canned-responses/canned-response.resolver.js';
import { DeskSettingsResolver, TicketSlaResolver } from '../desk/desk-settings.resolver.js';
import { BotMessagesResolver } from '../bot-messages/bot-messages.resolver.js';
import { LabelResolver } from '../labels/label.resolver.js';
import { MediaAttachmentResolver, MessageAttachmentResolver } from '../media/media.resolver.js';
import { TicketLabelsResolver } from '../labels/ticket-labels.resolver.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import { TicketBotConversationResolver } from '../support/bot-conversation.resolver.js';
import { ContactConnectionResolver, ContactResolver, TicketContactResolver } from '../support/contact.resolver.js';
import { MessageResolver } from '../support/message.resolver.js';
import { MessageKindsResolver, TicketReferralResolver } from '../support/message-kinds.resolver.js';
import { NotificationsResolver } from '../support/notifications.resolver.js';
import { SimilarTicketResolver, TicketSimilarResolver } from '../support/similar-tickets.resolver.js';
import { SnoozeResolver } from '../support/snooze.resolver.js';
import { PresenceResolver } from '../support/presence.resolver.js';
import { ReportResolver } from '../reports/report.resolver.js';
import { SupportSubscriptions } from '../support/support.subscriptions.js';
import {
  MessageConnectionResolver,
  TicketConnectionResolver,
  TicketFieldsResolver,
} from '../support/ticket-fields.resolver.js';
import { TicketResolver } from '../support/ticket.resolver.js';
import { TicketBulkResolver } from '../support/ticket-bulk.resolver.js';
import { RoutingResolver } from '../routing/routing.resolver.js';
import { MessageTemplateResolver } from '../templates/message-template.resolver.js';
import { SatisfactionResolver, TicketSatisfactionResolver } from '../satisfaction/satisfaction.resolver.js';
import { SimulatorResolver } from '../whatsapp/simulator.resolver.js';
import { InboundFailureResolver } from '../whatsapp/inbound-failure.resolver.js';
import { MentionResolver } from '../mentions/mention.resolver.js';
import { SavedViewResolver } from '../views/saved-view.resolver.js';
import { WebhookResolver } from '../webhooks/webhook.resolver.js';
import { cleanStringArguments } from './clean-arguments.js';
import { describeRootTypes } from './root-descriptions.js';

export const resolvers = [
  AuthResolver,
  AccountResolver,
  AgentResolver,
  TicketResolver,
  TicketBulkResolver,
  TicketFieldsResolver,
  TicketBotConversationResolver,
  TicketConnectionResolver,
  MessageConnectionResolver,
  MessageResolver,
  MessageKindsResolver,
  TicketReferralResolver,
  ContactResolver,
  ContactConnectionResolver,
  TicketContactResolver,
  SnoozeResolver,
  SimilarTicketResolver,
  TicketSimilarResolver,
  NotificationsResolver,
  SavedViewResolver,
  MentionResolver,
  SupportSubscriptions,
  PresenceResolver,
  ReportResolver,
  SimulatorResolver,
  AuditResolver,
  CannedResponseResolver,
  LabelResolver,
  TicketLabelsResolver,
  RoutingResolver,
  DeskSettingsResolver,
  TicketSlaResolver,
  BotMessagesResolver,
  MessageTemplateResolver,
  TicketSatisfactionResolver,
  SatisfactionResolver,
  MessageAttachmentResolver,
  MediaAttachmentResolver,
  InboundFailureResolver,
  WebhookResolver,
] as const;

export async function createSchema(pubsub: SupportPubSub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    pubSub: pubsub as unknown as PubSub,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    emitSchemaFile: false,
  });
  return describeRootTypes(cleanStringArguments(schema));
}

/**
 * The subscription fields whose events come from pubsub topics alone, with no subscribe function of their own
 * (those may count, watch or build events per subscriber): identical subscribers of these share one stream.
 */
export function topicSubscriptionFields(): ReadonlySet<string> {
  return new Set(
    getMetadataStorage()
      .subscriptions.filter((subscription) => subscription.topics !== undefined && !subscription.subscribe)
      .map((subscription) => subscription.schemaName),
  );
}
