// The work every instance does in the background, each on its own PollLoop: sending the outbox, fetching
// media (both only with a Cloud API to talk to), and the snooze, SLA and retention sweeps. Every job is safe
// to run in many instances at once: rows are claimed or locked, so each is handled once.
import { escalateBreachedTickets } from '../desk/sla.service.js';
import type { AppServices } from '../graphql/context.js';
import { MediaFetcher } from '../media/media.fetcher.js';
import { deleteExpiredTickets } from '../support/retention.service.js';
import { sweepSnoozedTickets } from './snooze.sweep.js';
import type { SupportContext } from '../support/support.context.js';
import type { CloudApiClient } from '../whatsapp/cloud-api.client.js';
import { defaultDispatcherOptions, OutboxDispatcher } from '../whatsapp/outbox.dispatcher.js';
import { OutboxRow } from '../whatsapp/outbox.entity.js';
import { CommitWakeup } from './commit-wakeup.js';
import { WebhookDelivery } from '../webhooks/webhook-delivery.entity.js';
import { WebhookDispatcher } from '../webhooks/webhook.dispatcher.js';
import { PollLoop } from './poll-loop.js';

interface Job {
  start(): void;
  /** Resolves once the round in flight has finished. */
  stop(): Promise<void>;
}

export interface BackgroundJobs {
  /** Starts every job; the outbox and media fetches only when there is a Cloud API to send through. */
  start(cloudApi: CloudApiClient | null): void;
  /** Stops the jobs one by one, each once its round in flight has finished. */
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;

export function createBackgroundJobs(app: AppServices, support: () => SupportContext): BackgroundJobs {
  const { config, logger } = app;
  const running: { name: string; job: Job }[] = [];
  const sweep = (name: string, round: () => Promise<number>, everyMs: number, firstRoundMs = everyMs): Job =>
    new PollLoop(
      round,
      everyMs,
      (error) => logger.error({ err: error, sweep: name }, 'sweep failed; it runs again at its next period'),
      { firstRoundMs, retryMs: everyMs },
    );

  const outbox = (cloudApi: CloudApiClient): Job => {
    const dispatcher = new OutboxDispatcher(
      app.orm,
      cloudApi,
      app.pubsub,
      logger,
      { ...defaultDispatcherOptions, ...config.outbox },
      app.media,
    );
    app.orm.em.getEventManager().registerSubscriber(new CommitWakeup(OutboxRow, () => dispatcher.wake()));
    return dispatcher;
  };
  const webhooks = (): Job => {
    const dispatcher = new WebhookDispatcher(app.orm, app.pubsub, logger, config.webhooks);
    app.orm.em.getEventManager().registerSubscriber(new CommitWakeup(WebhookDelivery, () => dispatcher.wake()));
    return dispatcher;
  };
  const mediaFetches = (cloudApi: CloudApiClient): Job => {
    const { media } = config;
    return new MediaFetcher(app.orm, cloudApi, app.media, app.pubsub, logger, {
      pollMs: media.pollMs,
      retryBaseMs: media.retryBaseMs,
      maxAttempts: media.fetchMaxAttempts,
      downloadTimeoutMs: media.fetchTimeoutMs,
      maxBytes: media.maxBytes,
    });
  };
  const slaEscalations = async () => {
    const escalated = await escalateBreachedTickets(support());
    if (escalated > 0) logger.info({ done: escalated }, 'sla: tickets past a target escalated');
    return escalated;
  };
  const retention = async () => {
    const deleted = await deleteExpiredTickets(app.orm.em.fork(), config.retentionDays, { store: app.media, logger });
    if (deleted > 0) logger.info({ deleted, days: config.retentionDays }, 'retention: old resolved tickets deleted');
    return deleted;
  };

  return {
    start(cloudApi) {
      const jobs: { name: string; job: Job }[] = [
        {
          name: 'snooze sweep',
          job: sweep('snooze', () => sweepSnoozedTickets(support, logger), config.snoozeSweepMs),
        },
        { name: 'sla sweep', job: sweep('sla', slaEscalations, config.slaSweepMs) },
        { name: 'webhooks', job: webhooks() },
      ];
      if (cloudApi)
        jobs.push({ name: 'outbox', job: outbox(cloudApi) }, { name: 'media', job: mediaFetches(cloudApi) });
      else logger.warn('no WhatsApp credentials and the simulator is off: replies wait in the outbox');
      // Retention looks at once (a restarted server does not wait an hour), then hourly.
      if (config.retentionDays > 0) jobs.push({ name: 'retention', job: sweep('retention', retention, HOUR_MS, 0) });
      for (const entry of jobs) {
        entry.job.start();
        running.push(entry);
      }
    },
    async stop() {
      const started = Date.now();
      for (const { name, job } of running.splice(0)) {
        await job.stop();
        logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
      }
    },
  };
}
