/**
 * How often a crashed language server is restarted: at most `maxRestarts` within `windowMs`.
 * Pure (no vscode import) so it can be reasoned about and tested alone.
 */
export class RestartPolicy {
  private readonly restarts: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Record a crash; true if the server should be restarted. */
  shouldRestart(): boolean {
    const t = this.now();
    while (this.restarts.length > 0 && t - this.restarts[0] > this.windowMs) this.restarts.shift();
    if (this.restarts.length >= this.maxRestarts) return false;
    this.restarts.push(t);
    return true;
  }

  /** Restarts counted in the current window. */
  get count(): number {
    return this.restarts.length;
  }

  reset(): void {
    this.restarts.length = 0;
  }
}
