import type { Logger } from 'pino';

export interface DeliveryWorkerOptions {
  /** Look for due deliveries at least this often (other instances' events, retries coming due). */
  readonly pollMs: number;
  /** Prune the audit trail this often. */
  readonly pruneEveryMs: number;
  /** What one round claims at most: a full round means more is waiting (no pause). */
  readonly batch: number;
  /**
   * Woken by a commit, wait this long before the round, so that the commits of those few
   * milliseconds share one claim and one settle (under load a round per commit would cost
   * two statements per event); nudges in the meantime do not shorten it.
   */
  readonly gatherMs: number;
}

/**
 * The background loop of one instance: delivery rounds, back to back while there is work,
 * else waiting `pollMs` or until `nudge()` (a unit of this instance committed events); and a
 * batched prune of old events now and then. It runs beside the HTTP server and shares nothing
 * with requests but the pool: a slow receiver holds a delivery round, never a request.
 */
export class DeliveryWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private nudged = false;
  private gathering = false;
  private lastPrune = 0;

  constructor(
    private readonly round: () => Promise<number>,
    private readonly prune: () => Promise<number>,
    private readonly options: DeliveryWorkerOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  nudge(): void {
    this.nudged = true;
    if (!this.gathering) this.wake?.();
  }

  /** Ends the loop after the round in flight (its deliveries are recorded first). */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        this.nudged = false;
        claimed = await this.round();
        if (Date.now() - this.lastPrune >= this.options.pruneEveryMs) {
          this.lastPrune = Date.now();
          const pruned = await this.prune();
          if (pruned > 0) this.logger.info({ pruned }, 'pruned old events');
        }
      } catch (error) {
        // The store may be away (an outage): wait a poll and try again; nothing is lost.
        this.logger.warn({ err: error }, 'event delivery round failed');
      }
      if (!this.running || claimed >= this.options.batch) continue;
      const woken = this.nudged || (await this.sleep(this.options.pollMs));
      if (woken && this.running && this.options.gatherMs > 0) {
        this.gathering = true;
        await this.sleep(this.options.gatherMs);
        this.gathering = false;
      }
    }
  }

  /** Resolves true when woken (a nudge, or stop) before `ms` passed. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), ms);
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(woken);
      };
      this.wake = () => done(true);
    });
  }
}
