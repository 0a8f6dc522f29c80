import { JobQueue } from '@kontor/platform';

export interface WorkerSpec {
  queue: string;
  handler: (data: any) => Promise<void>;
}

/**
 * Registers workers one after another, retrying a deadlock: pg-boss creates a queue's table with
 * DDL, and several queues created at the same moment (parallel module init hooks) can deadlock.
 */
export async function registerWorkers(jobs: JobQueue, workers: WorkerSpec[]): Promise<void> {
  for (const w of workers) {
    for (let attempt = 1; ; attempt++) {
      try {
        await jobs.work(w.queue, w.handler);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }
}
