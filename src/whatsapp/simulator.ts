// The built-in WhatsApp simulator, for running the desk with no real number: a stand-in Cloud API inside
// the server that takes our outgoing messages, and phones that send Cloud-API-shaped, signed deliveries
// to the real webhook route, so the real path runs end to end. State lives in memory.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger.js';
import { signPayload, WEBHOOK_PATH } from './webhook.route.js';

export const SIMULATOR_API_PATH = '/simulator/cloud-api';

export interface SimulatorChoice {
  id: string;
  title: string;
  description: string | null;
}

export interface SimulatorMessage {
  id: string;
  fromPerson: boolean;
  text: string;
  choices: SimulatorChoice[];
  button: string | null;
  sentAt: Date;
  /** For the person's messages: read by the desk. For the desk's: delivered, then read by the person. */
  status: 'sent' | 'delivered' | 'read';
}

export interface SimulatorPhone {
  phoneNumber: string;
  name: string;
  messages: SimulatorMessage[];
  /** The desk's typing indicator is showing: for up to 25 s, or until the desk's next message. */
  typing: boolean;
}

/** How long WhatsApp shows a typing indicator at most. */
const TYPING_SHOWN_MS = 25_000;

/** The simulator does not know a template's approved text: it shows its name and parameters. */
type TemplateBody = { name?: string; components?: { parameters?: { text?: string }[] }[] };

/** The body the dispatcher POSTs to /messages, as far as the simulator reads it (a send or a read receipt). */
interface CloudApiRequestBody {
  messaging_product?: string;
  status?: string;
  message_id?: string;
  typing_indicator?: unknown;
  to?: string;
  recipient?: string;
  text?: { body?: string };
  interactive?: {
    body?: { text?: string };
    action?: {
      button?: string;
      sections?: { rows?: SimulatorChoice[] }[];
      buttons?: { reply: { id: string; title: string } }[];
    };
  };
  template?: TemplateBody;
}

function templateSummary(template: TemplateBody | undefined): string {
  if (!template) return '';
  const parameters = (template.components ?? [])
    .flatMap((component) => component.parameters ?? [])
    .map((parameter) => parameter.text ?? '');
  return `[template ${template.name ?? '?'}] ${parameters.join(' · ')}`.trim();
}

export type PersonInput = { text: string } | { choiceId: string; title: string };

const MAX_MESSAGES_PER_PHONE = 500;
const wamid = () => `wamid.SIM${randomBytes(16).toString('base64url')}`;

