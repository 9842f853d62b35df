// next-auth configuration: e-mail + password, JWT sessions carrying the user's id, role,
// customer and session version. `currentActor` re-reads the user on every request and refuses
// a token whose session version is behind the user's, so signing out (which moves the version
// on, in `events.signOut`), a password change, a role change and deactivation end every
// session issued before them, however long the copied token would still be valid.
import type { AuthOptions } from "next-auth";
import credentials from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/domain/access/safe-redirect";
import type { Role } from "@/domain/roles";
import { AppError } from "@/server/errors";
import { signOut } from "@/server/services/auth/sign-out";
import { verifySignIn } from "@/server/services/auth/verify-sign-in";
import { clientAddressOf } from "./client-address";

// Node's own ESM loader (scripts run with tsx, e.g. bench:portal) hands over the CommonJS module
// object, Next's bundler its default export.
const CredentialsProvider = (credentials as unknown as { default?: typeof credentials }).default ?? credentials;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; customerId: string | null; sessionVersion: number };
  }
  interface User {
    role: Role;
    customerId: string | null;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    role: Role;
    customerId: string | null;
    sessionVersion: number;
  }
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        try {
          return await verifySignIn(
            { email: credentials?.email ?? "", password: credentials?.password ?? "" },
            { clientAddress: clientAddressOf(request?.headers) },
          );
        } catch (error) {
          // next-auth passes this message to the sign-in form.
          if (error instanceof AppError) throw new Error(error.message);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    /** Wherever next-auth is asked to send the browser afterwards, it stays on this app. */
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, baseUrl), baseUrl).href;
    },
    jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.role = user.role;
        token.customerId = user.customerId;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.userId,
        email: token.email ?? "",
        name: token.name ?? "",
        role: token.role,
        customerId: token.customerId,
        sessionVersion: token.sessionVersion,
      };
      return session;
    },
  },
  events: {
    // next-auth runs this on POST /api/auth/signout with the token being signed out, before
    // it clears the cookie. An error here is logged by next-auth and the cookie still cleared.
    async signOut({ token }) {
      if (token?.userId && typeof token.sessionVersion === "number") {
        await signOut({ userId: token.userId, sessionVersion: token.sessionVersion });
      }
    },
  },
};
