// Next.js calls this once when a server instance starts: it joins the job queue (every
// instance does; the queue runs each scheduled job once across them) and leaves it cleanly on
// SIGTERM/SIGINT, finishing the jobs in progress, so none stays locked.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SCHEDULER === "off") return;
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) return;
  const { startJobQueue } = await import("./server/jobs/queue");
  const queue = await startJobQueue({ databaseUrl });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void queue.stop());
}