export class WhatsappSimulator {
  readonly accessToken = `sim_${randomUUID()}`;
  private readonly phones = new Map<string, SimulatorPhone>();
  private baseUrl: string | null = null;
  private readonly listeners = new Set<(phoneNumber: string) => void>();
  private readonly typingTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly appSecret: string,
    private readonly businessNumber: string,
    private readonly logger: Logger,
  ) {}

  /** Where the server listens, once it does: phones post their deliveries there. */
  attach(baseUrl: string): void {
    this.baseUrl = baseUrl;
  }

  get apiUrl(): string {
    return `${this.baseUrl ?? 'http://127.0.0.1'}${SIMULATOR_API_PATH}`;
  }

  onChange(listener: (phoneNumber: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  list(): SimulatorPhone[] {
    return [...this.phones.values()];
  }

  phone(phoneNumber: string): SimulatorPhone | null {
    return this.phones.get(phoneNumber) ?? null;
  }

  private phoneFor(phoneNumber: string, name?: string | null): SimulatorPhone {
    let phone = this.phones.get(phoneNumber);
    if (!phone) {
      phone = { phoneNumber, name: name || `+${phoneNumber}`, messages: [], typing: false };
      this.phones.set(phoneNumber, phone);
    }
    if (name) phone.name = name;
    return phone;
  }

  private add(phone: SimulatorPhone, message: SimulatorMessage): void {
    if (!message.fromPerson) this.stopTyping(phone);
    phone.messages.push(message);
    if (phone.messages.length > MAX_MESSAGES_PER_PHONE)
      phone.messages.splice(0, phone.messages.length - MAX_MESSAGES_PER_PHONE);
    for (const listener of this.listeners) listener(phone.phoneNumber);
  }

  /** The person sends a message: a signed delivery goes to the webhook, exactly as WhatsApp would send it. */
  async personSends(phoneNumber: string, name: string | null, input: PersonInput): Promise<SimulatorMessage> {
    const phone = this.phoneFor(phoneNumber, name);
    const id = wamid();
    const message: Record<string, unknown> = {
      from: phoneNumber,
      id,
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    if ('choiceId' in input) {
      Object.assign(message, {
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: input.choiceId, title: input.title } },
      });
    } else {
      Object.assign(message, { type: 'text', text: { body: input.text } });
    }
    await this.deliver({ contacts: [{ profile: { name: phone.name }, wa_id: phoneNumber }], messages: [message] });
    const sent: SimulatorMessage = {
      id,
      fromPerson: true,
      text: 'choiceId' in input ? input.title : input.text,
      choices: [],
      button: null,
      sentAt: new Date(),
      status: 'sent',
    };
    this.add(phone, sent);
    return sent;
  }

  /** The person looks at their phone: the desk's messages they had not seen are now read, and WhatsApp says so. */
  async personReads(phoneNumber: string): Promise<void> {
    const unread =
      this.phones.get(phoneNumber)?.messages.filter((message) => !message.fromPerson && message.status !== 'read') ??
      [];
    if (unread.length === 0) return;
    for (const message of unread) message.status = 'read';
    await this.deliver({ statuses: unread.map((message) => this.receipt(message.id, 'read', phoneNumber)) });
    for (const listener of this.listeners) listener(phoneNumber);
  }

  private showTyping(phone: SimulatorPhone): void {
    this.stopTyping(phone);
    phone.typing = true;
    const timer = setTimeout(() => {
      this.stopTyping(phone);
      for (const listener of this.listeners) listener(phone.phoneNumber);
    }, TYPING_SHOWN_MS);
    this.typingTimers.set(phone.phoneNumber, timer.unref());
  }

  private stopTyping(phone: SimulatorPhone): void {
    phone.typing = false;
    clearTimeout(this.typingTimers.get(phone.phoneNumber));
    this.typingTimers.delete(phone.phoneNumber);
  }

  private receipt(id: string, status: string, recipient: string) {
    return { id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient };
  }

  private async deliver(value: Record<string, unknown>): Promise<void> {
    if (!this.baseUrl) throw new Error('the simulator is not attached to a listening server yet');
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'simulator',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: this.businessNumber, phone_number_id: 'simulator' },
                ...value,
              },
            },
          ],
        },
      ],
    });
    const response = await fetch(`${this.baseUrl}${WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signPayload(this.appSecret, body) },
      body,
    });
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
  }

  /** The stand-in Cloud API: POST {version}/{phone-number-id}/messages, as the dispatcher calls it. */
  registerCloudApi(http: FastifyInstance): void {
    http.post(`${SIMULATOR_API_PATH}/:version/:phoneNumberId/messages`, async (request, reply) => {
      if (request.headers.authorization !== `Bearer ${this.accessToken}`) {
        return reply
          .code(401)
          .send({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
      }
      const payload = (request.body ?? {}) as CloudApiRequestBody;
      if (payload.messaging_product !== 'whatsapp') {
        return reply
          .code(400)
          .send({ error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 } });
      }
      if (payload.status === 'read') {
        for (const phone of this.phones.values()) {
          const seen = phone.messages.find((message) => message.id === payload.message_id);
          if (seen) {
            seen.status = 'read';
            // Marked read with a typing indicator: the person sees "typing…".
            if (payload.typing_indicator) this.showTyping(phone);
            for (const listener of this.listeners) listener(phone.phoneNumber);
          }
        }
        return { success: true };
      }
      const to = String(payload.to ?? payload.recipient ?? '');
      const id = wamid();
      const list = payload.interactive?.action;
      this.add(this.phoneFor(to), {
        id,
        fromPerson: false,
        text: String(payload.text?.body ?? payload.interactive?.body?.text ?? templateSummary(payload.template)),
        choices: [
          ...(list?.sections ?? []).flatMap((section: { rows?: SimulatorChoice[] }) =>
            (section.rows ?? []).map((row) => ({ id: row.id, title: row.title, description: row.description ?? null })),
          ),
          // Reply buttons (the satisfaction survey) are tapped like list rows.
          ...(list?.buttons ?? []).map((button: { reply: { id: string; title: string } }) => ({
            id: button.reply.id,
            title: button.reply.title,
            description: null,
          })),
        ],
        button: list?.button ?? null,
        sentAt: new Date(),
        status: 'delivered',
      });
      // Like WhatsApp, receipts come afterwards, on the webhook.
      setTimeout(() => {
        this.deliver({ statuses: [this.receipt(id, 'sent', to), this.receipt(id, 'delivered', to)] }).catch(
          (error: unknown) => this.logger.warn({ err: error }, 'simulator could not deliver a receipt'),
        );
      }, 20);
      return { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] };
    });
  }
}
