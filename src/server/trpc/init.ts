// The procedure builders. Authorization happens here, once: each builder narrows the
// context (a signed-in actor, a role, the customer whose data may be read), and use cases
// receive only what the builder proved.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { CUSTOMER_ROLES, isCustomerRole, PROVIDER_ROLES, type Role } from "@/domain/roles";
import { db, withCustomerScope } from "@/server/db";
import {
  AppError,
  type AppErrorCode,
  ERROR_MAP,
  type FieldError,
  fieldErrorsFromZod,
  toAppError,
} from "@/server/errors";
import type { Context } from "./context";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fields: FieldError[] =
      cause instanceof z.ZodError ? fieldErrorsFromZod(cause) : cause instanceof AppError ? cause.fields : [];
    const appCode: AppErrorCode | null =
      cause instanceof AppError ? cause.code : cause instanceof z.ZodError ? "VALIDATION_FAILED" : null;
    const message = cause instanceof z.ZodError ? (fields[0]?.message ?? "Some fields are not valid.") : shape.message;
    return { ...shape, message, data: { ...shape.data, stack: undefined, appCode, fields } };
  },
});

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
