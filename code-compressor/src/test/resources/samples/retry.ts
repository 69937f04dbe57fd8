import { EventEmitter } from 'events';

export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs?: number;
  retryOn?: (error: unknown) => boolean;
}

export type Task<T> = (attempt: number) => Promise<T>;

const DEFAULTS: RetryOptions = { attempts: 5, baseDelayMs: 100, maxDelayMs: 10_000 };

/**
 * Retries an async task with exponential backoff and full jitter.
 * Emits 'retry' before each new attempt and 'giveup' when the attempts run out.
 * Errors for which retryOn returns false are rethrown at once.
 */
export class Retrier extends EventEmitter {
  private readonly options: RetryOptions;

  constructor(options: Partial<RetryOptions> = {}) {
    super();
    this.options = { ...DEFAULTS, ...options };
    if (this.options.attempts < 1) {
      throw new RangeError('attempts must be at least 1');
    }
  }

  async run<T>(task: Task<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      try {
        return await task(attempt);
      } catch (error) {
        lastError = error;
        if (this.options.retryOn && !this.options.retryOn(error)) {
          throw error;
        }
        if (attempt === this.options.attempts) {
          break;
        }
        const delay = this.delayFor(attempt);
        this.emit('retry', { attempt, delay, error });
        await sleep(delay);
      }
    }
    this.emit('giveup', lastError);
    throw lastError;
  }

  delayFor(attempt: number): number {
    const cap = this.options.maxDelayMs ?? Number.MAX_SAFE_INTEGER;
    const exponential = Math.min(cap, this.options.baseDelayMs * 2 ** (attempt - 1));
    const jittered = Math.random() * exponential;
    return Math.max(1, Math.round(jittered));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN') {
    return true;
  }
  const status = (error as { status?: number }).status;
  return status === 429 || (status !== undefined && status >= 500);
}

export const fetchJson = async <T>(url: string, retrier = new Retrier({ retryOn: isTransient })): Promise<T> => {
  return retrier.run(async (attempt) => {
    const response = await fetch(url, { headers: { 'x-attempt': String(attempt) } });
    if (!response.ok) {
      const error = new Error(`GET ${url} failed: ${response.status}`) as Error & { status: number };
      error.status = response.status;
      throw error;
    }
    return (await response.json()) as T;
  });
};
