// Message templates over GraphQL: the list for every agent, registration by admins, and sending one to a ticket.
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { actorOf } from '../auth/auth.service.js';
import { assertAdminSession } from '../auth/caller.js';
import { callerOf, type GraphqlContext } from '../graphql/context.js';
import { Message } from '../support/message.entity.js';
import { MessageTemplate } from './message-template.entity.js';
import { CreateMessageTemplateInput } from './message-template.inputs.js';
import {
  createMessageTemplate,
  deleteMessageTemplate,
  listMessageTemplates,
  sendTemplateToTicket,
} from './message-template.service.js';

@Resolver(() => MessageTemplate)
export class MessageTemplateResolver {
  @Query(() => [MessageTemplate], { description: 'The registered WhatsApp message templates, by name and language.' })
  messageTemplates(@Ctx() ctx: GraphqlContext): Promise<MessageTemplate[]> {
    return listMessageTemplates(ctx.em);
  }

  @Mutation(() => MessageTemplate, {
    description:
      'Admins only (signed in, not an API token): registers a template WhatsApp has approved. A bad name, language or body, or a name and language already registered, is BAD_USER_INPUT.',
  })
  createMessageTemplate(
    @Arg('input', () => CreateMessageTemplateInput, {
      description: 'The template’s name, language and body as approved.',
    })
    input: CreateMessageTemplateInput,
    @Ctx() ctx: GraphqlContext,
  ): Promise<MessageTemplate> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return createMessageTemplate(ctx.support, actorOf(caller), input);
  }

  @Mutation(() => Boolean, {
    description:
      'Admins only: removes a template from the list (messages already sent with it stay). True once deleted.',
  })
  deleteMessageTemplate(
    @Arg('id', () => ID, { description: 'The template’s id; an unknown one is NOT_FOUND.' }) id: string,
    @Ctx() ctx: GraphqlContext,
  ): Promise<boolean> {
    const caller = callerOf(ctx);
    assertAdminSession(caller);
    return deleteMessageTemplate(ctx.support, actorOf(caller), id);
  }

  @Mutation(() => Message, {
    description:
      'Sends a template to the ticket’s person: the way to reach them after the 24-hour reply window has closed (also allowed inside it). ' +
      '`parameters` fill {{1}}, {{2}}, … in order: exactly as many as the template has, each non-empty, one line, at most 1,024 characters, ' +
      'or BAD_USER_INPUT and nothing is sent. The thread shows the rendered text with templateName set; delivery is reported as for any reply.',
  })
  sendTemplate(
    @Arg('ticketId', () => ID, { description: 'The ticket whose person gets it; an unknown one is NOT_FOUND.' })
    ticketId: string,
    @Arg('templateId', () => ID, { description: 'The template (MessageTemplate.id); an unknown one is NOT_FOUND.' })
    templateId: string,
    @Arg('parameters', () => [String], {
      description: 'The values for {{1}}, {{2}}, … in order; [] for a template without parameters.',
    })
    parameters: string[],
    @Ctx() ctx: GraphqlContext,
  ): Promise<Message> {
    return sendTemplateToTicket(ctx.support, actorOf(callerOf(ctx)), ticketId, templateId, parameters);
  }
}
