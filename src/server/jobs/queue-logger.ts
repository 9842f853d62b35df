// graphile-worker logs every job it starts and finishes at "info"; our run log (job_run) and
// the Jobs page say that. Its warnings and errors still reach the console.
import { Logger } from "graphile-worker";

export const quietQueueLogger = new Logger(() => (level, message) => {
  if (level === "error") console.error(`job queue: ${message}`);
  else if (level === "warning") console.warn(`job queue: ${message}`);
});
