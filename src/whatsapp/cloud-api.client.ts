// The WhatsApp Cloud API, as far as we call it: POST /{version}/{phone-number-id}/messages.
// Answers are sorted into accepted, worth retrying, and permanent failures.

export interface CloudApiSettings {
  baseUrl: string;
  version: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
}

export type SendOutcome =
  | { kind: 'accepted'; whatsappMessageId: string | null }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'failed'; reason: string };

/** Rate, throughput and spam limits, and the API's own transient errors: try again later. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131000, 131016, 131048, 131056, 133004, 2]);
/** A bad or expired access token: nothing is wrong with the message, so it waits for the fix. */
const ACCESS_TOKEN_CODE = 190;

function describeError(status: number, body: unknown): { code: number | null; reason: string } {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: Record<string, unknown> }).error : null;
  const code = typeof error?.code === 'number' ? error.code : null;
  const details = (error?.error_data as { details?: unknown } | undefined)?.details;
  const message = [error?.message, typeof details === 'string' ? details : null].filter((part) => typeof part === 'string' && part).join(': ');
  return { code, reason: `${code !== null ? `${code} ` : ''}${message || `HTTP ${status}`}`.slice(0, 500) };
}

export function classifyAnswer(status: number, body: unknown, retryAfterHeader: string | null): SendOutcome {
  if (status >= 200 && status < 300) {
    const messages = (body as { messages?: { id?: unknown }[] } | null)?.messages;
    const id = messages?.[0]?.id;
    return { kind: 'accepted', whatsappMessageId: typeof id === 'string' ? id : null };
  }
  const { code, reason } = describeError(status, body);
  const retryAfter = retryAfterHeader && Number.isFinite(Number(retryAfterHeader)) ? Number(retryAfterHeader) * 1000 : null;
  if (status === 429 || status >= 500 || status === 408 || (code !== null && RETRYABLE_CODES.has(code))) {
    return { kind: 'retry', reason, retryAfterMs: retryAfter };
  }
  if (status === 401 || code === ACCESS_TOKEN_CODE) return { kind: 'retry', reason, retryAfterMs: null };
  return { kind: 'failed', reason };
}

export class CloudApiClient {
  constructor(private readonly settings: CloudApiSettings) {}

  async send(payload: Record<string, unknown>): Promise<SendOutcome> {
    const { baseUrl, version, phoneNumberId, accessToken, timeoutMs } = this.settings;
    const url = `${baseUrl.replace(/\/$/, '')}/${version}/${phoneNumberId}/messages`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'network error';
      return { kind: 'retry', reason, retryAfterMs: null };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // a non-JSON answer is classified by its status alone
    }
    return classifyAnswer(response.status, body, response.headers.get('retry-after'));
  }
}
