// Liveness and readiness in one: 200 when the database answers, 503 when it does not.
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return Response.json({ status: "ok", database: { status: "up", latencyMs } });
  } catch (error) {
    console.error(`health: database check failed: ${error instanceof Error ? error.message : String(error)}`);
    return Response.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
