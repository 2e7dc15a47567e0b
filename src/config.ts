// The one configuration object, read from the environment once at start and validated.
import { randomBytes } from 'node:crypto';
import { DEFAULT_SCRYPT_LOG_N, MAX_SCRYPT_LOG_N, MIN_SCRYPT_LOG_N } from './auth/password.js';
import { passwordProblem } from './auth/password-policy.js';
import { isIP } from 'node:net';

export type DatabaseConfig =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'mysql' | 'mariadb'; url: string; dbName: string };

export interface WhatsappConfig {
  /** Generated per process when unset outside production: only the simulator can sign with it then. */
  appSecret: string;
  verifyToken: string;
  accessToken: string | null;
  phoneNumberId: string | null;
  apiUrl: string;
  apiVersion: string;
  /** The built-in simulator: on by default without real credentials, always off with them. */
  simulator: boolean;
  timeoutMs: number;
  /** OUTBOX_RATE_PER_SECOND: messages per second this instance sends to the business number at most. */
  ratePerSecond: number;
}

/** The webhook's group commit (whatsapp/ingest-group.ts): deliveries that arrive together share one transaction. */
export interface IngestConfig {
  /** INGEST_GROUP_MAX: elements one transaction holds at most; 1 stores each element on its own. @default 64 */
  max: number;
  /**
   * INGEST_GROUP_WAIT_MS: how long the oldest waiting element may wait for company while a transaction could start;
   * 0 starts at once with what is waiting (under load, groups fill while the previous ones commit). @default 0
   */
  waitMs: number;
  /** INGEST_GROUPS_AT_ONCE: groups being stored at once. @default 1 on SQLite (one writer), 8 on MariaDB/MySQL */
  atOnce: number;
}

export interface OutboxConfig {
  pollMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  claimMs: number;
  /** Sends in flight at once, each to a different person. */
  concurrency: number;
}

/** An S3-compatible bucket for media (MEDIA_STORE=s3): AWS S3, MinIO, Cloudflare R2, Backblaze B2… */
export interface S3Config {
  /** e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  /** @default 'us-east-1' */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** With temporary credentials (STS, an IAM role): sent as x-amz-security-token and signed. */
  sessionToken?: string;
  /** Put before every object's name: '' or a path ending in `/` (`desk/`). @default '' */
  prefix: string;
  /** `endpoint/bucket/key` when true; `bucket.endpoint-host/key` (virtual-hosted) when false. @default true */
  forcePathStyle: boolean;
  /** How long one request to the bucket may take. @default 60000 */
  timeoutMs: number;
}

export interface MediaConfig {
  /** The local folder fetched media are kept in (MEDIA_STORE=local). */
  dir: string;
  /** Set when MEDIA_STORE=s3: media go to this bucket instead of `dir`. */
  s3: S3Config | null;
  /** The desk's maximum file size, on top of WhatsApp's limits per kind. */
  maxBytes: number;
  fetchTimeoutMs: number;
  fetchMaxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  /** Signed media URLs hold for one to two of these. */
  urlTtlSeconds: number;
}

/** Outgoing webhooks (src/webhooks/): how deliveries are sent, retried, given up and kept. */
export interface WebhooksConfig {
  /** WEBHOOKS_ALLOW_PRIVATE=1: endpoints may be on loopback, private and other non-public addresses. @default false */
  allowPrivate: boolean;
  /** Plain http endpoints are accepted (never in production). @default true outside production */
  allowHttp: boolean;
  /** How long one attempt may take, connecting and answering. @default 10000 */
  timeoutMs: number;
  /** First retry delay; doubles per failed attempt, with jitter (see jobs/backoff.ts). @default 10000 */
  retryBaseMs: number;
  /** Longest delay between two attempts. @default 3600000 (1 h) */
  retryMaxMs: number;
  /** A delivery still failing this long after it was queued is given up (FAILED). @default 259200000 (3 days) */
  giveUpMs: number;
  /** An endpoint failing without a success for this long is disabled and admins are told. @default 86400000 (24 h) */
  disableAfterMs: number;
  /** DELIVERED and FAILED deliveries older than this many days are deleted from the log. @default 30 */
  logDays: number;
  /** How often to look for due deliveries when idle. @default 500 */
  pollMs: number;
  /** How long an instance's claim on a delivery holds before another may take it over. @default 60000 */
  claimMs: number;
}

