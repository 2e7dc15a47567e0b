// How a stored message body reads in a preview.
import type { Translate } from '../format';

/** Media messages stored before the media id was left out ended with " — (media id …)": agents never need it. */
export function withoutMediaId(body: string): string {
  return body.replace(/ — \(media id [^)]*\)$/, '');
}

export interface PreviewMessage {
  body: string;
  senderType: string;
  senderName?: string | null;
  author?: { id: string } | null;
}

/**
 * The list row's line: the person's words as they are; an agent's reply after "You:" or the agent's name, so a row
 * never reads as if the person had written it. Without a message yet (a ticket opened by an agent), the issue.
 */
export function previewLine(
  t: Translate,
  message: PreviewMessage | null | undefined,
  fallback: string,
  meId?: string,
): string {
  if (!message) return withoutMediaId(fallback);
  const body = withoutMediaId(message.body);
  if (message.senderType === 'USER') return body;
  if (message.author && message.author.id === meId) return t('list.previewMine', { body });
  return t('list.previewAgent', { name: message.senderName ?? t('ticket.agent'), body });
}
