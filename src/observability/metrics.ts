// The desk's Prometheus metrics: one registry per server (tests start several in one process), the process's
// default metrics (event-loop lag, memory, GC) in it too, and one method per thing the code reports.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type WebhookDeliveryOutcome = 'delivered' | 'retry' | 'failed';
export type CloudApiCall = 'send' | 'upload' | 'media_info' | 'download';

/** Seconds: from a fast query (5 ms) to a slow outside call (30 s). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Seconds: database statements are mostly well under a millisecond on SQLite. */
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];

/** Distinct operation names kept as labels; past this, a name is counted as `other` (names are the client's choice). */
const MAX_OPERATION_NAMES = 200;

export class DeskMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  private readonly graphqlOperations = new Counter({
    name: 'desk_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type and outcome (ok, or the first error code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly graphqlSeconds = new Histogram({
    name: 'desk_graphql_operation_seconds',
    help: 'Time to answer a GraphQL operation (subscriptions: until they start), by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly compiledAnswers = new Counter({
    name: 'desk_graphql_compiled_answers_total',
    help: 'GraphQL queries over HTTP answered by compiled execution (GRAPHQL_JIT=1); the others ran in graphql-js.',
    registers: [this.registry],
  });
  private readonly openWebSockets = new Gauge({
    name: 'desk_websockets_open',
    help: 'GraphQL WebSockets open on this instance.',
    registers: [this.registry],
  });
  private readonly activeSubscriptions = new Gauge({
    name: 'desk_subscriptions_active',
    help: 'GraphQL subscriptions running on this instance.',
    registers: [this.registry],
  });
  private readonly subscriptionExecutions = new Counter({
    name: 'desk_subscription_executions_total',
    help: 'Subscription answers executed and serialized: one per event for each group of identical subscribers (same operation, variables and viewer), however many sockets it is sent to.',
    registers: [this.registry],
  });
  private readonly cloudApiCalls = new Counter({
    name: 'desk_cloud_api_requests_total',
    help: 'Calls to the WhatsApp Cloud API, by call and outcome (accepted, retry, failed, too_large).',
    labelNames: ['call', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly cloudApiSeconds = new Histogram({
    name: 'desk_cloud_api_request_seconds',
    help: 'Time a WhatsApp Cloud API call took, answer or not, by call.',
    labelNames: ['call'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly dbQueries = new Counter({
    name: 'desk_db_queries_total',
    help: 'SQL statements run, by outcome (ok, error).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly dbCommits = new Counter({
    name: 'desk_db_commits_total',
    help: 'Transactions committed (on a durable database, each one sync of its log).',
    registers: [this.registry],
  });
  private readonly dbQuerySeconds = new Histogram({
    name: 'desk_db_query_seconds',
    help: 'Time one SQL statement took (millisecond resolution).',
    buckets: QUERY_BUCKETS,
    registers: [this.registry],
  });
  private readonly webhookDeliveries = new Counter({
    name: 'desk_webhook_deliveries_total',
    help: 'Outgoing webhook delivery attempts, by outcome (delivered, retry, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly webhookSeconds = new Histogram({
    name: 'desk_webhook_delivery_seconds',
    help: 'Time one outgoing webhook delivery attempt took.',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Zeros from the start, so that a dashboard's rate() has a baseline before the first delivery.
    for (const outcome of ['delivered', 'retry', 'failed'] as const) this.webhookDeliveries.inc({ outcome }, 0);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text a Prometheus scrape gets. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /**
   * `name`: the operation's name, null when anonymous or unknown (the document did not parse or validate);
   * `errorCode`: the first error's `extensions.code`, null when it succeeded.
   */
  observeGraphqlOperation(name: string | null, type: string, errorCode: string | null, seconds: number): void {
    const operation = this.operationLabel(name);
    const outcome = errorCode === null ? 'ok' : /^[A-Z][A-Z0-9_]{0,47}$/.test(errorCode) ? errorCode : 'ERROR';
    this.graphqlOperations.inc({ operation, type, outcome });
    this.graphqlSeconds.observe({ operation, type }, seconds);
  }

  /** A query answered by compiled execution rather than graphql-js. */
  compiledAnswer(): void {
    this.compiledAnswers.inc();
  }

  webSocketOpened(): void {
    this.openWebSockets.inc();
  }

  webSocketClosed(): void {
    this.openWebSockets.dec();
  }

  subscriptionStarted(): void {
    this.activeSubscriptions.inc();
  }

  subscriptionEnded(): void {
    this.activeSubscriptions.dec();
  }

  subscriptionExecuted(): void {
    this.subscriptionExecutions.inc();
  }

  observeCloudApiCall(call: CloudApiCall, outcome: string, seconds: number): void {
    this.cloudApiCalls.inc({ call, outcome: outcome.replaceAll('-', '_') });
    this.cloudApiSeconds.observe({ call }, seconds);
  }

  observeQuery(milliseconds: number, failed: boolean): void {
    this.dbQueries.inc({ outcome: failed ? 'error' : 'ok' });
    this.dbQuerySeconds.observe(milliseconds / 1000);
  }

  observeCommit(): void {
    this.dbCommits.inc();
  }

  /** One attempt to deliver an outgoing webhook, and how long it took. */
  recordWebhookDelivery(outcome: WebhookDeliveryOutcome, seconds: number): void {
    this.webhookDeliveries.inc({ outcome });
    this.webhookSeconds.observe(seconds);
  }

  private operationLabel(name: string | null): string {
    if (!name) return '(anonymous)';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES || name.length > 64) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
