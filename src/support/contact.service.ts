// Contacts as the desk sees them: found by phone number (or WhatsApp's user id for people who share none), kept
// for every ticket, and edited by agents (name, student id, notes), with every change audited and published.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkLanguage } from '../bot-messages/bot-messages.service.js';
import { badInput, DomainError, ErrorCode, notFound } from '../errors.js';
import { Contact } from './contact.entity.js';
import { inTransaction, type Actor, type SupportContext } from './support.context.js';
import { isBusinessScopedUserId, normalizePhoneNumber, validateName } from './support.validation.js';
import { Ticket } from './ticket.entity.js';

/** The longest notes an agent may keep on a contact. */
export const MAX_NOTES_LENGTH = 4000;
export const MAX_STUDENT_ID_LENGTH = 64;

/** What an agent may change; a field left undefined stays as it is, null (or blank) clears it. */
export interface ContactChanges {
  name?: string | null;
  studentId?: string | null;
  notes?: string | null;
  /** A language the bot speaks (en, es); blank or null clears it. */
  language?: string | null;
  /** The notesRevision the new notes were written from; a later revision means someone else changed them since. */
  baseNotesRevision?: number | null;
}

/** Who a number or a business-scoped user id names: by the id also once the person is known by their number. */
const byAddress = (address: string) =>
  isBusinessScopedUserId(address)
    ? { $or: [{ phoneNumber: address }, { whatsappUserId: address }] }
    : { phoneNumber: address };

/** By number, or by business-scoped user id (also after WhatsApp told us the number of a person first known by id). */
export async function findContact(em: EntityManager, rawPhone: string): Promise<Contact | null> {
  return em.findOne(Contact, byAddress(normalizePhoneNumber(rawPhone)));
}

/** A ticket opened through the API has a contact too: created for a new number, its blanks filled for a known one. */
export async function rememberContactOf(em: EntityManager, ticket: Ticket): Promise<void> {
  const contact = await em.findOne(Contact, { phoneNumber: ticket.phoneNumber });
  if (!contact) {
    em.create(Contact, { phoneNumber: ticket.phoneNumber, name: ticket.senderName, studentId: ticket.studentId });
    return;
  }
  contact.name ??= ticket.senderName;
  contact.studentId ??= ticket.studentId;
}

function validateNotes(raw: string | null): string | null {
  const notes = raw?.trimEnd() ?? '';
  if (notes.trim() === '') return null;
  if (notes.length > MAX_NOTES_LENGTH)
    throw badInput(`Notes are at most ${MAX_NOTES_LENGTH} characters, got ${notes.length}`);
  return notes;
}

/** The changes, validated and with blanks as null; only the fields that were given. */
function validateChanges(changes: ContactChanges): Partial<Pick<Contact, 'name' | 'studentId' | 'notes' | 'language'>> {
  const valid: Partial<Pick<Contact, 'name' | 'studentId' | 'notes' | 'language'>> = {};
  if (changes.name !== undefined) valid.name = validateName(changes.name);
  if (changes.studentId !== undefined) {
    const studentId = changes.studentId?.trim() ?? '';
    if (studentId.length > MAX_STUDENT_ID_LENGTH)
      throw badInput(`A student id is at most ${MAX_STUDENT_ID_LENGTH} characters`);
    valid.studentId = studentId || null;
  }
  if (changes.notes !== undefined) valid.notes = validateNotes(changes.notes);
  if (changes.language !== undefined) {
    const language = changes.language?.trim() || null;
    valid.language = language === null ? null : checkLanguage(language);
  }
  if (Object.keys(valid).length === 0) throw badInput('Nothing to change: give name, studentId, notes or language');
  return valid;
}

async function loadContactForChange(em: EntityManager, phoneNumber: string): Promise<Contact> {
  const contact = await em.findOne(Contact, byAddress(phoneNumber), {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    refresh: true,
  });
  if (contact) return contact;
  // A number known only from tickets opened before contacts were kept for them gets its contact now.
  if ((await em.count(Ticket, { phoneNumber })) === 0) throw notFound('Contact', `+${phoneNumber}`);
  const created = em.create(Contact, { phoneNumber });
  await em.flush();
  return created;
}

/** An agent's edit of a contact: audited with the values before and after, and published to contactUpdated. */
export async function updateContact(
  ctx: SupportContext,
  actor: Actor,
  rawPhone: string,
  changes: ContactChanges,
): Promise<Contact> {
  const phoneNumber = normalizePhoneNumber(rawPhone);
  const valid = validateChanges(changes);
  return inTransaction(ctx, async (em, events) => {
    const contact = await loadContactForChange(em, phoneNumber);
    const changed = (Object.keys(valid) as (keyof typeof valid)[]).filter((field) => contact[field] !== valid[field]);
    if (
      changed.includes('notes') &&
      changes.baseNotesRevision != null &&
      changes.baseNotesRevision !== contact.notesRevision
    ) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'Someone else changed these notes since you opened them; reload them, then save yours again',
      );
    }
    if (changed.length === 0) return contact;
    const before = Object.fromEntries(changed.map((field) => [field, contact[field]]));
    for (const field of changed) contact[field] = valid[field] ?? null;
    if (changed.includes('name')) contact.nameSetByAgent = contact.name !== null;
    if (changed.includes('notes')) {
      contact.notesUpdatedAt = new Date();
      contact.notesUpdatedBy = em.getReference(Agent, actor.adminId);
      contact.notesRevision += 1;
    }
    await em.flush();
    recordAudit(
      em,
      actor,
      'contact.updated',
      null,
      before,
      Object.fromEntries(changed.map((field) => [field, contact[field]])),
      contact.id,
    );
    await events.emit({ type: 'ContactUpdated', phoneNumber: contact.phoneNumber });
    return contact;
  });
}
