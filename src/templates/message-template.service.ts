// Message templates: admins register the ones WhatsApp approved; agents send them to a person, also after the 24-hour window.
import type { EntityManager } from '@mikro-orm/core';
import { recordAudit } from '../audit/audit.service.js';
import { flushOrRefuse } from '../db/unique.js';
import { badInput, notFound } from '../errors.js';
import type { Message } from '../support/message.entity.js';
import { sendAgentReply } from '../support/message.service.js';
import { inTransaction, type Actor, type SupportContext } from '../support/support.context.js';
import { parseId } from '../support/support.validation.js';
import { MessageTemplate } from './message-template.entity.js';
import {
  renderTemplate,
  validateLanguageCode,
  validateParameters,
  validateTemplateBody,
  validateTemplateName,
} from './message-template.validation.js';

export function listMessageTemplates(em: EntityManager): Promise<MessageTemplate[]> {
  return em.find(MessageTemplate, {}, { orderBy: { name: 'asc', languageCode: 'asc' } });
}

export async function loadMessageTemplate(em: EntityManager, id: string | number): Promise<MessageTemplate> {
  const templateId = parseId(id);
  const template = templateId === null ? null : await em.findOne(MessageTemplate, templateId);
  if (!template) throw notFound('Message template', id);
  return template;
}

const described = (template: MessageTemplate) => ({
  id: template.id,
  name: template.name,
  languageCode: template.languageCode,
});

export async function createMessageTemplate(
  ctx: SupportContext,
  actor: Actor,
  input: { name: string; languageCode: string; body: string },
): Promise<MessageTemplate> {
  const name = validateTemplateName(input.name);
  const languageCode = validateLanguageCode(input.languageCode);
  const { body, parameterCount } = validateTemplateBody(input.body);
  const taken = () => badInput(`The template ${name} (${languageCode}) is already registered`);
  return inTransaction(ctx, async (em) => {
    if (await em.findOne(MessageTemplate, { name, languageCode }, { fields: ['id'] })) throw taken();
    const template = em.create(MessageTemplate, { name, languageCode, body, parameterCount, createdAt: new Date() });
    await flushOrRefuse(em, taken);
    recordAudit(em, actor, 'message-template.created', null, null, described(template));
    return template;
  });
}

export async function deleteMessageTemplate(ctx: SupportContext, actor: Actor, id: string): Promise<boolean> {
  return inTransaction(ctx, async (em) => {
    const template = await loadMessageTemplate(em, id);
    const before = described(template);
    em.remove(template);
    recordAudit(em, actor, 'message-template.deleted', null, before, null);
    return true;
  });
}

/**
 * Sends a registered template to the ticket's person, with its parameters checked first (count, emptiness,
 * length), so WhatsApp never refuses it for them. The thread keeps the rendered text, marked as the template.
 */
export async function sendTemplateToTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  templateId: string,
  parameters: readonly string[],
): Promise<Message> {
  const template = await loadMessageTemplate(ctx.em.fork(), templateId);
  const checked = validateParameters(parameters, template);
  const send = { name: template.name, languageCode: template.languageCode, parameters: checked };
  return sendAgentReply(ctx, actor, ticketId, renderTemplate(template.body, checked), null, { template: send });
}
