import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../log/logger.ts";

/**
 * When things run, never what runs: the poll every few minutes and each guild's digest in its
 * own time zone. Runs of one job never overlap (`noOverlap`). A digest missed while the bot was
 * down is run at start-up when its scheduled time is within the catch-up window.
 */

export interface DigestSchedule {
  guildId: string;
  cron: string;
  timezone: string;
  lastDigestAt?: string;
}

export interface SchedulerOptions {
  pollCron: string;
  timezone: string;
  catchUpHours: number;
  runPoll: () => Promise<unknown>;
  listDigestSchedules: () => Promise<DigestSchedule[]>;
  runDigest: (guildId: string) => Promise<unknown>;
  logger: Logger;
  now?: () => Date;
}

export interface Scheduler {
  start(): Promise<void>;
  /** Re-reads one guild's schedule (after /schedule). */
  reschedule(guildId: string): Promise<void>;
  /** Stops every job and waits for the runs in flight. */
  stop(): Promise<void>;
  nextRuns(): { poll?: Date; digests: Record<string, Date | undefined> };
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const now = options.now ?? (() => new Date());
  const inFlight = new Set<Promise<unknown>>();
  const digestTasks = new Map<string, ScheduledTask>();
  let pollTask: ScheduledTask | undefined;

  const track = (name: string, work: () => Promise<unknown>) => async () => {
    const run = work().catch((error: unknown) => options.logger.error(`${name} failed`, { error }));
    inFlight.add(run);
    try {
      await run;
    } finally {
      inFlight.delete(run);
    }
  };

  const scheduleDigest = (schedule: DigestSchedule) => {
    digestTasks.get(schedule.guildId)?.destroy();
    const task = cron.schedule(
      schedule.cron,
      track("digest", () => options.runDigest(schedule.guildId)),
      {
        timezone: schedule.timezone,
        noOverlap: true,
        name: `digest-${schedule.guildId}`,
      },
    );
    digestTasks.set(schedule.guildId, task);
    return task;
  };

  return {
    async start() {
      pollTask = cron.schedule(options.pollCron, track("poll", options.runPoll), {
        timezone: options.timezone,
        noOverlap: true,
        name: "poll",
      });
      for (const schedule of await options.listDigestSchedules()) {
        const task = scheduleDigest(schedule);
        if (isMissed(task, schedule, now(), options.catchUpHours)) {
          options.logger.info("posting a digest missed while stopped", { guildId: schedule.guildId });
          await track("digest", () => options.runDigest(schedule.guildId))();
        }
      }
    },
    async reschedule(guildId) {
      const schedule = (await options.listDigestSchedules()).find((s) => s.guildId === guildId);
      if (schedule) scheduleDigest(schedule);
      else {
        digestTasks.get(guildId)?.destroy();
        digestTasks.delete(guildId);
      }
    },
    async stop() {
      await pollTask?.destroy();
      for (const task of digestTasks.values()) await task.destroy();
      digestTasks.clear();
      await Promise.allSettled([...inFlight]);
    },
    nextRuns() {
      const digests: Record<string, Date | undefined> = {};
      for (const [guildId, task] of digestTasks) digests[guildId] = task.getNextRun() ?? undefined;
      return { poll: pollTask?.getNextRun() ?? undefined, digests };
    },
  };
}

/** The latest time the task should have run, looking back at most `hours`. */
export function previousRun(task: Pick<ScheduledTask, "match">, now: Date, hours: number): Date | undefined {
  const minute = 60_000;
  const start = Math.floor(now.getTime() / minute) * minute;
  for (let t = start; t >= now.getTime() - hours * 3_600_000; t -= minute) {
    if (task.match(new Date(t))) return new Date(t);
  }
  return undefined;
}

function isMissed(task: ScheduledTask, schedule: DigestSchedule, now: Date, hours: number): boolean {
  // A guild that never had a digest waits for its first scheduled time.
  if (!schedule.lastDigestAt) return false;
  const previous = previousRun(task, now, hours);
  return previous !== undefined && new Date(schedule.lastDigestAt) < previous;
}
