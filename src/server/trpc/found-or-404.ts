// Pages answer a missing or malformed id with Next's 404, as the procedures answer NOT_FOUND
// for another customer's record: the page never confirms that it exists.
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

export async function foundOr404<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