/** How long a client may take to send a request, and how many connections one address may hold. */
export interface HttpConfig {
  /** The request line and headers must arrive within this (Node's headersTimeout). @default 10000 */
  headersTimeoutMs: number;
  /** A request body (GraphQL, the webhook, anything but uploads) must arrive within this. @default 30000 */
  bodyTimeoutMs: number;
  /** An upload's body (POST /media/uploads) must arrive within this. @default 600000 */
  uploadTimeoutMs: number;
  /** A connection that sends and receives nothing for this long is closed (Fastify's connectionTimeout). @default 60000 */
  idleTimeoutMs: number;
  /** An idle keep-alive connection is kept this long for the client's next request. @default 72000 */
  keepAliveTimeoutMs: number;
  /** Open connections (WebSockets included) one address may hold; 0: no cap. @default 256, 0 with TRUST_PROXY */
  maxConnectionsPerAddress: number;
}

/** Metrics, traces and request ids for the people who run the desk (README, Operating it). */
export interface ObservabilityConfig {
  /**
   * METRICS_TOKEN: /metrics on the main port answers a scrape that sends `Authorization: Bearer <token>` (401
   * otherwise); unset, /metrics on the main port is 404. At least 16 characters.
   */
  metricsToken: string | null;
  /** METRICS_LISTEN=host:port: /metrics also served, without a token, on this address of its own (keep it private). */
  metricsListen: { host: string; port: number } | null;
  /**
   * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`: where spans are sent
   * (OTLP over HTTP, JSON). Unset: tracing is off and its SDK is never loaded.
   */
  tracesEndpoint: string | null;
  /** OTEL_SERVICE_NAME: the service.name spans carry. @default 'support-desk' */
  serviceName: string;
}

/** Fastify's `trustProxy`: whom to believe about the client's address (X-Forwarded-For). */
export type TrustProxy = boolean | number | string[];

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** The address agents open (https://desk.example.org): https turns on HSTS and Secure cookies. */
  publicUrl: string | null;
  trustProxy: TrustProxy;
  http: HttpConfig;
  database: DatabaseConfig;
  redisUrl: string | null;
  /** Namespaces Redis channels and keys, so that several deployments can share one Redis. */
  redisPrefix: string;
  /** How long a WebSocket may take to send connection_init before it is closed (4408). */
  wsInitTimeoutMs: number;
  whatsapp: WhatsappConfig;
  ingest: IngestConfig;
  outbox: OutboxConfig;
  webhooks: WebhooksConfig;
  media: MediaConfig;
  /** A viewer of a ticket who sends no presence heartbeat for this long is gone. */
  presenceTtlMs: number;
  /** Live reports are read again at most this often while tickets change. */
  reportUpdateMs: number;
  bot: { menuFile: string | null; greeting: string | null };
  /** GRAPHQL_JIT: queries over HTTP run compiled by graphql-jit; 0 turns it off (docs/benchmarks.md, issue 18). @default on */
  compiledQueries: boolean;
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** Sign-in attempts per account and per address, per 15 minutes. */
    loginAttempts: number;
    /** Mutations per token (or session), per minute. */
    mutationsPerMinute: number;
    /** Media uploads (POST /media/uploads) per token (or session), per minute. */
    uploadsPerMinute: number;
    /** New tickets per phone number, per hour. */
    ticketsPerPhonePerHour: number;
    /** Operations (subscriptions, queries, mutations) in progress at once on one WebSocket. @default 50 */
    operationsPerSocket: number;
    /** Distinct live reports (deskReport subscriptions) one session or token follows at once, per instance. @default 10 */
    reportSubscriptionsPerToken: number;
  };
  /** Resolved and closed tickets older than this many days are deleted; 0 keeps them for ever. */
  retentionDays: number;
  /** How often each instance looks for snoozed tickets whose time has come. */
  snoozeSweepMs: number;
  /** How often each instance looks for tickets that missed an SLA target, to escalate them. */
  slaSweepMs: number;
  /** Resolving a ticket sends the person a one-tap satisfaction survey (CSAT_SURVEY=on|off). */
  satisfactionSurvey: boolean;
  /** A person's message this long after their ticket was resolved reopens it (REOPEN_WITHIN_HOURS); 0: never. */
  reopenWithinMs: number;
  admin: { email: string; password: string | null };
  passwords: {
    /** scrypt's cost as log2 of N (PASSWORD_HASH_COST); hashes made at another cost are remade at the next sign-in. */
    hashCost: number;
    /** How long a password-reset code an admin made stays usable. */
    resetTtlSeconds: number;
  };
  logLevel: string;
  sessionTtlHours: number;
  observability: ObservabilityConfig;
}

