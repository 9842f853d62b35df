// The OpenAPI document of REST v1: public (no API key), and built from code alone, so it is
// rendered once at build time and served as a static file.
import { openApiDocument } from "@/server/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
