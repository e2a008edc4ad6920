/**
 * When to write a checkpoint. Edits are durable as soon as their journal record is stored, so a
 * checkpoint only keeps the journal short and opening fast: it waits until the analyst pauses
 * (a few seconds after the last edit) rather than rewriting a large workspace on every keystroke,
 * and is forced when the page is hidden or closed, where waiting could mean never.
 */
export class CheckpointScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly delayMs = 2000,
  ) {}

  /** An edit was acknowledged: checkpoint once things have been quiet for the delay. */
  touch(): void {
    this.dirty = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Checkpoints now if anything changed since the last one; resolves when it is written. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    // One at a time; an edit made while one runs is picked up by the next.
    while (this.running) await this.running;
    if (!this.dirty) return;
    this.dirty = false;
    this.running = this.write().catch(() => {
      // Still dirty: the journal holds the edits, and the next flush tries again.
      this.dirty = true;
    });
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Forgets pending work (the workspace was closed after a final flush). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
  }

  get pending(): boolean {
    return this.dirty;
  }
}