/** A setting that is missing or malformed; its message is the one line printed at start. */
export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Hours, fractions allowed (0.5 is half an hour), from 0 to `max`. */
function readHours(env: Env, name: string, fallback: number, max: number): number {
  const raw = read(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || !Number.isFinite(value) || value > max) {
    throw new ConfigError(
      `${name} must be a number of hours from 0 to ${max} (fractions allowed, e.g. 0.5), got "${raw}"`,
    );
  }
  return value;
}

function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name);
  if (raw === null) return fallback;
  if (raw !== 'on' && raw !== 'off') throw new ConfigError(`${name} must be on or off, got "${raw}"`);
  return raw === 'on';
}

/** A switch written 1/0 (also on/off, true/false); unset is off. */
function readFlag(env: Env, name: string): boolean {
  const raw = read(env, name);
  if (raw === null || ['0', 'off', 'false'].includes(raw)) return false;
  if (['1', 'on', 'true'].includes(raw)) return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${raw}"`);
}

/** `TRUST_PROXY`: off (default), on (any proxy), a number of proxies in front, or addresses and CIDR ranges. */
export function parseTrustProxy(raw: string | null): TrustProxy {
  if (raw === null || raw === 'off' || raw === 'false') return false;
  if (raw === 'on' || raw === 'true') return true;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 20)
      throw new ConfigError(`TRUST_PROXY as a number of proxies must be from 1 to 20, got "${raw}"`);
    return hops;
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY must be on, off, a number of proxies, or addresses and CIDR ranges separated by commas; "${entry}" is none of these`,
      );
    }
  }
  return entries;
}

function readPublicUrl(env: Env): string | null {
  const raw = read(env, 'PUBLIC_URL');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL is not a URL: "${raw}" (e.g. https://desk.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL must be an http(s) URL');
  return url.origin;
}

export function parseDatabaseUrl(raw: string): DatabaseConfig {
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!path) throw new ConfigError('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/support.sqlite');
    return { dialect: 'sqlite', path };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL: use mysql://user:pass@host:3306/db, mariadb://… or sqlite:path');
  }
  const dialect = url.protocol.replace(/:$/, '');
  if (dialect !== 'mysql' && dialect !== 'mariadb') {
    throw new ConfigError(`DATABASE_URL scheme "${dialect}" is not supported: use mysql://, mariadb:// or sqlite:`);
  }
  const dbName = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!dbName) throw new ConfigError('DATABASE_URL must name a database, e.g. mysql://root@127.0.0.1:3306/support');
  return { dialect, url: raw, dbName };
}

