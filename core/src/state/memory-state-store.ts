import type { SetOptions, Spacing, StateStore } from './state-store.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/** Sweep expired entries once the map grows past this many since the last sweep. */
const SWEEP_EVERY = 1024;

/**
 * The default store: one process, nothing to run beside it. Same semantics as the Redis store,
 * so the hosted mode behaves alike with one replica or many.
 */
export class MemoryStateStore implements StateStore {
  readonly kind = 'memory' as const;
  private readonly values = new Map<string, Entry>();
  private readonly leaseSets = new Map<string, Map<string, number>>();
  private writes = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async get(key: string): Promise<string | undefined> {
    return this.read(key);
  }

  async set(key: string, value: string, options: SetOptions = {}): Promise<boolean> {
    if (options.onlyIfAbsent && this.read(key) !== undefined) return false;
    this.write(key, value, options.ttlMs);
    return true;
  }

  async compareAndSet(
    key: string,
    expected: string | undefined,
    next: string | undefined,
    options: { ttlMs?: number } = {},
  ): Promise<boolean> {
    if (this.read(key) !== expected) return false;
    if (next === undefined) this.values.delete(key);
    else this.write(key, next, options.ttlMs);
    return true;
  }

  async take(key: string): Promise<string | undefined> {
    const value = this.read(key);
    this.values.delete(key);
    return value;
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.leaseSets.delete(key);
  }

  async raise(key: string, value: number, ttlMs: number): Promise<number> {
    const current = Number(this.read(key) ?? 0);
    if (value <= current) return current;
    this.write(key, String(value), ttlMs);
    return value;
  }

  async reserveAt(now: number, waitKeys: string[], spacing?: Spacing): Promise<number> {
    let at = now;
    for (const key of waitKeys) at = Math.max(at, Number(this.read(key) ?? 0));
    if (spacing) {
      at = Math.max(at, Number(this.read(spacing.key) ?? 0));
      this.write(spacing.key, String(at + spacing.ms), spacing.ttlMs);
    }
    return at;
  }

  async acquireLease(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    const held = this.liveLeases(key);
    if (!held.has(holder) && held.size >= limit) return false;
    held.set(holder, this.now() + leaseMs);
    return true;
  }

  async renewLease(key: string, holder: string, leaseMs: number): Promise<boolean> {
    const held = this.liveLeases(key);
    if (!held.has(holder)) return false;
    held.set(holder, this.now() + leaseMs);
    return true;
  }

  async releaseLease(key: string, holder: string): Promise<void> {
    this.leaseSets.get(key)?.delete(holder);
  }

  async leases(key: string): Promise<number> {
    return this.liveLeases(key).size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.values.clear();
    this.leaseSets.clear();
  }

  private read(key: string): string | undefined {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private write(key: string, value: string, ttlMs: number | undefined): void {
    this.values.set(key, { value, expiresAt: ttlMs === undefined ? Infinity : this.now() + ttlMs });
    if (++this.writes % SWEEP_EVERY === 0) this.sweep();
  }

  private liveLeases(key: string): Map<string, number> {
    let held = this.leaseSets.get(key);
    if (!held) this.leaseSets.set(key, (held = new Map()));
    const now = this.now();
    for (const [holder, until] of held) if (until <= now) held.delete(holder);
    return held;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.values) if (entry.expiresAt <= now) this.values.delete(key);
  }
}
