// How a Cloud API send names the person it goes to. A number goes in `to`; a business-scoped user id (a person
// who shares no number) goes in `recipient`, which the Cloud API takes for such ids (`to` wins when both are given).
import { isBusinessScopedUserId } from '../support/support.validation.js';

export function addressedTo(to: string) {
  const address = isBusinessScopedUserId(to) ? { recipient: to } : { to };
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...address };
}
