// What a person's message carried beyond its text, kept beside the readable body for the thread to show:
// a place, an order's lines, a Flow's answers, the ad they came from. Plain data, stored as JSON.

/** One field of a WhatsApp Flow the person filled in, as an agent reads it. */
export interface FormAnswer {
  label: string;
  value: string;
}

export interface OrderItem {
  retailerId: string;
  quantity: string;
  itemPrice: string | null;
  currency: string | null;
}

/** The click-to-WhatsApp ad or post a person tapped before writing. */
export interface AdReferral {
  sourceUrl: string | null;
  sourceId: string | null;
  sourceType: string | null;
  headline: string | null;
  body: string | null;
  mediaType: string | null;
  ctwaClid: string | null;
}

export interface MessageDetails {
  location?: {
    latitude: number | null;
    longitude: number | null;
    name: string | null;
    address: string | null;
    url: string | null;
  };
  order?: { catalogId: string | null; text: string | null; items: OrderItem[] };
  form?: { answers: FormAnswer[] };
  referral?: AdReferral;
}

/** An earlier text of a message the person edited, and when it was replaced. */
export interface MessageEditRecord {
  body: string;
  replacedAt: string;
}

/** JSON columns read back as text on some drivers; this gives the value either way. */
export function jsonColumn<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as T;
    } catch {
      return null;
    }
  }
  return value as T;
}
