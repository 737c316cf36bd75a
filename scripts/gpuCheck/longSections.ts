// gpu:check's long sections, after the speed, each on a fresh device: the book's ConvNet with early
// stopping (earlyStopRun.ts), then the time-to-accuracy recipes (timeToAccuracy.ts).
import { earlyStopRun } from './earlyStopRun';
import { EARLY_STOP_SECTION } from './sectionFlags';
import { runTimedSections } from './timeToAccuracy';

export { formatSection } from './timeToAccuracy';

const errorText = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** Runs them as the flags say; the ConvNet's result goes into `s.report` (convnetStop), the timed ones are returned. */
export async function longSections(
  flags: Map<string, string>,
  s: Parameters<typeof runTimedSections>[1] & { report: Record<string, unknown> },
): ReturnType<typeof runTimedSections> {
  if (!s.options.skip.has(EARLY_STOP_SECTION)) {
    s.log("== the book's ConvNet with early stopping");
    const errors: string[] = [];
    const gpu = await s.checkedDevice(errors);
    try {
      s.report.convnetStop = await earlyStopRun(gpu, s.mnist, flags, s.log);
    } catch (error) {
      s.report.convnetStop = { error: errorText(error) };
      s.failures.push(`convnetStop: ${errorText(error)}`);
    }
    if (errors.length > 0) s.failures.push(`convnetStop: device errors: ${errors.join(' | ')}`);
    gpu.device.destroy();
  }
  return runTimedSections(flags, s);
}
