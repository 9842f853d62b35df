// next-auth configuration: e-mail + password, JWT sessions carrying the user's id, role and
// customer. The role and customer in the token are re-read from the database on every
// request by `currentActor`, so a disabled user or a changed role takes effect at once.
import type { AuthOptions } from "next-auth";
import credentials from "next-auth/providers/credentials";
import { safeRedirectPath } from "@/domain/access/safe-redirect";
import type { Role } from "@/domain/roles";
import { AppError } from "@/server/errors";
import { verifySignIn } from "@/server/services/auth/verify-sign-in";

// Node's own ESM loader (scripts run with tsx, e.g. bench:portal) hands over the CommonJS module
// object, Next's bundler its default export.
const CredentialsProvider = (credentials as unknown as { default?: typeof credentials }).default ?? credentials;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; customerId: string | null };
  }
  interface User {
    role: Role;
    customerId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId: string;
    role: Role;
    customerId: string | null;
  }
}

export const authOptions: AuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        try {
          const user = await verifySignIn({ email: credentials?.email ?? "", password: credentials?.password ?? "" });
          return { id: user.id, email: user.email, name: user.name, role: user.role, customerId: user.customerId };
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
      };
      return session;
    },
  },
};
