import { DeskSettings } from '../desk/desk-settings.entity.js';
import { BotMessagesSettings } from '../bot-messages/bot-messages.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Agent } from '../auth/agent.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { AuthSession } from '../auth/auth-session.entity.js';
import { PasswordReset } from '../auth/password-reset.entity.js';
import { CannedResponse } from '../canned-responses/canned-response.entity.js';
import { Label } from '../labels/label.entity.js';
import { MediaFile } from '../media/media.entity.js';
import { TicketLabel } from '../labels/ticket-label.entity.js';
import { Message } from '../support/message.entity.js';
import { TicketRead } from '../support/ticket-read.entity.js';
import { Ticket } from '../support/ticket.entity.js';
import { Contact } from '../support/contact.entity.js';
import { EarlyReceipt } from '../whatsapp/early-receipt.entity.js';
import { InboundFailure } from '../whatsapp/inbound-failure.entity.js';
import { OutboxRow } from '../whatsapp/outbox.entity.js';
import { ProcessedInbound } from '../whatsapp/processed-inbound.entity.js';
import { DeskRouting } from '../routing/desk-routing.entity.js';
import { TicketSatisfaction } from '../satisfaction/satisfaction.entity.js';
import { MessageTemplate } from '../templates/message-template.entity.js';
import { Mention } from '../mentions/mention.entity.js';
import { SavedView } from '../views/saved-view.entity.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity.js';
import { WebhookEndpoint } from '../webhooks/webhook-endpoint.entity.js';

export const entities = [
  Agent,
  AuthSession,
  ApiToken,
  PasswordReset,
  Ticket,
  Message,
  TicketRead,
  Contact,
  AuditEntry,
  OutboxRow,
  ProcessedInbound,
  EarlyReceipt,
  CannedResponse,
  Label,
  TicketLabel,
  DeskRouting,
  DeskSettings,
  BotMessagesSettings,
  SavedView,
  Mention,
  MessageTemplate,
  TicketSatisfaction,
  MediaFile,
  InboundFailure,
  WebhookEndpoint,
  WebhookDelivery,
];
