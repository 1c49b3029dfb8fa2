// "A newer lookup always wins": each request takes a ticket; only the newest ticket's
// answer may reach the screen, however late an older one arrives.
export class Latest {
  private newest = 0;

  /** Starts a request; returns its ticket. */
  begin(): number {
    this.newest += 1;
    return this.newest;
  }

  /** Whether the answer for `ticket` may still be shown. */
  isCurrent(ticket: number): boolean {
    return ticket === this.newest;
  }
}
