// The Message and Ticket fields for what a person's message carried beyond its text: edits, a shared place,
// an order, a Flow's answers, the message it quotes, and the ad the person came from.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphqlContext } from '../graphql/context.js';
import { jsonColumn, type AdReferral, type MessageDetails, type MessageEditRecord } from './message-details.js';
import { Message, type MessageRecord } from './message.entity.js';
import { AdReferralType, CatalogOrder, FormAnswerType, MessageEdit, SharedLocation } from './message-kinds.types.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';
import { mapLinkOf, orderTotal } from '../whatsapp/inbound-content.js';

const detailsOf = (message: MessageRecord) =>
  message.deletedByPersonAt ? null : jsonColumn<MessageDetails>(message.details);

@Resolver(() => Message)
export class MessageKindsResolver {
  @FieldResolver(() => [MessageEdit], {
    description:
      'The earlier texts of a message the person edited on WhatsApp, oldest first; empty when never edited or deleted.',
  })
  edits(@Root() message: MessageRecord): MessageEdit[] {
    if (message.deletedByPersonAt) return [];
    return (jsonColumn<MessageEditRecord[]>(message.editHistory) ?? []).map((edit) => ({
      body: edit.body,
      replacedAt: new Date(edit.replacedAt),
    }));
  }

  @FieldResolver(() => Message, {
    nullable: true,
    description: 'The message this one quotes (the person used "Reply" on it), when it is in the desk.',
  })
  async replyTo(@Root() message: MessageRecord, @Ctx() ctx: GraphqlContext): Promise<MessageRecord | null> {
    if (!message.replyToWhatsappId) return null;
    return ctx.loaders.messageByWhatsappId.load(message.replyToWhatsappId);
  }

  @FieldResolver(() => SharedLocation, { nullable: true, description: 'The place, for a location the person shared.' })
  location(@Root() message: MessageRecord): SharedLocation | null {
    const location = detailsOf(message)?.location;
    if (!location) return null;
    const hasCoordinates = location.latitude !== null && location.longitude !== null;
    return { ...location, mapUrl: hasCoordinates ? mapLinkOf(location.latitude!, location.longitude!) : null };
  }

  @FieldResolver(() => CatalogOrder, {
    nullable: true,
    description: 'The order, for an order placed from the catalog.',
  })
  order(@Root() message: MessageRecord): CatalogOrder | null {
    const order = detailsOf(message)?.order;
    if (!order) return null;
    const total = orderTotal(order.items);
    return { ...order, total: total?.amount ?? null, currency: total?.currency ?? null };
  }

  @FieldResolver(() => [FormAnswerType], {
    nullable: true,
    description: "The answers, for a WhatsApp Flow's form the person sent (flow_token left out).",
  })
  formAnswers(@Root() message: MessageRecord): FormAnswerType[] | null {
    return detailsOf(message)?.form?.answers ?? null;
  }

  @FieldResolver(() => AdReferralType, {
    nullable: true,
    description: 'The click-to-WhatsApp ad this message came from, if any.',
  })
  referral(@Root() message: MessageRecord): AdReferral | null {
    return detailsOf(message)?.referral ?? null;
  }
}

@Resolver(() => Ticket)
export class TicketReferralResolver {
  @FieldResolver(() => AdReferralType, {
    nullable: true,
    description: 'The click-to-WhatsApp ad the person came from, when a message on this ticket came from one.',
  })
  referral(@Root() ticket: TicketRecord): AdReferral | null {
    return jsonColumn<AdReferral>(ticket.referral);
  }
}