function readS3Config(env: Env): S3Config | null {
  const store = read(env, 'MEDIA_STORE') ?? 'local';
  if (store !== 'local' && store !== 's3') throw new ConfigError(`MEDIA_STORE must be local or s3, got "${store}"`);
  if (store === 'local') return null;
  const required = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
  const missing = required.filter((name) => !read(env, name));
  if (missing.length)
    throw new ConfigError(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} required when MEDIA_STORE=s3`);
  const endpoint = read(env, 'S3_ENDPOINT')!;
  if (!/^https?:\/\/[^/@\s]+(\/[^?#@\s]*)?$/.test(endpoint)) {
    throw new ConfigError(
      'S3_ENDPOINT must be an http(s) URL without credentials, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000',
    );
  }
  const bucket = read(env, 'S3_BUCKET')!;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/.test(bucket))
    throw new ConfigError(`S3_BUCKET is not a bucket name: "${bucket}"`);
  const prefix = (read(env, 'S3_PREFIX') ?? '').replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9/._-]{0,200}$/.test(prefix))
    throw new ConfigError('S3_PREFIX may hold only letters, digits, "/", ".", "_" and "-"');
  return {
    endpoint: endpoint.replace(/\/+$/, ''),
    bucket,
    region: read(env, 'S3_REGION') ?? 'us-east-1',
    accessKeyId: read(env, 'S3_ACCESS_KEY_ID')!,
    secretAccessKey: read(env, 'S3_SECRET_ACCESS_KEY')!,
    sessionToken: read(env, 'S3_SESSION_TOKEN') ?? undefined,
    prefix: prefix ? `${prefix}/` : '',
    forcePathStyle: readOnOff(env, 'S3_FORCE_PATH_STYLE', true),
    timeoutMs: readInt(env, 'S3_TIMEOUT_MS', 60_000, 100, 600_000),
  };
}

/** `METRICS_LISTEN`: host:port, or [v6-address]:port; port 0 takes any free port. */
export function parseListenAddress(name: string, raw: string | null): { host: string; port: number } | null {
  if (raw === null) return null;
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^\s:[\]]+)):(\d{1,5})$/.exec(raw);
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new ConfigError(`${name} must be host:port (e.g. 127.0.0.1:9464 or [::1]:9464), got "${raw}"`);
  return { host: match[1] ?? match[2]!, port };
}

function readObservability(env: Env): ObservabilityConfig {
  const metricsToken = read(env, 'METRICS_TOKEN');
  if (metricsToken !== null && !/^[\x21-\x7e]{16,256}$/.test(metricsToken))
    throw new ConfigError('METRICS_TOKEN must be 16 to 256 printable characters without spaces');
  const base = read(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  const tracesEndpoint =
    read(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? (base ? `${base.replace(/\/+$/, '')}/v1/traces` : null);
  if (tracesEndpoint !== null && !/^https?:\/\/[^\s]+$/.test(tracesEndpoint))
    throw new ConfigError(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${tracesEndpoint}"`);
  return {
    metricsToken,
    metricsListen: parseListenAddress('METRICS_LISTEN', read(env, 'METRICS_LISTEN')),
    tracesEndpoint,
    serviceName: read(env, 'OTEL_SERVICE_NAME') ?? 'support-desk',
  };
}

