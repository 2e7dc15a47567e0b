// A template's text as the person will read it, and which parameter is the person's name.

const PLACEHOLDER = /\{\{\s*(\d+)\s*\}\}/g;

/** The body with each filled {{n}} replaced; an empty one stays visible as {{n}}. */
export function renderTemplate(body: string, parameters: readonly string[]): string {
  return body.replace(PLACEHOLDER, (placeholder, n: string) => parameters[Number(n) - 1]?.trim() || placeholder);
}

const GREETING = /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[\s,]*\{\{\s*1\s*\}\}/i;

/** Starting values: the person's name for {{1}} when the body opens by greeting it ("Hi {{1}}"), else empty. */
export function initialParameters(body: string, count: number, senderName: string | null): string[] {
  const values = Array.from({ length: count }, () => '');
  if (count > 0 && senderName && GREETING.test(body)) values[0] = senderName;
  return values;
}
