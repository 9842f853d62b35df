import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Outcome Ledger", template: "%s · Outcome Ledger" },
  description: "Every billed outcome with its evidence, open to contest.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, never prerendered at build time: Next can only put
  // the request's CSP nonce (src/proxy.ts) on the scripts of a page it renders for that request.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
