/** Lets the store tell the delivery worker "events committed" without either knowing the other. */
export class EventSignal {
  private listener: (() => void) | undefined;

  notify(): void {
    this.listener?.();
  }

  listen(listener: () => void): void {
    this.listener = listener;
  }
}
