import { SingleBar } from 'cli-progress';

/** How the importer shows its progress: a bar on a terminal, plain lines otherwise. */
export interface ProgressView {
  start(phase: string, total: number): void;
  tick(): void;
  stop(): void;
}

export function progressView(stream: NodeJS.WriteStream | undefined, write: (line: string) => void): ProgressView {
  return stream?.isTTY ? barView(stream) : lineView(write);
}

function barView(stream: NodeJS.WriteStream): ProgressView {
  let bar: SingleBar | undefined;
  return {
    start(phase, total) {
      bar?.stop();
      bar = new SingleBar({
        stream,
        format: `${phase} [{bar}] {value}/{total} rooms | {rate} rooms/s | ETA {eta_formatted}`,
        hideCursor: true,
      });
      bar.start(total, 0, { rate: '0.0' });
    },
    tick() {
      if (!bar) return;
      const elapsed = (Date.now() - (bar as unknown as { startTime: number }).startTime) / 1000;
      bar.increment(1, { rate: ((bar.getProgress() * bar.getTotal()) / Math.max(elapsed, 0.001)).toFixed(1) });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** One line when a phase starts, then one every 5 s and one at the end: logs stay readable. */
function lineView(write: (line: string) => void): ProgressView {
  let phase = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let lastLine = 0;
  const line = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
    write(`${phase}: ${done}/${total} rooms, ${rate.toFixed(1)} rooms/s, ETA ${eta} s\n`);
    lastLine = Date.now();
  };
  return {
    start(p, t) {
      [phase, total, done, started] = [p, t, 0, Date.now()];
      line();
    },
    tick() {
      done++;
      if (Date.now() - lastLine >= 5000) line();
    },
    stop() {
      if (total > 0) line();
      total = 0;
    },
  };
}
