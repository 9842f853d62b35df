// The procedure builders. Authorization happens here, once: each builder narrows the
// context (a signed-in actor, a role, the customer whose data may be read), and use cases
// receive only what the builder proved.
import { initTRPC, type TRPC_ERROR_CODE_KEY, TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { z } from "zod";
import { CUSTOMER_ROLES, isCustomerRole, PROVIDER_ROLES, type Role } from "@/domain/roles";
import { db, withCustomerScope } from "@/server/db";
import { AppError, type AppErrorCode, ERROR_MAP, toAppError, WHOLE_REQUEST } from "@/server/errors";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Every error leaves in the one table's terms: its appCode, fields, and the status and tRPC
  // code ERROR_MAP gives that appCode (the HTTP status follows data.httpStatus).
  errorFormatter({ shape, error }) {
    const appError = appErrorOf(error);
    const { status, trpc } = ERROR_MAP[appError.code];
    const message =
      error.cause instanceof z.ZodError ? (appError.fields[0]?.message ?? appError.message) : appError.message;
    return {
      ...shape,
      code: TRPC_ERROR_CODES_BY_KEY[trpc],
      message,
      data: {
        ...shape.data,
        code: trpc,
        httpStatus: status,
        stack: undefined,
        appCode: appError.code,
        fields: appError.fields,
      },
    };
  },
});

const APP_CODE_OF_TRPC = new Map(
  Object.entries(ERROR_MAP).map(([code, { trpc }]) => [trpc as TRPC_ERROR_CODE_KEY, code as AppErrorCode]),
);
const SERVER_SIDE: ReadonlySet<TRPC_ERROR_CODE_KEY> = new Set(["NOT_IMPLEMENTED", "BAD_GATEWAY", "GATEWAY_TIMEOUT"]);

/**
 * What an error means in the one table: the AppError a procedure threw, the ZodError's fields,
 * or the meaning of a refusal by the builders or by tRPC itself (a signed-out call, a role
 * that may not, an unknown procedure, a wrong method, input that is not JSON). A client
 * mistake tRPC names with a code the table lacks (405 for a wrong method) is
 * VALIDATION_FAILED naming the request, as a wrong body type is in the route.
 */
function appErrorOf(error: TRPCError): AppError {
  const cause = error.cause;
  if (cause instanceof AppError) return cause;
  if (cause instanceof z.ZodError) return toAppError(cause);
  const code = APP_CODE_OF_TRPC.get(error.code) ?? (SERVER_SIDE.has(error.code) ? "INTERNAL" : "VALIDATION_FAILED");
  if (code === "INTERNAL") return toAppError(cause ?? error);
  if (code === "VALIDATION_FAILED") {
    return new AppError(code, error.message, [{ path: WHOLE_REQUEST, message: error.message }]);
  }
  return new AppError(code, error.message);
}

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every AppError becomes the tRPC error its code maps to; anything unknown is logged and hidden. */
const appErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok || result.error.cause instanceof z.ZodError || !(result.error.code === "INTERNAL_SERVER_ERROR")) {
    return result;
  }
  const original = result.error.cause ?? result.error;
  const appError = toAppError(original);
  if (appError.code === "INTERNAL") console.error(`tRPC ${path} failed:`, original);
  if (appError.retryAfterSeconds !== undefined) ctx.resHeaders?.set("retry-after", String(appError.retryAfterSeconds));
  throw new TRPCError({ code: ERROR_MAP[appError.code].trpc, message: appError.message, cause: appError });
});

export const publicProcedure = t.procedure.use(appErrors);

/**
 * A signed-in actor. A customer user's whole procedure runs in their company's database scope,
 * so even a query that forgot its customer filter sees no other company's rows.
 */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.actor;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in again." });
  const proceed = () => next({ ctx: { ...ctx, actor } });
  return isCustomerRole(actor.role) ? withCustomerScope(actor.customerId!, proceed) : proceed();
});

function requireRole(roles: readonly Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}

/** Provider staff: admins and reviewers. */
export const providerProcedure = requireRole(PROVIDER_ROLES);
export const adminProcedure = requireRole(["admin"]);
/** Customer users (finance, viewer) acting on their own company. */
export const customerProcedure = requireRole(CUSTOMER_ROLES).use(({ ctx, next }) =>
  next({ ctx: { ...ctx, customerId: ctx.actor.customerId! } }),
);
/** A customer's finance users acting on their own company (viewers and provider staff read only). */
export const financeProcedure = requireRole(["finance"]).use(({ ctx, next }) =>
  next({ ctx: { ...ctx, customerId: ctx.actor.customerId! } }),
);

/**
 * The customer portal's views: a customer user always gets their own company, whatever the
 * request says; provider staff get the customer chosen in the switcher (or the first one).
 */
export const portalProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (isCustomerRole(ctx.actor.role)) return next({ ctx: { ...ctx, customerId: ctx.actor.customerId! } });
  const customer =
    (ctx.viewedCustomerId && z.uuid().safeParse(ctx.viewedCustomerId).success
      ? await db().customer.findUnique({ where: { id: ctx.viewedCustomerId }, select: { id: true } })
      : null) ?? (await db().customer.findFirst({ orderBy: { name: "asc" }, select: { id: true } }));
  if (!customer) throw new TRPCError({ code: "NOT_FOUND", message: "There are no customers yet." });
  return next({ ctx: { ...ctx, customerId: customer.id } });
});