export function loadConfig(env: Env = process.env): Config {
  const envName = read(env, 'NODE_ENV') ?? 'development';
  if (envName !== 'production' && envName !== 'development' && envName !== 'test') {
    throw new ConfigError(`NODE_ENV must be production, development or test, got "${envName}"`);
  }
  const isProduction = envName === 'production';
  if (isProduction) {
    for (const name of ['WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN']) {
      if (!read(env, name)) throw new ConfigError(`${name} is required when NODE_ENV=production`);
    }
  }
  const accessToken = read(env, 'WHATSAPP_ACCESS_TOKEN');
  const phoneNumberId = read(env, 'WHATSAPP_PHONE_NUMBER_ID');
  if (Boolean(accessToken) !== Boolean(phoneNumberId)) {
    throw new ConfigError('WHATSAPP_ACCESS_TOKEN and WHATSAPP_PHONE_NUMBER_ID must be set together');
  }
  const simulatorSetting = read(env, 'WHATSAPP_SIMULATOR');
  if (simulatorSetting !== null && simulatorSetting !== 'on' && simulatorSetting !== 'off') {
    throw new ConfigError(`WHATSAPP_SIMULATOR must be on or off, got "${simulatorSetting}"`);
  }
  const apiUrl = read(env, 'WHATSAPP_API_URL') ?? 'https://graph.facebook.com';
  if (!/^https?:\/\//.test(apiUrl)) throw new ConfigError('WHATSAPP_API_URL must be an http(s) URL');
  const whatsapp: WhatsappConfig = {
    appSecret: read(env, 'WHATSAPP_APP_SECRET') ?? randomBytes(32).toString('hex'),
    verifyToken: read(env, 'WHATSAPP_VERIFY_TOKEN') ?? randomBytes(16).toString('hex'),
    accessToken,
    phoneNumberId,
    apiUrl,
    apiVersion: read(env, 'WHATSAPP_API_VERSION') ?? 'v21.0',
    simulator: !accessToken && simulatorSetting !== 'off',
    timeoutMs: readInt(env, 'WHATSAPP_TIMEOUT_MS', 10_000, 100, 120_000),
    ratePerSecond: readInt(env, 'OUTBOX_RATE_PER_SECOND', 80, 1, 100_000),
  };
  const redisUrl = read(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  }
  const adminEmail = read(env, 'ADMIN_EMAIL') ?? 'admin@example.com';
  if (!/^[^@\s]+@[^@\s]+$/.test(adminEmail))
    throw new ConfigError(`ADMIN_EMAIL is not an email address: "${adminEmail}"`);
  const adminPassword = read(env, 'ADMIN_PASSWORD');
  const adminPasswordProblem = adminPassword === null ? null : passwordProblem(adminPassword);
  if (adminPasswordProblem) throw new ConfigError(`ADMIN_PASSWORD is not usable: ${adminPasswordProblem}`);
  const trustProxy = parseTrustProxy(read(env, 'TRUST_PROXY'));
  const database = parseDatabaseUrl(read(env, 'DATABASE_URL') ?? 'sqlite:data/support.sqlite');
  return {
    env: envName,
    port: readInt(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    publicUrl: readPublicUrl(env),
    trustProxy,
    http: {
      headersTimeoutMs: readInt(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      bodyTimeoutMs: readInt(env, 'HTTP_BODY_TIMEOUT_MS', 30_000, 100, 3_600_000),
      uploadTimeoutMs: readInt(env, 'HTTP_UPLOAD_TIMEOUT_MS', 600_000, 100, 3_600_000),
      idleTimeoutMs: readInt(env, 'HTTP_IDLE_TIMEOUT_MS', 60_000, 100, 3_600_000),
      keepAliveTimeoutMs: readInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 100, 3_600_000),
      // Behind a proxy every connection comes from the proxy: a cap per address would cap the whole desk.
      maxConnectionsPerAddress: readInt(
        env,
        'HTTP_MAX_CONNECTIONS_PER_ADDRESS',
        trustProxy === false ? 256 : 0,
        0,
        1_000_000,
      ),
    },
    database,
    redisUrl,
    redisPrefix: read(env, 'REDIS_PREFIX') ?? 'support:',
    wsInitTimeoutMs: readInt(env, 'WS_INIT_TIMEOUT_MS', 10_000, 100, 600_000),
    whatsapp,
    ingest: {
      max: readInt(env, 'INGEST_GROUP_MAX', 64, 1, 1000),
      waitMs: readInt(env, 'INGEST_GROUP_WAIT_MS', 0, 0, 1000),
      atOnce: readInt(env, 'INGEST_GROUPS_AT_ONCE', database.dialect === 'sqlite' ? 1 : 8, 1, 100),
    },
    outbox: {
      pollMs: readInt(env, 'OUTBOX_POLL_MS', 200, 10, 60_000),
      retryBaseMs: readInt(env, 'OUTBOX_RETRY_BASE_MS', 1000, 1, 3_600_000),
      retryMaxMs: readInt(env, 'OUTBOX_RETRY_MAX_MS', 300_000, 1, 86_400_000),
      maxAttempts: readInt(env, 'OUTBOX_MAX_ATTEMPTS', 20, 1, 1000),
      claimMs: readInt(env, 'OUTBOX_CLAIM_MS', 60_000, 1000, 3_600_000),
      concurrency: readInt(env, 'OUTBOX_CONCURRENCY', 16, 1, 1000),
    },
    webhooks: {
      allowPrivate: readFlag(env, 'WEBHOOKS_ALLOW_PRIVATE'),
      allowHttp: !isProduction,
      timeoutMs: readInt(env, 'WEBHOOKS_TIMEOUT_MS', 10_000, 100, 120_000),
      retryBaseMs: readInt(env, 'WEBHOOKS_RETRY_BASE_MS', 10_000, 1, 3_600_000),
      retryMaxMs: readInt(env, 'WEBHOOKS_RETRY_MAX_MS', 3_600_000, 1, 86_400_000),
      giveUpMs: readInt(env, 'WEBHOOKS_GIVE_UP_MS', 3 * 86_400_000, 1, 30 * 86_400_000),
      disableAfterMs: readInt(env, 'WEBHOOKS_DISABLE_AFTER_MS', 86_400_000, 1, 30 * 86_400_000),
      logDays: readInt(env, 'WEBHOOKS_LOG_DAYS', 30, 1, 3650),
      pollMs: readInt(env, 'WEBHOOKS_POLL_MS', 500, 10, 60_000),
      claimMs: readInt(env, 'WEBHOOKS_CLAIM_MS', 60_000, 1000, 3_600_000),
    },
    media: {
      dir: read(env, 'MEDIA_DIR') ?? 'data/media',
      s3: readS3Config(env),
      maxBytes: readInt(env, 'MEDIA_MAX_BYTES', 100 * 1024 * 1024, 1, 100 * 1024 * 1024),
      fetchTimeoutMs: readInt(env, 'MEDIA_FETCH_TIMEOUT_MS', 60_000, 100, 600_000),
      fetchMaxAttempts: readInt(env, 'MEDIA_FETCH_MAX_ATTEMPTS', 8, 1, 100),
      retryBaseMs: readInt(env, 'MEDIA_RETRY_BASE_MS', 2000, 1, 3_600_000),
      pollMs: readInt(env, 'MEDIA_POLL_MS', 500, 10, 60_000),
      urlTtlSeconds: readInt(env, 'MEDIA_URL_TTL_SECONDS', 3600, 10, 86_400),
    },
    presenceTtlMs: readInt(env, 'PRESENCE_TTL_MS', 15_000, 1000, 300_000),
    reportUpdateMs: readInt(env, 'REPORT_UPDATE_MS', 2000, 50, 600_000),
    // BOT_GREETING is the English greeting's default, kept for compatibility: an admin's English greeting (Settings ›
    // Bot messages) wins over it, and other languages have their own. BOT_MENU_FILE's items are the same in every language.
    bot: { menuFile: read(env, 'BOT_MENU_FILE'), greeting: read(env, 'BOT_GREETING') },
    compiledQueries: read(env, 'GRAPHQL_JIT') === null || readFlag(env, 'GRAPHQL_JIT'),
    limits: {
      maxDepth: readInt(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxAliases: readInt(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxDirectives: readInt(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 0, 1000),
      maxTokens: readInt(env, 'GRAPHQL_MAX_TOKENS', 3000, 100, 100_000),
      maxCost: readInt(env, 'GRAPHQL_MAX_COST', 8000, 10, 10_000_000),
      loginAttempts: readInt(env, 'RATE_LIMIT_LOGIN_ATTEMPTS', 10, 1, 100_000),
      mutationsPerMinute: readInt(env, 'RATE_LIMIT_MUTATIONS_PER_MINUTE', 300, 1, 1_000_000),
      uploadsPerMinute: readInt(env, 'RATE_LIMIT_UPLOADS_PER_MINUTE', 30, 1, 100_000),
      ticketsPerPhonePerHour: readInt(env, 'RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR', 5, 1, 100_000),
      operationsPerSocket: readInt(env, 'WS_MAX_OPERATIONS', 50, 1, 10_000),
      reportSubscriptionsPerToken: readInt(env, 'REPORT_SUBSCRIPTIONS_PER_TOKEN', 10, 1, 10_000),
    },
    retentionDays: readInt(env, 'RETENTION_DAYS', 0, 0, 36_500),
    snoozeSweepMs: readInt(env, 'SNOOZE_SWEEP_MS', 15_000, 50, 3_600_000),
    slaSweepMs: readInt(env, 'SLA_SWEEP_MS', 30_000, 50, 3_600_000),
    satisfactionSurvey: readOnOff(env, 'CSAT_SURVEY', true),
    reopenWithinMs: Math.round(readHours(env, 'REOPEN_WITHIN_HOURS', 72, 24 * 365) * 3600_000),
    admin: { email: adminEmail.toLowerCase(), password: adminPassword },
    passwords: {
      hashCost: readInt(env, 'PASSWORD_HASH_COST', DEFAULT_SCRYPT_LOG_N, MIN_SCRYPT_LOG_N, MAX_SCRYPT_LOG_N),
      resetTtlSeconds: readInt(env, 'PASSWORD_RESET_TTL_SECONDS', 24 * 3600, 1, 7 * 24 * 3600),
    },
    logLevel: read(env, 'LOG_LEVEL') ?? (envName === 'test' ? 'silent' : 'info'),
    sessionTtlHours: readInt(env, 'SESSION_TTL_HOURS', 24 * 7, 1, 24 * 365),
    observability: readObservability(env),
  };
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
