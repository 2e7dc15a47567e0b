// The richer kinds of inbound message (Flow answers, orders, ads a person came from): how each is read from
// WhatsApp's JSON and how it reads as one line of text in the thread, the ticket list and search.
import type { AdReferral, FormAnswer, OrderItem } from '../support/message-details.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
/** A number or a string as WhatsApp may send either (`"quantity": 2` or `"quantity": "2"`). */
const scalar = (value: unknown): string | null =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : str(value);

/** Flow JSON names fields like `screen_0_First_name_0`: the label an agent reads is "First name". */
function labelOf(key: string): string {
  const bare = key.replace(/^screen_\d+_/, '').replace(/_\d+$/, '');
  const words = bare
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
  const label = words || key;
  return label.charAt(0).toUpperCase() + label.slice(1).toLowerCase();
}

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(answerText).join(', ');
  if (isObject(value))
    return Object.entries(value)
      .map(([key, inner]) => `${labelOf(key)}: ${answerText(inner)}`)
      .join(', ');
  if (value === null || value === undefined) return '—';
  return String(value);
}

/** The answers of a Flow (`nfm_reply.response_json`, a JSON string); `flow_token` is ours, not the person's. */
export function readFormAnswers(responseJson: unknown): { answers: FormAnswer[]; raw: string | null } {
  const text = str(responseJson);
  if (text === null) return { answers: [], raw: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { answers: [], raw: text };
  }
  if (!isObject(parsed)) return { answers: [], raw: text };
  const answers = Object.entries(parsed)
    .filter(([key]) => key !== 'flow_token')
    .map(([key, value]) => ({ label: labelOf(key), value: answerText(value) }));
  return { answers, raw: null };
}

export function readOrderItems(items: unknown): OrderItem[] {
  return (Array.isArray(items) ? items : []).filter(isObject).map((item) => ({
    retailerId: scalar(item.product_retailer_id) ?? 'item',
    quantity: scalar(item.quantity) ?? '1',
    itemPrice: scalar(item.item_price),
    currency: str(item.currency),
  }));
}

export function readReferral(value: unknown): AdReferral | null {
  if (!isObject(value)) return null;
  const referral = {
    sourceUrl: str(value.source_url),
    sourceId: scalar(value.source_id),
    sourceType: str(value.source_type),
    headline: str(value.headline),
    body: str(value.body),
    mediaType: str(value.media_type),
    ctwaClid: str(value.ctwa_clid),
  };
  return Object.values(referral).some((field) => field !== null) ? referral : null;
}

const money = (amount: number) => amount.toFixed(2);

/** The order's total when every item has a numeric price in one currency; null otherwise (nothing is guessed). */
export function orderTotal(items: OrderItem[]): { amount: string; currency: string } | null {
  const currencies = new Set(items.map((item) => item.currency));
  if (items.length === 0 || currencies.size !== 1) return null;
  let sum = 0;
  for (const item of items) {
    const price = Number(item.itemPrice);
    const quantity = Number(item.quantity);
    if (item.itemPrice === null || !Number.isFinite(price) || !Number.isFinite(quantity)) return null;
    sum += price * quantity;
  }
  const currency = items[0]!.currency;
  return currency ? { amount: money(Math.round(sum * 100) / 100), currency } : null;
}

export function describeForm(answers: FormAnswer[], raw: string | null): string {
  if (answers.length) return `📝 Form: ${answers.map((answer) => `${answer.label}: ${answer.value}`).join(' · ')}`;
  return raw ? `📝 Form: ${raw}` : '📝 Form sent (no answers)';
}

export function describeOrder(order: { catalogId: string | null; text: string | null; items: OrderItem[] }): string {
  const lines = order.items.map(
    (item) =>
      `${item.quantity} × ${item.retailerId}${item.itemPrice ? ` (${item.itemPrice}${item.currency ? ` ${item.currency}` : ''} each)` : ''}`,
  );
  const total = orderTotal(order.items);
  return [
    `🛒 Order: ${lines.join(' · ') || 'no items'}`,
    total ? `Total ${total.amount} ${total.currency}` : null,
    order.text ? `“${order.text}”` : null,
    order.catalogId ? `catalog ${order.catalogId}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A link agents can open to see where a shared location is. */
export const mapLinkOf = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
